"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createFollowUpAction, deleteMailingAction } from "@/app/(app)/mailings/actions";
import { ActionForm } from "@/components/form/action-form";
import { ActionError } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { Dialog } from "@/components/ui/dialog";
import { MessageLookup, type LookupMessage } from "@/components/messages/message-lookup";
import type { MailingStatus } from "@/db/schema";
import { FollowUpResponses, type ResponseCounts } from "./follow-up-responses";

type MailingRef = { id: string; name: string; status: MailingStatus; channel: "email" | "sms"; message: LookupMessage | null; alphaName: string };

export function MailingActionsMenu({ mailing, canManage, responseCounts }: { mailing: MailingRef; canManage: boolean; responseCounts?: ResponseCounts }) {
  const t = useTranslations("mailings");
  const [followUp, setFollowUp] = useState(false);
  const [deleted, deleteNow] = useActionState(deleteMailingAction, null);
  if (!canManage) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {mailing.status !== "draft" ? (
        <button type="button" className="btn-secondary" onClick={() => setFollowUp(true)} data-testid="create-follow-up">
          {t("followUp")}
        </button>
      ) : null}
      {mailing.status === "draft" ? (
        <ActionForm action={(f) => (window.confirm(t("confirmDelete")) ? deleteNow(f) : undefined)}>
          <input type="hidden" name="id" value={mailing.id} />
          <SubmitButton className="btn-danger">{t("delete")}</SubmitButton>
        </ActionForm>
      ) : null}
      <ActionError state={deleted} />
      <FollowUpDialog open={followUp} onClose={() => setFollowUp(false)} parent={mailing} counts={responseCounts ?? {}} />
    </div>
  );
}

function FollowUpDialog({ open, onClose, parent, counts }: { open: boolean; onClose: () => void; parent: MailingRef; counts: ResponseCounts }) {
  const t = useTranslations("mailings");
  const [state, action] = useActionState(createFollowUpAction, null);
  // The parent's message and sender name to start from: a retry of "not delivered" usually resends
  // the same message; a reminder picks another one here.
  const [message, setMessage] = useState<LookupMessage | null>(parent.message);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <Dialog open={open} onClose={onClose} title={t("followUpTitle", { name: parent.name })} testId="follow-up-dialog" wide>
      <ActionForm action={action} className="space-y-4">
        <input type="hidden" name="parentId" value={parent.id} />
        <p className="text-sm text-gray-600">{t("followUpText")}</p>
        <TextField label={t("name")} name="name" defaultValue={`${parent.name} — ${t("followUpSuffix")}`} errors={fe?.name} />
        <div>
          <span className="field-label">{t("message")}</span>
          <MessageLookup
            name="messageId"
            value={message}
            onChange={setMessage}
            canAdd
            errors={fe?.messageId}
          />
        </div>
        {message?.channel === "sms" ? (
          <TextField label={t("alphaName")} name="alphaName" defaultValue={parent.alphaName} hint={t("alphaNameHint")} errors={fe?.alphaName} />
        ) : null}
        <FollowUpResponses channel={parent.channel} counts={counts} errors={fe?.responses} />
        <ActionError state={state} />
        <SubmitButton data-testid="follow-up-submit">{t("followUpCreate")}</SubmitButton>
      </ActionForm>
    </Dialog>
  );
}
