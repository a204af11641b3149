import { getTranslations } from "next-intl/server";

const bar = "animate-pulse rounded bg-gray-200";

/** The messages list's shape while it is read: search, then the table, where they will be. */
export default async function MessagesLoading() {
  const t = await getTranslations();
  return (
    <div className="space-y-4" aria-busy="true" data-testid="messages-loading">
      <div>
        <h1 className="text-2xl font-semibold">{t("messages.title")}</h1>
        <p className="text-sm text-gray-600" role="status">
          {t("common.loading")}
        </p>
      </div>
      <div className="flex flex-wrap gap-2" aria-hidden>
        <div className={`${bar} h-9 w-64`} />
        <div className={`${bar} h-9 w-32`} />
        <div className={`${bar} h-9 w-20`} />
      </div>
      <div className="card space-y-3 p-4" aria-hidden>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={`${bar} h-5 w-full`} />
        ))}
      </div>
    </div>
  );
}
