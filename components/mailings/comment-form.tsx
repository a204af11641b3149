"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addCommentAction } from "@/app/(app)/mailings/actions";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, FieldErrorText, fieldErrorAria, useFieldErrors } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { useResetOnSuccess } from "@/components/form/use-reset-on-success";

export function CommentForm({ mailingId }: { mailingId: string }) {
  const t = useTranslations("feed");
  const [state, action] = useActionState(addCommentAction, null);
  const ref = useResetOnSuccess(state);
  const textErrors = useFieldErrors(state && !state.ok ? state.fieldErrors?.text : undefined);
  return (
    <ActionForm ref={ref} action={action} className="card space-y-2" data-testid="comment-form">
      <input type="hidden" name="mailingId" value={mailingId} />
      <label className="field-label" htmlFor="comment-text">
        {t("comment")}
      </label>
      <textarea
        id="comment-text"
        name="text"
        rows={3}
        className="field-input"
        placeholder={t("placeholder")}
        onChange={textErrors.onEdit}
        {...fieldErrorAria(textErrors.errors, "comment-text-error")}
      />
      <FieldErrorText errors={textErrors.errors} id="comment-text-error" />
      <ActionError state={state} />
      <SubmitButton>{t("post")}</SubmitButton>
    </ActionForm>
  );
}
