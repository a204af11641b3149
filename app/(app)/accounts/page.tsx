import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { countAccounts, listAccounts } from "@/db/queries/accounts";
import { can } from "@/lib/auth/roles";
import { requireActor } from "@/lib/server/page-guard";
import { offsetOf, parseTableState, type TableConfig } from "@/components/data-table/table-state";
import { AccountsTable } from "@/components/contacts/accounts-table";
import { AddAccountForm } from "@/components/contacts/account-forms";
import { ContactsTabs } from "@/components/contacts/contacts-tabs";

const ACCOUNTS_TABLE: TableConfig = {
  sortable: ["name", "createdAt"],
  defaultSort: { id: "name", desc: false },
  filterable: [],
  pageSizes: [25, 50, 100],
  defaultPageSize: 50,
};

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const canManage = can(actor.role, "manage");
  const state = parseTableState(await searchParams, ACCOUNTS_TABLE);
  const t = await getTranslations();
  const db = await getDb();
  const sort = { column: state.sort.id as "name" | "createdAt", desc: state.sort.desc };
  const [rows, total] = await Promise.all([
    listAccounts(db, { search: state.search, sort, offset: offsetOf(state), limit: state.pageSize }),
    countAccounts(db, { search: state.search }),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("accounts.title")}</h1>
        <p className="text-sm text-gray-600">{t("accounts.text")}</p>
      </div>
      <ContactsTabs active="accounts" canManage={canManage} />
      {canManage ? (
        <section className="card max-w-2xl">
          <AddAccountForm />
        </section>
      ) : null}
      <AccountsTable rows={rows} total={total} state={state} config={ACCOUNTS_TABLE} />
    </div>
  );
}
