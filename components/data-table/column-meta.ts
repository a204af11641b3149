import type { RowData } from "@tanstack/react-table";

/** How a column is filtered from its header: free text ("contains") or one of a few values. */
export type ColumnFilterSpec = { kind: "text" } | { kind: "select"; options: { value: string; label: string }[] };

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    filter?: ColumnFilterSpec;
    /** Extra classes for the column's cells (width, wrapping). */
    className?: string;
  }
}
