"use client";
import { useActionState, useEffect, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { searchLiveMessages } from "@/app/(app)/messages/actions";
import { ActionError } from "@/components/form/action-feedback";

export type PickedLiveMessage = { esputnikId: number; name: string; channel: "email" | "sms"; detail: string };

/** Lists the eSputnik account's own messages (search, paging) and hands the chosen one back. */
export function LiveMessagePicker({ channel: initialChannel, onPick }: { channel: "email" | "sms"; onPick: (m: PickedLiveMessage) => void }) {
  const t = useTranslations("messages");
  const tl = useTranslations("list");
  const [channel, setChannel] = useState(initialChannel);
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [state, run] = useActionState(searchLiveMessages, null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => run({ channel, search, page })), search ? 300 : 0);
    return () => clearTimeout(timer);
  }, [channel, search, page, run]);

  const pageSize = 20;
  const total = state?.ok ? state.data.total : 0;
  return (
    <div className="space-y-3 rounded-md border border-blue-200 bg-blue-50/40 p-3" data-testid="live-message-picker">
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t("channel")}
          className="rounded-md border border-gray-300 px-2 py-1 text-sm"
          value={channel}
          onChange={(e) => {
            setChannel(e.target.value as "email" | "sms");
            setPage(1);
          }}
        >
          <option value="email">Email</option>
          <option value="sms">SMS</option>
        </select>
        <input
          className="field-input max-w-xs py-1"
          placeholder={t("searchInEsputnik")}
          aria-label={t("searchInEsputnik")}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
        {pending ? <span className="text-xs text-gray-500">{t("loadingLive")}</span> : null}
      </div>
      <ActionError state={state} testId="live-picker-error" />
      {state?.ok ? (
        state.data.items.length ? (
          <ul className="divide-y divide-gray-100 rounded-md border border-gray-200 bg-white">
            {state.data.items.map((m) => (
              <li key={m.esputnikId}>
                <button
                  type="button"
                  className="flex w-full items-start justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-blue-50"
                  onClick={() => onPick(m)}
                  data-testid={`live-message-${m.esputnikId}`}
                >
                  <span>
                    <span className="block font-medium">{m.name}</span>
                    {m.detail ? <span className="block text-xs text-gray-500">{m.detail}</span> : null}
                  </span>
                  <span className="shrink-0 rounded bg-gray-100 px-2 py-0.5 font-mono text-xs">{t("idShort", { id: m.esputnikId })}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-gray-500">{t("noLiveMessages")}</p>
        )
      ) : null}
      {total > pageSize ? (
        <div className="flex items-center gap-2 text-sm">
          <button type="button" className="btn-secondary px-2 py-1" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} aria-label={tl("previous")}>
            ‹
          </button>
          <span>{t("pageOf", { page, pages: Math.ceil(total / pageSize) })}</span>
          <button type="button" className="btn-secondary px-2 py-1" disabled={page * pageSize >= total} onClick={() => setPage((p) => p + 1)} aria-label={tl("next")}>
            ›
          </button>
        </div>
      ) : null}
    </div>
  );
}
