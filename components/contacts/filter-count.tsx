"use client";
import { startTransition, useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { contactFilterSchema, type ContactFilter } from "@/lib/contacts/filter";
import { countFilterAction } from "@/app/(app)/contacts/groups/actions";

/** How many contacts the filter selects right now, recounted a moment after each change. */
export function FilterCount({ filter, delayMs = 400 }: { filter: ContactFilter; delayMs?: number }) {
  const t = useTranslations("groups.filter");
  const [state, count, pending] = useActionState(countFilterAction, null);
  const valid = contactFilterSchema.safeParse(filter).success;
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (!valid) return;
    const timer = setTimeout(() => startTransition(() => count({ filter: JSON.parse(key) as ContactFilter })), delayMs);
    return () => clearTimeout(timer);
  }, [key, valid, count, delayMs]);
  if (!valid) return <p className="text-sm text-gray-500">{t("empty")}</p>;
  return (
    <p className="text-sm" aria-live="polite" data-testid="filter-count">
      {pending || !state ? <span className="text-gray-500">{t("counting")}</span> : state.ok ? <strong>{t("matches", { count: state.data.count })}</strong> : null}
    </p>
  );
}
