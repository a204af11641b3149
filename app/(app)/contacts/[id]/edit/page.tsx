import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listAccountNames } from "@/db/queries/accounts";
import { findContactById } from "@/db/queries/contacts";
import { actorWith } from "@/lib/server/page-guard";
import { NoAccess } from "@/components/shell/no-access";
import { ContactForm } from "@/components/contacts/contact-form";
import { ACCOUNT_SUGGESTIONS, isUuid } from "@/components/contacts/contacts-table-config";

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await actorWith("manage"))) return <NoAccess />;
  const { id } = await params;
  const db = await getDb();
  const contact = isUuid(id) ? await findContactById(db, { id }) : undefined;
  if (!contact) notFound();
  const t = await getTranslations("contacts");
  return (
    <div className="max-w-3xl space-y-4">
      <Link href={`/contacts/${contact.id}`} className="text-sm text-blue-700 hover:underline">
        ← {contact.fullName}
      </Link>
      <h1 className="text-2xl font-semibold">{t("editTitle")}</h1>
      <section className="card">
        <ContactForm contact={contact} accountNames={await listAccountNames(db, { limit: ACCOUNT_SUGGESTIONS })} />
      </section>
    </div>
  );
}
