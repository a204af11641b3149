"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { ImportProgress } from "@/lib/contacts/import-contacts";
import { MAX_FAILED_RUNS } from "@/lib/contacts/import-types";
import { cancelImportAction, importProgressAction } from "@/app/(app)/contacts/import/actions";
import { ActionButton } from "./action-button";
import { importStatus } from "./import-status";

/** Between polls of a running import: a batch of 2,000 rows takes about a second. */
const POLL_MS = 1000;

export function ProgressBar({ done, total }: { done: number; total: number }) {
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="h-3 w-full overflow-hidden rounded bg-gray-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="h-full bg-blue-600 transition-all" style={{ width: `${percent}%` }} />
    </div>
  );
}

/**
 * An import's progress, read from the server: the background job does the work, so this page can
 * be closed, reloaded or opened from another tab at any time. When the import ends, the page is
 * refreshed to show its rejected rows.
 */
export function ImportProgressPanel({ initial }: { initial: ImportProgress }) {
  const t = useTranslations("csv");
  const format = useFormatter();
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const finished = progress.status === "done" || progress.status === "failed";

  useEffect(() => {
    if (finished) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await importProgressAction(null, { importId: progress.id }).catch(() => null);
      if (cancelled) return;
      // A failed poll (the server restarting, say) is simply tried again: setting a copy re-arms the timer.
      setProgress(result?.ok ? result.data : { ...progress });
      if (result?.ok && (result.data.status === "done" || result.data.status === "failed")) router.refresh();
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [progress, finished, router]);

  const n = (value: number) => format.number(value);
  const status = importStatus(progress, new Date());
  const text =
    status === "done"
      ? t("finished", { inserted: n(progress.insertedRows), rejected: n(progress.rejectedRows) })
      : status === "failed"
        ? t("stopped", { inserted: n(progress.insertedRows), rejected: n(progress.rejectedRows), left: n(progress.totalRows - progress.processedRows) })
        : status === "interrupted"
          ? t("uploadInterrupted")
          : status === "uploading"
            ? t("waitingForUpload")
            : t("importing", { done: n(progress.processedRows), total: n(progress.totalRows) });
  return (
    <div className="space-y-2" data-testid="import-progress" data-status={progress.status}>
      <ProgressBar done={progress.processedRows} total={progress.totalRows} />
      <p className="text-sm text-gray-700" aria-live="polite">
        {text}
      </p>
      {progress.failedRuns > 0 && status === "running" ? (
        <p className="text-sm text-amber-700" data-testid="import-attempts-failing">
          {t("attemptsFailing", { count: progress.failedRuns, max: MAX_FAILED_RUNS })}
        </p>
      ) : null}
      {progress.failedRuns >= MAX_FAILED_RUNS && status === "failed" ? (
        <p className="text-sm text-red-700" data-testid="import-failed-runs">
          {t("stoppedAfterFailures", { max: MAX_FAILED_RUNS })}
        </p>
      ) : null}
      {!finished ? (
        <div className="flex flex-wrap items-center gap-3">
          {status === "running" ? <p className="text-xs text-gray-500">{t("runsOnServer")}</p> : null}
          <ActionButton
            action={cancelImportAction}
            payload={{ importId: progress.id }}
            label={t("cancel")}
            confirmText={t("cancelConfirm")}
            className="btn-secondary"
            testId="import-cancel"
          />
        </div>
      ) : null}
    </div>
  );
}
