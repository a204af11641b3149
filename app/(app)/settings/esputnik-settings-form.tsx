"use client";
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, ActionSuccess } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useResetOnSuccess } from "@/components/form/use-reset-on-success";
import { saveSettings, testConnection } from "./actions";

export function EsputnikSettingsForm(props: { apiUrl: string; login: string; passwordSet: boolean }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const format = useFormatter();
  const [saved, save] = useActionState(saveSettings, null);
  const [tested, test] = useActionState(testConnection, null);
  const formRef = useResetOnSuccess(saved);
  const fieldErrors = saved && !saved.ok ? saved.fieldErrors : undefined;
  const passwordSet = saved?.ok ? saved.data.passwordSet : props.passwordSet;
  return (
    <div className="space-y-6">
      <ActionForm ref={formRef} action={save} className="space-y-4" data-testid="esputnik-settings-form">
        <TextField label={t("apiUrl")} name="apiUrl" defaultValue={props.apiUrl} required errors={fieldErrors?.apiUrl} />
        <TextField label={t("login")} name="login" defaultValue={props.login} hint={t("loginHint")} autoComplete="off" errors={fieldErrors?.login} />
        <TextField
          label={t("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={passwordSet ? t("passwordSet") : t("passwordNotSet")}
          errors={fieldErrors?.password}
        />
        {passwordSet ? (
          <label className="flex items-center gap-2 text-sm text-gray-700">
            <input type="checkbox" name="clearPassword" value="on" /> {t("clearPassword")}
          </label>
        ) : null}
        <ActionError state={saved} />
        <ActionSuccess state={saved}>{tc("saved")}</ActionSuccess>
        <SubmitButton pendingText={tc("saving")}>{tc("save")}</SubmitButton>
      </ActionForm>

      <ActionForm action={test} className="space-y-3 border-t border-gray-100 pt-4">
        <SubmitButton className="btn-secondary" pendingText={t("testing")} data-testid="test-connection">
          {t("testConnection")}
        </SubmitButton>
        <ActionError state={tested} testId="test-connection-error" />
        <ActionSuccess state={tested} testId="test-connection-ok">
          {tested?.ok
            ? t("testOk", {
                organisation: tested.data.organisation,
                email: tested.data.email,
                balance: format.number(tested.data.balance, { style: "currency", currency: tested.data.currency || "UAH" }),
              })
            : null}
        </ActionSuccess>
      </ActionForm>
    </div>
  );
}
