"use client";
import { useMemo } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { ColumnDef } from "@tanstack/react-table";
import type { ContactRow } from "@/db/queries/contacts";
import { DataTable } from "@/components/data-table/data-table";
import type { TableConfig, TableState } from "@/components/data-table/table-state";
import { CONTACT_LANGUAGES } from "@/lib/contacts/languages";
import { ContactFlags } from "./contact-flags";
import { AddViewToGroup, SelectionActions } from "./selection-actions";

export type GroupOption = { id: string; name: string };

// Outside the component: a new function each render would rebuild the table's columns each render.
const contactLabel = (c: ContactRow) => c.fullName;

/**
 * The contacts table as the CRM shows it (its count is shown by the page, see ContactsCount): name, account, job title, email, phones, language,
 * created — sortable, filterable per column, searchable; managers tick rows to act on them.
 */
export function ContactsTable({
  rows,
  hasNext,
  state,
  config,
  canManage,
  staticGroups,
  currentGroup,
  viewParams = {},
  testId = "contacts-table",
}: {
  rows: ContactRow[];
  hasNext: boolean;
  state: TableState;
  config: TableConfig;
  canManage: boolean;
  staticGroups: GroupOption[];
  currentGroup?: { id: string; kind: "static" | "dynamic" };
  /** Parameters fixed by the page rather than the URL (the account page's ?account=…). */
  viewParams?: Record<string, string>;
  testId?: string;
}) {
  const t = useTranslations("contacts");
  const format = useFormatter();
  const searchParams = useSearchParams();
  const columns = useMemo<ColumnDef<ContactRow, unknown>[]>(
    () => [
      {
        id: "fullName",
        header: t("fields.fullName"),
        meta: { filter: { kind: "text" }, className: "min-w-[12rem]" },
        cell: ({ row: { original: c } }) => (
          <>
            <Link href={`/contacts/${c.id}`} className="font-medium text-blue-700 hover:underline">
              {c.fullName}
            </Link>
            <ContactFlags contact={c} />
          </>
        ),
      },
      {
        id: "accountName",
        header: t("fields.accountName"),
        meta: { filter: { kind: "text" } },
        cell: ({ row: { original: c } }) =>
          c.accountId ? (
            <Link href={`/accounts/${c.accountId}`} className="hover:underline">
              {c.accountName}
            </Link>
          ) : null,
      },
      { id: "jobTitle", header: t("fields.jobTitle"), meta: { filter: { kind: "text" } }, cell: ({ row }) => row.original.jobTitle },
      {
        id: "email",
        header: t("fields.email"),
        meta: { filter: { kind: "text" } },
        cell: ({ row: { original: c } }) => <span className={c.emailInvalid ? "text-gray-400 line-through" : undefined}>{c.email}</span>,
      },
      { id: "mobilePhone", header: t("fields.mobilePhone"), meta: { filter: { kind: "text" }, className: "whitespace-nowrap" }, cell: ({ row }) => row.original.mobilePhone },
      { id: "workPhone", header: t("fields.workPhone"), meta: { filter: { kind: "text" }, className: "whitespace-nowrap" }, cell: ({ row }) => row.original.workPhone },
      {
        id: "language",
        header: t("fields.language"),
        meta: { filter: { kind: "select", options: CONTACT_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) })) } },
        cell: ({ row: { original: c } }) => (c.language ? t(`languages.${c.language as (typeof CONTACT_LANGUAGES)[number]}`) : null),
      },
      {
        id: "createdAt",
        header: t("fields.createdAt"),
        meta: { className: "whitespace-nowrap" },
        cell: ({ row }) => format.dateTime(row.original.createdAt, { dateStyle: "short" }),
      },
    ],
    [t, format],
  );
  // The view as a contacts URL query: what the export downloads and what "add all found" adds.
  const viewQuery = new URLSearchParams([...searchParams.entries(), ...Object.entries(viewParams)]).toString();
  return (
    <DataTable
      columns={columns}
      rows={rows}
      getRowId={(c) => c.id}
      getRowLabel={contactLabel}
      hasNext={hasNext}
      state={state}
      config={config}
      testId={testId}
      searchPlaceholder={t("searchPlaceholder")}
      toolbar={
        <>
          {canManage ? <AddViewToGroup groups={staticGroups} exclude={currentGroup?.id} viewQuery={viewQuery} /> : null}
          {/* No `download` attribute: the CSV comes as an attachment anyway, and a refusal (a group
              deleted meanwhile) must be able to show a page instead of saving it as a file. */}
          <a href={`/contacts/export?${viewQuery}`} className="btn-secondary" data-testid="contacts-export">
            {t("export")}
          </a>
        </>
      }
      selectionActions={canManage ? (selection) => <SelectionActions selection={selection} groups={staticGroups} currentGroup={currentGroup} /> : undefined}
    />
  );
}
