import { getTranslations } from "next-intl/server";
import { LoadingPage, SKELETON_BAR as bar } from "@/components/shell/loading-page";

/** The dashboard's shape while its figures are counted: the layout does not jump when they arrive. */
export default async function DashboardsLoading() {
  const t = await getTranslations("dashboards");
  return (
    <LoadingPage title={t("title")} status={t("loading")} testId="dashboard-loading" className="space-y-6">
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
    </LoadingPage>
  );
}
