"use client";
import { useActionState, useEffect, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { pickContactsAction } from "@/app/(app)/mailings/actions";
import { ActionError } from "@/components/form/action-feedback";

/** Searchable, paged contact list with check-boxes (or a single choice), selection kept across pages. */
export function ContactPicker({ multiple, selected, onChange }: { multiple: boolean; selected: Set<string>; onChange: (ids: Set<string>) => void }) {
  const t = useTranslations("audience");
  const tl = useTranslations("list");
  const format = useFormatter();
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [state, run] = useActionState(pickContactsAction, null);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => run({ search, page })), search ? 250 : 0);
    return () => clearTimeout(timer);
  }, [search, page, run]);

  const toggle = (id: string) => {
    const next = new Set(multiple ? selected : []);
    if (selected.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  const data = state?.ok ? state.data : null;
  return (
    <div className="space-y-3" data-testid="contact-picker">
      <input
        className="field-input"
        placeholder={t("searchContacts")}
        aria-label={t("searchContacts")}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(1);
        }}
        autoFocus
      />
      <ActionError state={state} />
      {data ? (
        <>
          <ul className={`divide-y divide-gray-100 rounded-md border border-gray-200 ${pending ? "opacity-60" : ""}`}>
            {data.items.map((c) => (
              <li key={c.id}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-blue-50">
                  <input
                    type={multiple ? "checkbox" : "radio"}
                    name="picked"
                    checked={selected.has(c.id)}
                    onChange={() => toggle(c.id)}
                    aria-label={c.fullName}
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium">{c.fullName}</span>
                    <span className="block truncate text-xs text-gray-500">
                      {[c.accountName, c.email, c.mobilePhone].filter(Boolean).join(" · ")}
                    </span>
                  </span>
                </label>
              </li>
            ))}
            {data.items.length === 0 ? <li className="px-3 py-2 text-sm text-gray-500">{t("noContacts")}</li> : null}
          </ul>
          <div className="flex items-center justify-between text-sm text-gray-600">
            <span data-testid="picker-selected">{multiple ? t("selectedCount", { count: selected.size }) : null}</span>
            <span className="flex items-center gap-2">
              <button type="button" className="btn-secondary px-2 py-1" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} aria-label={tl("previous")}>
                ‹
              </button>
              <span>
                {format.number(page)} / {format.number(Math.max(1, Math.ceil(data.total / 20)))}
                {data.capped ? "+" : ""}
              </span>
              <button type="button" className="btn-secondary px-2 py-1" disabled={page * 20 >= data.total} onClick={() => setPage((p) => p + 1)} aria-label={tl("next")}>
                ›
              </button>
            </span>
          </div>
        </>
      ) : null}
    </div>
  );
}
