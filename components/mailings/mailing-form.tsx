"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createMailingAction, updateMailingAction } from "@/app/(app)/mailings/actions";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, ActionSuccess } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { MessageLookup, type LookupMessage } from "@/components/messages/message-lookup";
import type { ServerActionFn } from "@/lib/server/action";

export type MailingFormValues = { id?: string; name: string; esputnikGroup: string; message: LookupMessage | null; alphaName: string };

/**
 * Name, "Група в eSputnik" (follows the name until edited, as in the seed manual) and
 * "Повідомлення в eSputnik" (lookup). Editable only while the mailing is a draft.
 */
export function MailingForm({ initial, editable, canAdd }: { initial: MailingFormValues; editable: boolean; canAdd: boolean }) {
  const t = useTranslations("mailings");
  const tc = useTranslations("common");
  // Creating redirects to the new mailing; editing stays here. Both report errors the same way.
  const submit = (initial.id ? updateMailingAction : createMailingAction) as ServerActionFn<null>;
  const [state, action] = useActionState(submit, null);
  const [name, setName] = useState(initial.name);
  const [group, setGroup] = useState(initial.esputnikGroup);
  const [groupTouched, setGroupTouched] = useState(Boolean(initial.id));
  const [message, setMessage] = useState(initial.message);
  const [alphaName, setAlphaName] = useState(initial.alphaName);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <ActionForm action={action} className="space-y-4" data-testid="mailing-form">
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t("name")}
          name="name"
          value={name}
          disabled={!editable}
          onChange={(e) => {
            setName(e.target.value);
            if (!groupTouched) setGroup(e.target.value);
          }}
          required
          errors={fe?.name}
        />
        <TextField
          label={t("esputnikGroup")}
          name="esputnikGroup"
          value={group}
          disabled={!editable}
          onChange={(e) => {
            setGroup(e.target.value);
            setGroupTouched(true);
          }}
          hint={t("esputnikGroupHint")}
          errors={fe?.esputnikGroup}
        />
        <div>
          <span className="field-label">{t("message")}</span>
          <MessageLookup
            name="messageId"
            value={message}
            onChange={setMessage}
            canAdd={canAdd}
            disabled={!editable}
            errors={fe?.messageId}
          />
        </div>
        {message?.channel === "sms" ? (
          <TextField
            label={t("alphaName")}
            name="alphaName"
            value={alphaName}
            disabled={!editable}
            onChange={(e) => setAlphaName(e.target.value)}
            hint={t("alphaNameHint")}
            errors={fe?.alphaName}
          />
        ) : null}
      </div>
      <ActionError state={state} />
      <ActionSuccess state={state}>{tc("saved")}</ActionSuccess>
      {editable ? (
        <SubmitButton pendingText={tc("saving")} data-testid="save-mailing">
          {tc("save")}
        </SubmitButton>
      ) : null}
    </ActionForm>
  );
}
