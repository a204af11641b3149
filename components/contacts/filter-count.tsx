"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { contactFilterSchema, type ContactFilter } from "@/lib/contacts/filter";
import { countFilterAction } from "@/app/(app)/contacts/groups/actions";

/** The answer for one filter (as its JSON text): a count, or null when counting failed. */
type Counted = { key: string; count: number | null };

/**
 * How many contacts the filter selects right now, recounted a moment after each change. Only the
 * answer for the filter as it now is shows: one that arrives after a newer change is dropped, and
 * until the current one arrives the line says "counting" rather than an older filter's number.
 * A refusal or a lost request says the count failed (never a stale number); the next change, or
 * the retry button, asks again.
 */
export function FilterCount({ filter, delayMs = 400 }: { filter: ContactFilter; delayMs?: number }) {
  const t = useTranslations("groups.filter");
  const tc = useTranslations("common.error");
  const [counted, setCounted] = useState<Counted | null>(null);
  const [attempt, setAttempt] = useState(0);
  const valid = contactFilterSchema.safeParse(filter).success;
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (!valid) return;
    let current = true;
    const timer = setTimeout(() => {
      countFilterAction(null, { filter: JSON.parse(key) as ContactFilter })
        .then(
          (state) => (state?.ok ? state.data.count : null),
          () => null,
        )
        .then((count) => {
          if (current) setCounted({ key, count });
        });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, valid, delayMs, attempt]);
  if (!valid) return <p className="text-sm text-gray-500">{t("empty")}</p>;
  const answer = counted?.key === key ? counted : null;
  return (
    <p className="text-sm" aria-live="polite" data-testid="filter-count">
      {!answer ? (
        <span className="text-gray-500">{t("counting")}</span>
      ) : answer.count === null ? (
        <span className="text-red-700" data-testid="filter-count-failed">
          {t("countFailed")}{" "}
          <button
            type="button"
            className="text-blue-700 underline"
            onClick={() => {
              setCounted(null);
              setAttempt((n) => n + 1);
            }}
          >
            {tc("retry")}
          </button>
        </span>
      ) : (
        <strong>{t("matches", { count: answer.count })}</strong>
      )}
    </p>
  );
}
