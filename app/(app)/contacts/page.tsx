import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { countStaticGroupMembersUpTo, findGroupById, listGroups } from "@/db/queries/groups";
import { can } from "@/lib/auth/roles";
import { requireActor } from "@/lib/server/page-guard";
import { loadContactsTablePage } from "@/lib/contacts/contacts-table-query";
import { offsetOf } from "@/components/data-table/table-state";
import { CONTACTS_COUNT_CAP, CONTACTS_TABLE, contactsRequestFromParams } from "@/components/contacts/contacts-table-config";
import { ContactsTable } from "@/components/contacts/contacts-table";
import { ContactsTabs } from "@/components/contacts/contacts-tabs";
import { GroupTree } from "@/components/contacts/group-tree";
import { GroupIcon } from "@/components/contacts/group-icon";
import { ContactsCount } from "@/components/contacts/contacts-count";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const canManage = can(actor.role, "manage");
  const params = await searchParams;
  const t = await getTranslations();
  const db = await getDb();
  const { state, request } = contactsRequestFromParams(params);
  const [groups, group] = await Promise.all([listGroups(db), request.groupId ? findGroupById(db, { id: request.groupId }) : undefined]);
  if (request.groupId && !group) notFound();
  const page = await loadContactsTablePage(db, {
    ...request,
    offset: offsetOf(state),
    limit: state.pageSize,
    countCap: CONTACTS_COUNT_CAP,
  });
  // After the rows (PGlite answers in the order asked): the groups list shows at once, sizes stream in.
  const staticCounts = countStaticGroupMembersUpTo(db, { cap: CONTACTS_COUNT_CAP });
  staticCounts.catch(() => undefined);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("contacts.title")}</h1>
          <p className="text-sm text-gray-600">{t("contacts.text")}</p>
        </div>
        {canManage ? (
          <div className="flex gap-2">
            <Link href="/contacts/import" className="btn-secondary">
              {t("contacts.import")}
            </Link>
            <Link href="/contacts/new" className="btn-primary" data-testid="new-contact">
              {t("contacts.new")}
            </Link>
          </div>
        ) : null}
      </div>
      <ContactsTabs active="contacts" canManage={canManage} />
      <div className="flex flex-col gap-6 lg:flex-row">
        <aside className="lg:w-60 lg:shrink-0">
          <GroupTree groups={groups} selectedId={group?.id} canManage={canManage} staticCounts={staticCounts} />
        </aside>
        <section className="min-w-0 flex-1 space-y-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <h2 className="flex items-center gap-2 text-lg font-semibold" data-testid="view-title">
              {group ? <GroupIcon kind={group.kind} className="h-5 w-5 text-gray-500" /> : null}
              {group ? group.name : t("contacts.allContacts")}
            </h2>
            {group ? <span className="text-xs text-gray-500">{t(`groups.${group.kind}`)}</span> : null}
            <ContactsCount count={page.count} />
            {group && canManage ? (
              <Link href={`/contacts/groups/${group.id}`} className="ml-auto text-sm text-blue-700 hover:underline" data-testid="edit-group">
                {t("groups.edit")}
              </Link>
            ) : null}
          </div>
          <ContactsTable
            rows={page.rows}
            hasNext={page.hasNext}
            state={state}
            config={CONTACTS_TABLE}
            canManage={canManage}
            staticGroups={groups.filter((g) => g.kind === "static").map((g) => ({ id: g.id, name: g.name }))}
            currentGroup={group ? { id: group.id, kind: group.kind } : undefined}
          />
        </section>
      </div>
    </div>
  );
}
