import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A record that does not exist (or no longer does): a contact, a group, a message, a mailing, an import. */
export default async function AppNotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="card max-w-xl" data-testid="not-found">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-gray-700">{t("text")}</p>
      <Link href="/mailings" className="btn-secondary mt-4 inline-block">
        {t("back")}
      </Link>
    </div>
  );
}
