import { getTranslations } from "next-intl/server";
import { LoadingPage, SKELETON_BAR as bar } from "@/components/shell/loading-page";

/** The settings' shape while they are read: two cards of fields, where the forms will be. */
export default async function SettingsLoading() {
  const t = await getTranslations();
  return (
    <LoadingPage title={t("settings.title")} status={t("common.loading")} testId="settings-loading" className="max-w-3xl space-y-6">
      {[3, 2].map((fields, section) => (
        <div key={section} className="card space-y-4" aria-hidden>
          <div className={`${bar} h-6 w-56`} />
          {Array.from({ length: fields }, (_, i) => (
            <div key={i} className="space-y-2">
              <div className={`${bar} h-3 w-24`} />
              <div className={`${bar} h-9 w-full`} />
            </div>
          ))}
        </div>
      ))}
    </LoadingPage>
  );
}
