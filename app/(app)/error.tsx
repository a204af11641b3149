"use client";
import { useTranslations } from "next-intl";

/**
 * A page of the app failed on the server (the database is away, a query timed out): say so in the
 * user's language, keep the menu usable, and offer a retry. The digest ties the report to the server log.
 */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common.error");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <div className="card max-w-xl" data-testid="page-error">
      <h1 className="text-lg font-semibold text-red-800">{t("title")}</h1>
      <p className="mt-1 text-sm text-gray-700">{t("text")}</p>
      {digest ? <p className="mt-2 font-mono text-xs text-gray-500">{t("reference", { digest })}</p> : null}
      <button type="button" className="btn-primary mt-4" onClick={() => retry()}>
        {t("retry")}
      </button>
    </div>
  );
}
