"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { SendProgress } from "@/lib/sending/progress";
import { useErrorText } from "@/components/form/action-feedback";
import { useSendProgress } from "./use-send-progress";

const SEGMENTS = [
  { key: "accepted", className: "bg-green-500" },
  { key: "rejected", className: "bg-red-500" },
  { key: "inDoubt", className: "bg-amber-400" },
  { key: "remaining", className: "bg-gray-200" },
] as const;

/**
 * Live sending progress of a mailing: accepted / rejected / in doubt / remaining, the rate and the
 * time left, and the mailing's status with its failure reason. Updates itself while sending.
 */
export function SendProgressBar({ mailingId, initial }: { mailingId: string; initial: SendProgress | null }) {
  const t = useTranslations("sending.progress");
  const ts = useTranslations("mailingStatus");
  const format = useFormatter();
  const errorText = useErrorText();
  const progress = useSendProgress(mailingId, initial);
  if (!progress || progress.status === "draft") return null;

  const handled = progress.accepted + progress.rejected + progress.inDoubt;
  const total = Math.max(progress.total, 1);
  const percent = Math.floor((handled / total) * 100);
  return (
    <section className="card space-y-3" data-testid="send-progress" data-status={progress.status} aria-live="polite">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">
          {t("title")} · <span data-testid="send-progress-status">{ts(progress.status)}</span>
        </h2>
        <p className="text-sm text-gray-600 tabular-nums">
          {t("handled", { handled: format.number(handled), total: format.number(progress.total) })}
          {progress.ratePerSecond ? ` · ${t("rate", { rate: format.number(Math.round(progress.ratePerSecond)) })}` : null}
          {progress.etaSeconds ? ` · ${t("eta", { time: duration(format, progress.etaSeconds) })}` : null}
        </p>
      </div>

      <div
        className="flex h-3 w-full overflow-hidden rounded-full bg-gray-100"
        role="progressbar"
        aria-label={t("title")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="send-progress-bar"
      >
        {SEGMENTS.map(({ key, className }) =>
          progress[key] > 0 ? <div key={key} className={className} style={{ width: `${(progress[key] / total) * 100}%` }} /> : null,
        )}
      </div>

      {/* Each number sits right after its own label, and a wide gap separates one pair from the next. */}
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        {SEGMENTS.map(({ key, className }) => (
          <div key={key} className="flex items-center gap-2">
            <span className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${className}`} aria-hidden />
            <dt className="text-gray-600">{t(key)}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`send-progress-${key}`}>
              {format.number(progress[key])}
            </dd>
          </div>
        ))}
      </dl>

      {progress.inDoubt > 0 ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="send-progress-in-doubt">
          {t("inDoubtHint", { count: progress.inDoubt })}
        </p>
      ) : null}
      {progress.failureCode ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="send-progress-failure">
          {errorText(progress.failureCode)}
          {progress.failureDetail ? <span className="mt-1 block text-xs text-red-700">{t("detail", { detail: progress.failureDetail })}</span> : null}
        </p>
      ) : null}
      {progress.statusCheckedAt ? (
        <p className="text-xs text-gray-500" data-testid="send-progress-checked">
          {t("checked", { date: format.dateTime(new Date(progress.statusCheckedAt), { dateStyle: "medium", timeStyle: "short" }) })}
          {" · "}
          {t("outcomes", {
            delivered: format.number(progress.delivered),
            notDelivered: format.number(progress.notDelivered),
            done: format.number(progress.done),
            accepted: format.number(progress.accepted),
          })}
        </p>
      ) : null}
    </section>
  );
}

function duration(format: ReturnType<typeof useFormatter>, seconds: number): string {
  if (seconds < 90) return format.number(seconds, { style: "unit", unit: "second", unitDisplay: "short" });
  if (seconds < 5400) return format.number(Math.round(seconds / 60), { style: "unit", unit: "minute", unitDisplay: "short" });
  return format.number(Math.round(seconds / 360) / 10, { style: "unit", unit: "hour", unitDisplay: "short" });
}
