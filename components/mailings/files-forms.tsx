"use client";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { attachFileAction, deleteFileAction, saveNotesAction } from "@/app/(app)/mailings/actions";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, ActionSuccess, FieldErrorText, fieldErrorAria, useFieldErrors } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { useResetOnSuccess } from "@/components/form/use-reset-on-success";

export function UploadFileForm({ mailingId }: { mailingId: string }) {
  const t = useTranslations("files");
  const [state, action] = useActionState(attachFileAction, null);
  const ref = useResetOnSuccess(state);
  const fileErrors = useFieldErrors(state && !state.ok ? state.fieldErrors?.file : undefined);
  const fileErrorId = useId();
  return (
    <ActionForm ref={ref} action={action} className="space-y-2" data-testid="upload-form" encType="multipart/form-data">
      <input type="hidden" name="mailingId" value={mailingId} />
      <input
        type="file"
        name="file"
        aria-label={t("choose")}
        className="block text-sm"
        onChange={fileErrors.onEdit}
        {...fieldErrorAria(fileErrors.errors, fileErrorId)}
      />
      <p className="text-xs text-gray-500">{t("limit")}</p>
      <FieldErrorText errors={fileErrors.errors} id={fileErrorId} />
      <ActionError state={state} />
      <SubmitButton className="btn-secondary" pendingText={t("uploading")}>
        {t("upload")}
      </SubmitButton>
    </ActionForm>
  );
}

export function DeleteFileButton({ mailingId, fileId }: { mailingId: string; fileId: string }) {
  const t = useTranslations("files");
  const [state, action] = useActionState(deleteFileAction, null);
  return (
    <ActionForm action={(f) => (window.confirm(t("confirmDelete")) ? action(f) : undefined)}>
      <input type="hidden" name="mailingId" value={mailingId} />
      <input type="hidden" name="fileId" value={fileId} />
      <ActionError state={state} />
      <SubmitButton className="btn-danger px-2 py-1 text-xs">{t("delete")}</SubmitButton>
    </ActionForm>
  );
}

export function NotesForm({ mailingId, notes, canEdit }: { mailingId: string; notes: string; canEdit: boolean }) {
  const t = useTranslations("files");
  const tc = useTranslations("common");
  const [state, action] = useActionState(saveNotesAction, null);
  return (
    <ActionForm action={action} className="space-y-2" data-testid="notes-form">
      <input type="hidden" name="id" value={mailingId} />
      <textarea name="notes" rows={8} defaultValue={notes} className="field-input" aria-label={t("notes")} disabled={!canEdit} />
      <ActionError state={state} />
      <ActionSuccess state={state}>{tc("saved")}</ActionSuccess>
      {canEdit ? <SubmitButton pendingText={tc("saving")}>{tc("save")}</SubmitButton> : null}
    </ActionForm>
  );
}
