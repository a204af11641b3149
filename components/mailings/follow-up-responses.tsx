"use client";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { FieldErrorText, useFieldErrors } from "@/components/form/action-feedback";
import { followUpResponsesFor, type Response } from "@/lib/mailings/response-keys";
import type { FieldError } from "@/lib/server/form";

/** The mailing's recipients per response (its tallies, read by the page), shown beside each choice of a follow-up. */
export type ResponseCounts = Partial<Record<Response, number>>;

/**
 * The responses to build the follow-up from, each with how many of the parent's recipients have it
 * as their latest response (the same rows the follow-up copies), and the sum of the ticked ones: a
 * recipient has exactly one response, so the sum counts nobody twice. Rendered inside the dialog,
 * so the ticks start afresh each time it opens, like the other fields.
 */
export function FollowUpResponses({ channel, counts, errors }: { channel: "email" | "sms"; counts: ResponseCounts; errors: FieldError[] | undefined }) {
  const t = useTranslations("mailings");
  const tr = useTranslations("responses");
  const format = useFormatter();
  const options = followUpResponsesFor(channel);
  const [chosen, setChosen] = useState<ReadonlySet<Response>>(() => new Set<Response>(["not_delivered"]));
  const shown = useFieldErrors(errors);
  const selected = options.reduce((sum, r) => sum + (chosen.has(r) ? (counts[r] ?? 0) : 0), 0);
  const toggle = (r: Response, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(r);
      else next.delete(r);
      return next;
    });
  return (
    <fieldset onChange={shown.onEdit}>
      <legend className="field-label">{t("followUpResponses")}</legend>
      <div className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {options.map((r) => (
          <label key={r} className="flex items-center gap-2">
            <input type="checkbox" name="responses" value={r} checked={chosen.has(r)} onChange={(e) => toggle(r, e.target.checked)} />
            <span>{tr(r)}</span>
            <span className="tabular-nums text-gray-500" data-testid={`follow-up-count-${r}`}>
              {format.number(counts[r] ?? 0)}
            </span>
          </label>
        ))}
      </div>
      <p className="mt-2 text-sm font-medium" aria-live="polite" data-testid="follow-up-selected">
        {t("followUpSelected", { count: selected })}
      </p>
      <p className="mt-1 text-xs text-gray-500">{t(channel === "sms" ? "followUpResponsesHintSms" : "followUpResponsesHint")}</p>
      <p className="mt-1 text-xs text-gray-500">{t("followUpCountsHint")}</p>
      <FieldErrorText errors={shown.errors} />
    </fieldset>
  );
}
