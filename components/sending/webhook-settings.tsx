"use client";
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { rotateWebhookCredentialsAction } from "@/app/(app)/settings/webhook-actions";
import { ActionForm } from "@/components/form/action-form";
import { ActionError } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";

/**
 * Settings → webhook: the address to give eSputnik and its Basic-auth credentials. The password
 * is shown once, right after it is generated; only its hash is stored.
 */
export function WebhookSettings({ url, createdAt, username }: { url: string; createdAt: string | null; username: string | null }) {
  const t = useTranslations("sending.webhook");
  const format = useFormatter();
  const [state, rotate] = useActionState(rotateWebhookCredentialsAction, null);
  const fresh = state?.ok ? state.data : null;
  const exists = Boolean(fresh || createdAt);
  return (
    <div className="space-y-3 text-sm" data-testid="webhook-settings">
      <p className="text-gray-600">{t("text")}</p>
      <dl className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        <dt className="text-gray-500">{t("url")}</dt>
        <dd className="break-all font-mono" data-testid="webhook-url">
          {url}
        </dd>
        {exists ? (
          <>
            <dt className="text-gray-500">{t("username")}</dt>
            <dd className="font-mono">{fresh?.username ?? username}</dd>
          </>
        ) : null}
        {fresh ? (
          <>
            <dt className="text-gray-500">{t("secret")}</dt>
            <dd className="break-all font-mono" data-testid="webhook-secret">
              {fresh.secret}
            </dd>
          </>
        ) : null}
      </dl>
      {fresh ? <p className="text-amber-800">{t("shownOnce")}</p> : null}
      {!fresh ? (
        <p className="text-gray-500">{createdAt ? t("setAt", { date: format.dateTime(new Date(createdAt), { dateStyle: "medium", timeStyle: "short" }) }) : t("notSet")}</p>
      ) : null}
      <ActionForm action={(form) => (!exists || window.confirm(t("confirmRegenerate")) ? rotate(form) : undefined)}>
        <SubmitButton className="btn-secondary" data-testid="webhook-generate">
          {exists ? t("regenerate") : t("generate")}
        </SubmitButton>
      </ActionForm>
      <ActionError state={state} />
    </div>
  );
}
