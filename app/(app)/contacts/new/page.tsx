import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listAccountNames } from "@/db/queries/accounts";
import { actorWith } from "@/lib/server/page-guard";
import { NoAccess } from "@/components/shell/no-access";
import { ContactForm } from "@/components/contacts/contact-form";
import { ACCOUNT_SUGGESTIONS } from "@/components/contacts/contacts-table-config";

export default async function NewContactPage() {
  if (!(await actorWith("manage"))) return <NoAccess />;
  const t = await getTranslations("contacts");
  const accountNames = await listAccountNames(await getDb(), { limit: ACCOUNT_SUGGESTIONS });
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/contacts" className="text-sm text-blue-700 hover:underline">
        ← {t("backToList")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <section className="card">
        <ContactForm accountNames={accountNames} />
      </section>
    </div>
  );
}
