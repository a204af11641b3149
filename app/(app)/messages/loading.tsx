import { getTranslations } from "next-intl/server";
import { LoadingPage, SKELETON_BAR as bar } from "@/components/shell/loading-page";

/** The messages list's shape while it is read: search, then the table, where they will be. */
export default async function MessagesLoading() {
  const t = await getTranslations();
  return (
    <LoadingPage title={t("messages.title")} status={t("common.loading")} testId="messages-loading">
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
    </LoadingPage>
  );
}
