import { and, asc, count, desc, eq, gt, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "../types";
import { accounts, contacts } from "../schema";
import type { ContactSortColumn } from "@/lib/contacts/table-view";
import { contactRowColumns, type ContactRow } from "./contacts";

/**
 * Pages of the contacts table. Each sort column has an index ending in `id`, and the id breaks
 * ties in the same direction, so PostgreSQL reads a page straight from the index. NULLs sort as
 * PostgreSQL's indexes keep them (last ascending, first descending) for the same reason.
 */
export type ContactSort = { column: ContactSortColumn; desc: boolean };

const SORT_COLUMNS: Record<ContactSortColumn, { column: PgColumn; type: "text" | "timestamptz" }> = {
  createdAt: { column: contacts.createdAt, type: "timestamptz" },
  fullName: { column: contacts.fullName, type: "text" },
  jobTitle: { column: contacts.jobTitle, type: "text" },
  email: { column: contacts.email, type: "text" },
};

const orderByFor = (sort: ContactSort) => {
  const { column } = SORT_COLUMNS[sort.column];
  return sort.desc ? [desc(column), desc(contacts.id)] : [asc(column), asc(contacts.id)];
};

const rowsQuery = (db: Queryable, where: SQL | undefined) =>
  db.select(contactRowColumns).from(contacts).leftJoin(accounts, eq(accounts.id, contacts.accountId)).where(where);

export async function listContactRows(
  db: Queryable,
  { where, sort, offset, limit }: { where?: SQL; sort: ContactSort; offset: number; limit: number },
): Promise<ContactRow[]> {
  return rowsQuery(db, where)
    .orderBy(...orderByFor(sort))
    .offset(offset)
    .limit(limit);
}

/**
 * How many contacts match, counting no further than `cap`: an exact count over a million rows
 * takes a second, and "10,000+" is all a table header needs.
 */
export async function countContactsUpTo(db: Queryable, { where, cap }: { where?: SQL; cap: number }): Promise<{ count: number; capped: boolean }> {
  const limited = db
    .select({ one: sql`1` })
    .from(contacts)
    .where(where)
    .limit(cap + 1)
    .as("limited");
  const [row] = await db.select({ n: count() }).from(limited);
  const n = row?.n ?? 0;
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}

/** The exact number (a group's size before it is used; slower on large bases). */
export async function countContacts(db: Queryable, { where }: { where?: SQL }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(contacts).where(where);
  return row?.n ?? 0;
}

/** Where a keyset page ended: the sort value as PostgreSQL prints it (exact to the microsecond) and the id. */
export type ContactCursor = { value: string | null; id: string };

/**
 * The rows after `cursor` in the table's order — for walking a whole view (CSV export) without
 * OFFSET, whose cost grows with every page.
 */
export async function listContactRowsAfter(
  db: Queryable,
  { where, sort, cursor, limit }: { where?: SQL; sort: ContactSort; cursor: ContactCursor | null; limit: number },
): Promise<{ rows: ContactRow[]; next: ContactCursor | null }> {
  const { column, type } = SORT_COLUMNS[sort.column];
  const rows = await db
    .select({ ...contactRowColumns, cursorValue: sql<string | null>`${column}::text` })
    .from(contacts)
    .leftJoin(accounts, eq(accounts.id, contacts.accountId))
    .where(and(where, cursor ? after(column, type, sort.desc, cursor) : undefined))
    .orderBy(...orderByFor(sort))
    .limit(limit);
  const last = rows.at(-1);
  return {
    rows: rows.map(({ cursorValue: _cursor, ...row }) => row),
    next: rows.length === limit && last ? { value: last.cursorValue, id: last.id } : null,
  };
}

function after(column: PgColumn, type: "text" | "timestamptz", descending: boolean, cursor: ContactCursor): SQL {
  const value = type === "timestamptz" ? sql`${cursor.value}::timestamptz` : sql`${cursor.value}`;
  const pastId = descending ? lt(contacts.id, cursor.id) : gt(contacts.id, cursor.id);
  if (!descending) {
    // Ascending, NULLs last.
    if (cursor.value === null) return and(isNull(column), pastId)!;
    return or(sql`${column} > ${value}`, and(sql`${column} = ${value}`, pastId), isNull(column))!;
  }
  // Descending, NULLs first.
  if (cursor.value === null) return or(and(isNull(column), pastId), isNotNull(column))!;
  return or(sql`${column} < ${value}`, and(sql`${column} = ${value}`, pastId))!;
}
