"use client";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { saveMessage } from "@/app/(app)/messages/actions";
import { ActionForm } from "@/components/form/action-form";
import { ActionError, ActionSuccess, FieldErrorText, fieldErrorAria, useFieldErrors } from "@/components/form/action-feedback";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { LiveMessagePicker } from "./live-message-picker";

export type MessageFormValues = { id?: string; name: string; esputnikId: number | ""; channel: "email" | "sms"; description: string; notes: string };
export type SavedMessage = { id: string; name: string; esputnikId: number; channel: "email" | "sms" };

/** Create or edit a message reference: type the eSputnik id as in the seed manual, or pick it live. */
export function MessageForm({
  initial,
  canEdit,
  onSaved,
  compact = false,
}: {
  initial: MessageFormValues;
  canEdit: boolean;
  onSaved?: (m: SavedMessage) => void;
  compact?: boolean;
}) {
  const t = useTranslations("messages");
  const tc = useTranslations("common");
  const [state, action] = useActionState(saveMessage, null);
  const [values, setValues] = useState(initial);
  const [picking, setPicking] = useState(false);
  const fe = state && !state.ok ? state.fieldErrors : undefined;
  const channelErrors = useFieldErrors(fe?.channel);
  const channelErrorId = useId();
  const notified = useRef<number | null>(null);

  useEffect(() => {
    if (state?.ok && notified.current !== state.at) {
      notified.current = state.at;
      onSaved?.(state.data);
    }
  }, [state, onSaved]);

  const set = (k: keyof MessageFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <ActionForm action={action} className="space-y-4" data-testid="message-form">
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {canEdit ? (
        <div>
          <button type="button" className="btn-secondary" onClick={() => setPicking((p) => !p)} data-testid="pick-from-esputnik">
            {picking ? t("hideLive") : t("pickFromEsputnik")}
          </button>
          {picking ? (
            <div className="mt-3">
              <LiveMessagePicker
                channel={values.channel}
                onPick={(m) => {
                  setValues((v) => ({ ...v, name: v.name.trim() ? v.name : m.name, esputnikId: m.esputnikId, channel: m.channel }));
                  setPicking(false);
                }}
              />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className={compact ? "grid gap-3 sm:grid-cols-2" : "grid gap-4 sm:grid-cols-2"}>
        <TextField label={t("name")} name="name" value={values.name} onChange={set("name")} required disabled={!canEdit} errors={fe?.name} />
        <TextField
          label={t("esputnikId")}
          name="esputnikId"
          inputMode="numeric"
          value={String(values.esputnikId)}
          onChange={set("esputnikId")}
          required
          disabled={!canEdit}
          errors={fe?.esputnikId}
        />
        <div>
          <label className="field-label" htmlFor="message-channel">
            {t("channel")}
          </label>
          <select
            id="message-channel"
            name="channel"
            className="field-input"
            value={values.channel}
            onChange={(e) => {
              channelErrors.onEdit();
              set("channel")(e);
            }}
            disabled={!canEdit}
            {...fieldErrorAria(channelErrors.errors, channelErrorId)}
          >
            <option value="email">Email</option>
            <option value="sms">SMS</option>
          </select>
          <FieldErrorText errors={channelErrors.errors} id={channelErrorId} />
        </div>
        <TextField label={t("description")} name="description" value={values.description} onChange={set("description")} disabled={!canEdit} errors={fe?.description} />
      </div>
      {!compact ? (
        <div>
          <label className="field-label" htmlFor="message-notes">
            {t("notes")}
          </label>
          <textarea id="message-notes" name="notes" rows={3} className="field-input" value={values.notes} onChange={set("notes")} disabled={!canEdit} />
        </div>
      ) : null}
      <ActionError state={state} />
      <ActionSuccess state={state}>{tc("saved")}</ActionSuccess>
      {canEdit ? <SubmitButton pendingText={tc("saving")}>{tc("save")}</SubmitButton> : null}
    </ActionForm>
  );
}
