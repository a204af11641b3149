"use client";
import { useActionState, useEffect, useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { findMessages } from "@/app/(app)/messages/actions";
import { Dialog } from "@/components/ui/dialog";
import { FieldErrorText, fieldErrorAria, useFieldErrors } from "@/components/form/action-feedback";
import type { FieldError } from "@/lib/server/form";
import { MessageForm } from "./message-form";

export type LookupMessage = { id: string; name: string; esputnikId: number; channel: "email" | "sms" };

/**
 * The "Повідомлення в eSputnik" field: the chosen message, a magnifier that opens a search dialog
 * of saved messages, and "Add" inside it, exactly as in the seed manual — plus the live list.
 */
export function MessageLookup({
  name,
  value,
  onChange,
  canAdd,
  disabled,
  errors,
}: {
  name: string;
  value: LookupMessage | null;
  onChange: (m: LookupMessage) => void;
  canAdd: boolean;
  disabled?: boolean;
  /** The server's errors for the field: shown below it until a message is chosen, as TextField does. */
  errors?: FieldError[];
}) {
  const t = useTranslations("messages");
  const shown = useFieldErrors(errors);
  const errorId = useId();
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState("");
  const [channel, setChannel] = useState<"" | "email" | "sms">("");
  const [state, run] = useActionState(findMessages, null);
  const [, startTransition] = useTransition();

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => startTransition(() => run({ search, channel })), 200);
    return () => clearTimeout(timer);
  }, [open, search, channel, run]);

  const choose = (m: LookupMessage) => {
    shown.onEdit();
    onChange(m);
    setOpen(false);
    setAdding(false);
  };

  return (
    <div>
      <input type="hidden" name={name} value={value?.id ?? ""} />
      <div className="flex items-stretch gap-2">
        <div className="field-input flex items-center justify-between bg-gray-50" data-testid="message-lookup-value">
          {value ? (
            <span>
              {value.name} <span className="text-xs text-gray-500">({value.channel === "email" ? "Email" : "SMS"}, ID {value.esputnikId})</span>
            </span>
          ) : (
            <span className="text-gray-400">{t("none")}</span>
          )}
        </div>
        <button type="button" className="btn-secondary" onClick={() => setOpen(true)} disabled={disabled} aria-label={t("open")}
          // The button is the field's focusable part: it carries the tie to the error text.
          {...fieldErrorAria(shown.errors, errorId)}
          data-testid="message-lookup-open"
        >
          <svg viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" />
          </svg>
        </button>
      </div>
      <FieldErrorText errors={shown.errors} id={errorId} />
      <Dialog open={open} onClose={() => setOpen(false)} title={t("lookupTitle")} testId="message-lookup-dialog" wide>
        {adding ? (
          <MessageForm
            canEdit
            compact
            initial={{ name: "", esputnikId: "", channel: value?.channel ?? "email", description: "", notes: "" }}
            onSaved={(m) => choose(m)}
          />
        ) : (
          <div className="space-y-3">
            <div className="flex gap-2">
              <input
                className="field-input"
                placeholder={t("search")}
                aria-label={t("search")}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                autoFocus
              />
              <select
                className="field-input w-32"
                aria-label={t("channel")}
                value={channel}
                onChange={(e) => setChannel(e.target.value as typeof channel)}
                data-testid="message-lookup-channel"
              >
                <option value="">{t("allChannels")}</option>
                <option value="email">Email</option>
                <option value="sms">SMS</option>
              </select>
              {canAdd ? (
                <button type="button" className="btn-primary" onClick={() => setAdding(true)} data-testid="message-lookup-add">
                  {t("add")}
                </button>
              ) : null}
            </div>
            {state?.ok ? (
              state.data.items.length ? (
                <ul className="divide-y divide-gray-100 rounded-md border border-gray-200">
                  {state.data.items.map((m) => (
                    <li key={m.id}>
                      <button
                        type="button"
                        className="flex w-full items-center justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-blue-50"
                        onClick={() => choose(m)}
                      >
                        <span className="font-medium">{m.name}</span>
                        <span className="text-xs text-gray-500">
                          {m.channel === "email" ? "Email" : "SMS"} · ID {m.esputnikId}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-gray-500">{t("empty")}</p>
              )
            ) : null}
            {state?.ok && state.data.total > state.data.items.length ? (
              <p className="text-xs text-gray-500" data-testid="message-lookup-more">
                {t("lookupMore", { shown: state.data.items.length, total: state.data.total })}
              </p>
            ) : null}
          </div>
        )}
      </Dialog>
    </div>
  );
}
