"use client";
import { useMemo } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ColumnDef } from "@tanstack/react-table";
import type { AccountListItem } from "@/db/queries/accounts";
import { DataTable } from "@/components/data-table/data-table";
import type { TableConfig, TableState } from "@/components/data-table/table-state";

export function AccountsTable({ rows, total, state, config }: { rows: AccountListItem[]; total: number; state: TableState; config: TableConfig }) {
  const t = useTranslations("accounts");
  const format = useFormatter();
  const columns = useMemo<ColumnDef<AccountListItem, unknown>[]>(
    () => [
      {
        id: "name",
        header: t("name"),
        cell: ({ row: { original: a } }) => (
          <Link href={`/accounts/${a.id}`} className="font-medium text-blue-700 hover:underline">
            {a.name}
          </Link>
        ),
      },
      { id: "contacts", header: t("contacts"), cell: ({ row }) => format.number(row.original.contactCount) },
      { id: "createdAt", header: t("created"), cell: ({ row }) => format.dateTime(row.original.createdAt, { dateStyle: "medium" }) },
    ],
    [t, format],
  );
  return (
    <DataTable
      columns={columns}
      rows={rows}
      getRowId={(a) => a.id}
      total={{ count: total, capped: false }}
      hasNext={(state.page - 1) * state.pageSize + rows.length < total}
      state={state}
      config={config}
      searchPlaceholder={t("searchPlaceholder")}
      testId="accounts-table"
    />
  );
}
