"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, ActionSuccess } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useResetOnSuccess } from "@/components/form/use-reset-on-success";
import { createAccountAction, renameAccountAction } from "@/app/(app)/accounts/actions";

export function AddAccountForm() {
  const t = useTranslations("accounts");
  const tc = useTranslations("common");
  const [state, action] = useActionState(createAccountAction, null);
  const formRef = useResetOnSuccess(state);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm ref={formRef} action={action} className="flex flex-wrap items-start gap-2" data-testid="add-account-form">
      <div className="min-w-[16rem] flex-1">
        <TextField label={t("addTitle")} name="name" required errors={fe?.name} />
      </div>
      <SubmitButton className="btn-primary mt-6" pendingText={tc("saving")}>
        {tc("add")}
      </SubmitButton>
      <div className="basis-full">
        <ActionError state={state} />
        <ActionSuccess state={state}>{state?.ok ? t("added", { name: state.data.name }) : null}</ActionSuccess>
      </div>
    </ActionForm>
  );
}

export function RenameAccountForm({ id, name }: { id: string; name: string }) {
  const t = useTranslations("accounts");
  const tc = useTranslations("common");
  const [state, action] = useActionState(renameAccountAction, null);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm action={action} className="flex flex-wrap items-start gap-2" data-testid="rename-account-form">
      <input type="hidden" name="id" value={id} />
      <div className="min-w-[16rem] flex-1">
        <TextField label={t("name")} name="name" defaultValue={name} required errors={fe?.name} />
      </div>
      <SubmitButton className="btn-secondary mt-6" pendingText={tc("saving")}>
        {t("rename")}
      </SubmitButton>
      <div className="basis-full">
        <ActionError state={state} />
        <ActionSuccess state={state}>{t("renamed")}</ActionSuccess>
      </div>
    </ActionForm>
  );
}
