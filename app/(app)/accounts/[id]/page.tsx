import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { findAccountById } from "@/db/queries/accounts";
import { listGroups } from "@/db/queries/groups";
import { can } from "@/lib/auth/roles";
import { requireActor } from "@/lib/server/page-guard";
import { loadContactsTablePage } from "@/lib/contacts/contacts-table-query";
import { offsetOf } from "@/components/data-table/table-state";
import { CONTACTS_COUNT_CAP, CONTACTS_TABLE, contactsRequestFromParams, isUuid } from "@/components/contacts/contacts-table-config";
import { ActionButton } from "@/components/contacts/action-button";
import { RenameAccountForm } from "@/components/contacts/account-forms";
import { ContactsTable } from "@/components/contacts/contacts-table";
import { ContactsCount } from "@/components/contacts/contacts-count";
import { deleteAccountAction } from "../actions";

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const canManage = can(actor.role, "manage");
  const { id } = await params;
  const db = await getDb();
  const account = isUuid(id) ? await findAccountById(db, { id }) : undefined;
  if (!account) notFound();
  const { state, request } = contactsRequestFromParams(await searchParams);
  const [page, groups] = await Promise.all([
    loadContactsTablePage(db, { ...request, groupId: undefined, accountId: account.id, offset: offsetOf(state), limit: state.pageSize, countCap: CONTACTS_COUNT_CAP }),
    listGroups(db),
  ]);
  const t = await getTranslations("accounts");
  return (
    <div className="space-y-4">
      <Link href="/accounts" className="text-sm text-blue-700 hover:underline">
        ← {t("backToList")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold" data-testid="account-name">
          {account.name}
        </h1>
        {canManage ? <ActionButton action={deleteAccountAction} payload={{ id: account.id }} label={t("delete")} confirmText={t("deleteConfirm", { name: account.name })} /> : null}
      </div>
      {canManage ? (
        <section className="card max-w-2xl">
          <RenameAccountForm id={account.id} name={account.name} />
        </section>
      ) : null}
      <div className="flex items-baseline gap-3">
        <h2 className="text-lg font-semibold">{t("contactsOf")}</h2>
        <ContactsCount count={page.count} />
      </div>
      <ContactsTable
        rows={page.rows}
        hasNext={page.hasNext}
        state={state}
        config={CONTACTS_TABLE}
        canManage={canManage}
        staticGroups={groups.filter((g) => g.kind === "static").map((g) => ({ id: g.id, name: g.name }))}
        viewParams={{ account: account.id }}
      />
    </div>
  );
}
