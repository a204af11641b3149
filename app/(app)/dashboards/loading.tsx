import { getTranslations } from "next-intl/server";

const bar = "animate-pulse rounded bg-gray-200";

/** The dashboard's shape while its figures are counted: the layout does not jump when they arrive. */
export default async function DashboardsLoading() {
  const t = await getTranslations("dashboards");
  return (
    <div className="space-y-6" aria-busy="true" data-testid="dashboard-loading">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600" role="status">
          {t("loading")}
        </p>
      </div>
      <div className={`${bar} h-24 w-full`} />
      {[0, 1].map((section) => (
        <div key={section} className="space-y-4" aria-hidden>
          <div className={`${bar} h-6 w-64`} />
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
            {[0, 1, 2, 3, 4].map((i) => (
              <div key={i} className="card space-y-3 p-4">
                <div className={`${bar} h-3 w-20`} />
                <div className={`${bar} h-7 w-16`} />
              </div>
            ))}
          </div>
          <div className="card">
            <div className={`${bar} h-56 w-full`} />
          </div>
        </div>
      ))}
    </div>
  );
}
