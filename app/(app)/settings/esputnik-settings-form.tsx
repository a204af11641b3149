"use client";
import { useActionState, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, ActionSuccess } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useResetOnSuccess } from "@/components/form/use-reset-on-success";
import { saveSettings, testConnection } from "./actions";

/**
 * One form, two buttons: Save stores the values; Test connection tries them as typed, saved or not
 * (the server decides whether a blank password may stand for the stored one).
 */
export function EsputnikSettingsForm(props: { apiUrl: string; login: string; passwordSet: boolean }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const format = useFormatter();
  const [saved, save] = useActionState(saveSettings, null);
  const [tested, test] = useActionState(testConnection, null);
  // Set on the button's click, outside the submit's transition: an update inside it would only
  // show once the action had finished. Enter in a field clicks the first button, Save.
  const [intent, setIntent] = useState<"save" | "test">("save");
  const formRef = useResetOnSuccess(saved);
  const last = intent === "test" ? tested : saved;
  const fieldErrors = last && !last.ok ? last.fieldErrors : undefined;
  const passwordSet = saved?.ok ? saved.data.passwordSet : props.passwordSet;
  return (
    <ActionForm
      ref={formRef}
      action={(form) => (form.get("intent") === "test" ? test : save)(form)}
      className="space-y-4"
      data-testid="esputnik-settings-form"
    >
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
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="intent" value="save" onClick={() => setIntent("save")} pendingText={intent === "save" ? tc("saving") : undefined} data-testid="save-settings">
          {tc("save")}
        </SubmitButton>
        <SubmitButton name="intent" value="test" onClick={() => setIntent("test")} className="btn-secondary" pendingText={intent === "test" ? t("testing") : undefined} data-testid="test-connection">
          {t("testConnection")}
        </SubmitButton>
      </div>
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
  );
}
