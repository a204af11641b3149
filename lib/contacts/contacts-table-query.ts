import type { SQL } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { countContactsUpTo, listContactRows, type ContactSort } from "@/db/queries/contacts-list";
import type { ContactRow } from "@/db/queries/contacts";
import { contactsViewCondition } from "./matching";
import { contactsViewFromTable, type ContactSortColumn } from "./table-view";

export type ContactsTableRequest = {
  groupId?: string;
  /** Only this account's contacts (the account page, ?account=…). */
  accountId?: string;
  search: string;
  filters: Record<string, string>;
  sort: { id: string; desc: boolean };
};

/** The condition and order of a contacts table view — for its page of rows and for its export. */
export async function contactsTableQuery(db: Queryable, req: ContactsTableRequest): Promise<{ where: SQL | undefined; sort: ContactSort }> {
  const where = await contactsViewCondition(db, contactsViewFromTable(req));
  return { where, sort: { column: req.sort.id as ContactSortColumn, desc: req.sort.desc } };
}

export type ContactsCount = { count: number; capped: boolean };
export type ContactsTablePage = { rows: ContactRow[]; hasNext: boolean; count: Promise<ContactsCount> };

/**
 * One page of a view, and its (capped) count as a promise: the table shows as soon as its rows
 * are read, and the count — up to several hundred ms for a broad filter over a million contacts —
 * streams into the header when ready. One extra row tells whether there is a next page.
 */
export async function loadContactsTablePage(
  db: Queryable,
  req: ContactsTableRequest & { offset: number; limit: number; countCap: number },
): Promise<ContactsTablePage> {
  const { where, sort } = await contactsTableQuery(db, req);
  // Rows first: PGlite runs one query at a time, in the order asked.
  const rows = listContactRows(db, { where, sort, offset: req.offset, limit: req.limit + 1 });
  const count = countContactsUpTo(db, { where, cap: req.countCap });
  // Whoever shows the count awaits it; this keeps a failure from being an unhandled rejection meanwhile.
  count.catch(() => undefined);
  const page = await rows;
  return { rows: page.slice(0, req.limit), hasNext: page.length > req.limit, count };
}
