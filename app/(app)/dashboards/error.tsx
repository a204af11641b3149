"use client";
import { useTranslations } from "next-intl";

/**
 * When counting fails (the database is away, a query times out): say so, keep the rest of the app
 * usable, and offer a retry that asks the server again. The digest ties the report to the server log.
 */
export default function DashboardsError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("dashboards");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div className="card max-w-xl" data-testid="dashboard-error">
        <p className="font-medium text-red-800">{t("error.title")}</p>
        <p className="mt-1 text-sm text-gray-700">{t("error.text")}</p>
        {digest ? <p className="mt-2 font-mono text-xs text-gray-500">{t("error.reference", { digest })}</p> : null}
        <button type="button" className="btn-primary mt-4" onClick={() => retry()} data-testid="dashboard-retry">
          {t("error.retry")}
        </button>
      </div>
    </div>
  );
}
