import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { findContactById } from "@/db/queries/contacts";
import { listGroupsOfContact } from "@/db/queries/groups";
import { can } from "@/lib/auth/roles";
import { requireActor } from "@/lib/server/page-guard";
import { isUuid } from "@/components/contacts/contacts-table-config";
import { ActionButton } from "@/components/contacts/action-button";
import { ContactFlags, FlagValue } from "@/components/contacts/contact-flags";
import { GroupIcon } from "@/components/contacts/group-icon";
import { deleteContactAction, removeFromGroupAction } from "../actions";

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const canManage = can(actor.role, "manage");
  const { id } = await params;
  const db = await getDb();
  const contact = isUuid(id) ? await findContactById(db, { id }) : undefined;
  if (!contact) notFound();
  const groups = await listGroupsOfContact(db, { contactId: contact.id });
  const t = await getTranslations("contacts");
  const format = await getFormatter();
  const details: [string, React.ReactNode][] = [
    [t("fields.accountName"), contact.accountId ? <Link href={`/accounts/${contact.accountId}`} className="text-blue-700 hover:underline">{contact.accountName}</Link> : null],
    [t("fields.jobTitle"), contact.jobTitle],
    [t("fields.email"), contact.email],
    [t("fields.mobilePhone"), contact.mobilePhone],
    [t("fields.workPhone"), contact.workPhone],
    [t("fields.language"), contact.language ? t(`languages.${contact.language as "uk" | "en" | "ru"}`) : null],
    [t("fields.doNotUseEmail"), <FlagValue key="doNotUseEmail" on={contact.doNotUseEmail} />],
    [t("fields.doNotUseSms"), <FlagValue key="doNotUseSms" on={contact.doNotUseSms} />],
    [t("fields.emailInvalid"), <FlagValue key="emailInvalid" on={contact.emailInvalid} />],
  ];
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/contacts" className="text-sm text-blue-700 hover:underline">
        ← {t("backToList")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold" data-testid="contact-name">
            {contact.fullName}
            <ContactFlags contact={contact} />
          </h1>
          <p className="text-xs text-gray-500">
            {t("createdAt", { date: format.dateTime(contact.createdAt, { dateStyle: "medium", timeStyle: "short" }) })} ·{" "}
            {t("updatedAt", { date: format.dateTime(contact.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </p>
        </div>
        {canManage ? (
          <div className="flex items-start gap-2">
            <Link href={`/contacts/${contact.id}/edit`} className="btn-secondary" data-testid="edit-contact">
              {t("edit")}
            </Link>
            <ActionButton action={deleteContactAction} payload={{ id: contact.id }} label={t("delete")} confirmText={t("deleteConfirm", { name: contact.fullName })} testId="delete-contact" />
          </div>
        ) : null}
      </div>
      <section className="card">
        <h2 className="mb-3 text-lg font-semibold">{t("details")}</h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]" data-testid="contact-details">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-gray-500">{label}</dt>
              <dd>{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card">
        <h2 className="mb-3 text-lg font-semibold">{t("groupsOfContact")}</h2>
        {groups.length === 0 ? <p className="text-sm text-gray-500">{t("noGroups")}</p> : null}
        <ul className="space-y-1 text-sm" data-testid="contact-groups">
          {groups.map((g) => (
            <li key={g.id} className="flex items-center gap-2">
              <GroupIcon kind="static" className="h-4 w-4 text-sky-600" />
              <Link href={`/contacts?group=${g.id}`} className="text-blue-700 hover:underline">
                {g.name}
              </Link>
              {canManage ? (
                <ActionButton action={removeFromGroupAction} payload={{ groupId: g.id, contactIds: [contact.id] }} label={t("removeFromThisGroup")} className="text-xs text-red-700 hover:underline" />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
