import { getTranslations } from "next-intl/server";

const bar = "animate-pulse rounded bg-gray-200";

/** The settings' shape while they are read: two cards of fields, where the forms will be. */
export default async function SettingsLoading() {
  const t = await getTranslations();
  return (
    <div className="max-w-3xl space-y-6" aria-busy="true" data-testid="settings-loading">
      <div>
        <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
        <p className="text-sm text-gray-600" role="status">
          {t("common.loading")}
        </p>
      </div>
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
    </div>
  );
}
