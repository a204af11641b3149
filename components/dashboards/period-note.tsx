import { getTranslations } from "next-intl/server";

/** The small "i" next to the period: which mailings a period holds, said once, on the page. */
export async function PeriodNote() {
  const t = await getTranslations("dashboards.periodNote");
  return (
    <details className="group relative inline-block align-middle" data-testid="period-note">
      <summary
        className="flex h-5 w-5 cursor-pointer list-none items-center justify-center rounded-full border border-gray-400 text-xs font-semibold text-gray-600 hover:border-blue-600 hover:text-blue-700"
        aria-label={t("label")}
        title={t("label")}
      >
        i
      </summary>
      <div className="absolute left-0 z-20 mt-2 w-72 max-w-[85vw] rounded-md border border-gray-200 bg-white p-3 text-sm font-normal text-gray-700 shadow-lg sm:w-96">
        <p className="font-medium text-gray-900">{t("label")}</p>
        <p className="mt-1">{t("rule")}</p>
        <p className="mt-1">{t("results")}</p>
        <p className="mt-1 text-gray-500">{t("live")}</p>
      </div>
    </details>
  );
}
