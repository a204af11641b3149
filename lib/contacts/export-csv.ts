import type { SQL } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { listContactRowsAfter, type ContactCursor, type ContactSort } from "@/db/queries/contacts-list";
import type { ContactRow } from "@/db/queries/contacts";
import { CONTACT_FIELDS, type ContactField } from "./contact-fields";
import { toCsvLine } from "./csv";

/** Rows are read this many at a time, by keyset, so a million-row export holds little memory. */
const EXPORT_CHUNK = 5000;

/** Exported columns: every contact field, in the table's order, named as an import recognises them. */
const EXPORT_FIELDS: readonly ContactField[] = CONTACT_FIELDS;

export type ExportLabels = { fields: Record<ContactField, string>; createdAt: string; yes: string; no: string };

/**
 * The CSV of a table view, chunk by chunk, in the table's order. It starts with a UTF-8 BOM so
 * that Excel opens Cyrillic text correctly, and an exported file can be imported again as it is.
 */
export async function* contactsCsv(db: Queryable, { where, sort, labels }: { where?: SQL; sort: ContactSort; labels: ExportLabels }): AsyncGenerator<string> {
  yield "\uFEFF" + toCsvLine([...EXPORT_FIELDS.map((f) => labels.fields[f]), labels.createdAt]);
  let cursor: ContactCursor | null = null;
  do {
    const page: { rows: ContactRow[]; next: ContactCursor | null } = await listContactRowsAfter(db, { where, sort, cursor, limit: EXPORT_CHUNK });
    yield page.rows.map((row) => toCsvLine([...EXPORT_FIELDS.map((f) => cellOf(row, f, labels)), row.createdAt.toISOString()])).join("");
    cursor = page.next;
  } while (cursor);
}

function cellOf(row: ContactRow, field: ContactField, labels: ExportLabels): string {
  const value = row[field as keyof ContactRow];
  if (typeof value === "boolean") return value ? labels.yes : labels.no;
  return value == null ? "" : String(value);
}
