"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { login } from "./actions";
import { ActionError } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/text-field";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [state, action] = useActionState(login, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm action={action} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required errors={fieldErrors?.email} />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors?.password}
      />
      <ActionError state={state && !state.ok && state.error !== "invalid" ? state : null} testId="login-error" />
      <SubmitButton className="btn-primary w-full" pendingText={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
