"use client";
import { useMemo, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import "./column-meta";
import { ColumnFilter } from "./column-filter";
import { DebouncedInput } from "./debounced-input";
import { TablePagination } from "./table-pagination";
import type { TableConfig, TableState } from "./table-state";
import { useTableNavigation } from "./use-table-navigation";

export type Selection = { ids: string[]; clear: () => void };

export type DataTableProps<T> = {
  /** Each column needs an `id` equal to its sort / filter key in `config`. */
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  getRowId: (row: T) => string;
  /** What a row's check-box is called for a screen reader ("Select Olena Koval"); "Select row" without it. */
  getRowLabel?: (row: T) => string;
  /** Whether a page follows this one (the server read one row more than it shows). */
  hasNext: boolean;
  /** How many rows match, when it is known at once; `capped` means "at least this many". */
  total?: { count: number; capped: boolean };
  state: TableState;
  config: TableConfig;
  /** Check-boxes, a "selected N" count and these actions for the selected rows. */
  selectionActions?: (selection: Selection) => React.ReactNode;
  /** Buttons beside the search box. */
  toolbar?: React.ReactNode;
  searchPlaceholder?: string;
  testId?: string;
};

/**
 * A server-paginated table: the server sends one page of rows for the view in the URL, and every
 * change (sort, search, column filters, page, page size) is a new URL. The selection lives in the
 * browser and is kept across pages, searches and filters, so people can pick contacts from
 * several views before acting on them.
 */
export function DataTable<T>({ columns, rows, getRowId, getRowLabel, hasNext, total, state, config, selectionActions, toolbar, searchPlaceholder, testId }: DataTableProps<T>) {
  const t = useTranslations("dataTable");
  const format = useFormatter();
  const nav = useTableNavigation(state, config);
  // The controls show the view last asked for (`nav.state`); the rows and their range, until the
  // new page lands, are still those of `state`.
  const asked = nav.state;
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const selectable = selectionActions !== undefined;

  const allColumns = useMemo(() => {
    const sortable = columns.map((c) => ({ ...c, enableSorting: c.id !== undefined && config.sortable.includes(c.id) }));
    const rowLabel = (row: T) => {
      const name = getRowLabel?.(row).trim();
      return name ? t("selectNamedRow", { name }) : t("selectRow");
    };
    return selectable ? [selectColumn<T>(t("selectAllOnPage"), rowLabel), ...sortable] : sortable;
  }, [columns, config.sortable, selectable, getRowLabel, t]);

  const sorting: SortingState = [asked.sort];
  const table = useReactTable({
    data: rows,
    columns: allColumns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableRowSelection: selectable,
    enableSortingRemoval: false,
    // Rows carry no accessor values, so tanstack cannot guess a direction: a first click sorts ascending.
    sortDescFirst: false,
    state: { rowSelection, sorting },
    onRowSelectionChange: setRowSelection,
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === "function" ? updater(sorting) : updater)[0];
      if (next) nav.update({ sort: { id: next.id, desc: next.desc } });
    },
  });

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const hasFilters = table.getAllLeafColumns().some((c) => c.columnDef.meta?.filter);

  return (
    <div className="space-y-3" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-2">
        <DebouncedInput
          type="search"
          value={asked.search}
          onChange={(search) => nav.update({ search })}
          placeholder={searchPlaceholder ?? t("search")}
          aria-label={t("search")}
          className="field-input max-w-sm"
          data-testid="table-search"
        />
        <div className="ml-auto flex flex-wrap items-center gap-2">{toolbar}</div>
      </div>

      {selectable && selectedIds.length > 0 ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm" data-testid="selection-bar">
          <span className="font-medium" data-testid="selected-count">
            {t("selected", { count: format.number(selectedIds.length) })}
          </span>
          <button type="button" className="text-blue-700 underline" onClick={() => setRowSelection({})}>
            {t("clearSelection")}
          </button>
          <div className="ml-auto flex flex-wrap items-center gap-2">{selectionActions({ ids: selectedIds, clear: () => setRowSelection({}) })}</div>
        </div>
      ) : null}

      <div className={`card overflow-x-auto p-0 transition-opacity ${nav.pending ? "opacity-60" : ""}`} aria-busy={nav.pending}>
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <thead className="bg-gray-50 text-left text-xs font-semibold uppercase text-gray-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      className={`px-3 py-2 ${header.column.columnDef.meta?.className ?? ""}`}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-gray-800" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden className={sorted ? "text-gray-800" : "text-gray-300"}>
                            {sorted === "desc" ? "▼" : "▲"}
                          </span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
            {hasFilters ? (
              <tr>
                {table.getVisibleLeafColumns().map((column) => (
                  <th key={column.id} className="px-3 pb-2 font-normal normal-case">
                    {column.columnDef.meta?.filter ? (
                      <ColumnFilter
                        spec={column.columnDef.meta.filter}
                        value={asked.filters[column.id] ?? ""}
                        label={t("filterColumn", { column: typeof column.columnDef.header === "string" ? column.columnDef.header : column.id })}
                        onChange={(value) => nav.update({ filters: { [column.id]: value } })}
                      />
                    ) : null}
                  </th>
                ))}
              </tr>
            ) : null}
          </thead>
          <tbody className="divide-y divide-gray-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid="table-row" data-row-id={row.id} className={row.getIsSelected() ? "bg-blue-50" : "hover:bg-gray-50"}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-3 py-2 align-top ${cell.column.columnDef.meta?.className ?? ""}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={allColumns.length} className="px-3 py-8 text-center text-gray-500" data-testid="table-empty">
                  {t("noRows")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <TablePagination state={state} asked={asked} pending={nav.pending} config={config} shown={rows.length} hasNext={hasNext} total={total} onChange={nav.update} />
      </div>
    </div>
  );
}

function selectColumn<T>(selectAllLabel: string, rowLabel: (row: T) => string): ColumnDef<T, unknown> {
  return {
    id: "__select",
    meta: { className: "w-8" },
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label={selectAllLabel}
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomePageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => <input type="checkbox" aria-label={rowLabel(row.original)} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />,
  };
}
