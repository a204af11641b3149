import { getTranslations } from "next-intl/server";
import { LoadingPage, SKELETON_BAR as bar } from "@/components/shell/loading-page";

/**
 * The contacts section's shape while a page of it is read (the table's rows and count, a contact,
 * an import): the groups column and the table stay where they will be, so nothing jumps.
 */
export default async function ContactsLoading() {
  const t = await getTranslations();
  return (
    <LoadingPage title={t("contacts.title")} status={t("common.loading")} testId="contacts-loading">
      <div className="flex gap-4 border-b border-gray-200 pb-2" aria-hidden>
        {[0, 1, 2].map((i) => (
          <div key={i} className={`${bar} h-5 w-20`} />
        ))}
      </div>
      <div className="flex flex-col gap-6 lg:flex-row" aria-hidden>
        <div className="space-y-2 lg:w-60 lg:shrink-0">
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className={`${bar} h-6 w-full`} />
          ))}
        </div>
        <div className="min-w-0 flex-1 space-y-3">
          <div className={`${bar} h-6 w-48`} />
          <div className={`${bar} h-9 w-full`} />
          <div className="card space-y-3 p-4">
            {Array.from({ length: 8 }, (_, i) => (
              <div key={i} className={`${bar} h-5 w-full`} />
            ))}
          </div>
        </div>
      </div>
    </LoadingPage>
  );
}
