import { asc, count, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../types";
import { accounts, contacts, type Account } from "../schema";
import { containsPattern } from "@/lib/contacts/like-pattern";

const lowerName = sql<string>`lower(${accounts.name})`;

/**
 * The ids of accounts by name, creating the missing ones — one insert and one select whatever the
 * number of names (the import resolves a whole batch at once). Keys are lower-cased names.
 */
export async function findOrCreateAccountIds(
  db: Queryable,
  { names, createdBy }: { names: string[]; createdBy: string | null },
): Promise<Map<string, string>> {
  const unique = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  if (unique.length === 0) return new Map();
  await db
    .insert(accounts)
    .values(unique.map((name) => ({ name, createdBy })))
    .onConflictDoNothing();
  const rows = await db
    .select({ id: accounts.id, key: lowerName })
    .from(accounts)
    .where(sql`${lowerName} = any(${sql.param(unique.map((n) => n.toLowerCase()))}::text[])`);
  return new Map(rows.map((r) => [r.key, r.id]));
}

export async function findAccountById(db: Queryable, { id }: { id: string }): Promise<Account | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row;
}

export async function findAccountByName(db: Queryable, { name }: { name: string }): Promise<Account | undefined> {
  const [row] = await db.select().from(accounts).where(eq(lowerName, name.toLowerCase())).limit(1);
  return row;
}

/** Ids of the accounts whose name contains `term` — few enough to pass on as a list (search). */
export async function findAccountIdsByNamePart(db: Queryable, { term, limit }: { term: string; limit: number }): Promise<string[]> {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(ilike(accounts.name, containsPattern(term)))
    .limit(limit);
  return rows.map((r) => r.id);
}

export type AccountListItem = Pick<Account, "id" | "name" | "createdAt"> & { contactCount: number };

const nameContains = (search: string): SQL | undefined => (search ? ilike(accounts.name, containsPattern(search)) : undefined);

/** A page of accounts whose name contains `search`, with their contact counts. */
export async function listAccounts(
  db: Queryable,
  { search, sort, offset, limit }: { search: string; sort: { column: "name" | "createdAt"; desc: boolean }; offset: number; limit: number },
): Promise<AccountListItem[]> {
  const column = sort.column === "name" ? accounts.name : accounts.createdAt;
  const page = await db
    .select({ id: accounts.id, name: accounts.name, createdAt: accounts.createdAt })
    .from(accounts)
    .where(nameContains(search))
    .orderBy(sort.desc ? desc(column) : asc(column), asc(accounts.id))
    .offset(offset)
    .limit(limit);
  const counts = await countContactsPerAccount(db, { accountIds: page.map((a) => a.id) });
  return page.map((a) => ({ ...a, contactCount: counts.get(a.id) ?? 0 }));
}

export async function countAccounts(db: Queryable, { search }: { search: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(accounts).where(nameContains(search));
  return row?.n ?? 0;
}

/** Per-account contact counts for one page of accounts (uses contacts_account_idx). */
async function countContactsPerAccount(db: Queryable, { accountIds }: { accountIds: string[] }): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .select({ accountId: contacts.accountId, n: count() })
    .from(contacts)
    .where(inArray(contacts.accountId, accountIds))
    .groupBy(contacts.accountId);
  return new Map(rows.map((r) => [r.accountId ?? "", r.n]));
}

/** Names for the contact form's suggestions, alphabetically. */
export async function listAccountNames(db: Queryable, { limit }: { limit: number }): Promise<string[]> {
  const rows = await db.select({ name: accounts.name }).from(accounts).orderBy(asc(accounts.name)).limit(limit);
  return rows.map((r) => r.name);
}

export async function insertAccount(db: Queryable, values: { name: string; createdBy: string | null }): Promise<Account> {
  const [row] = await db.insert(accounts).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function renameAccount(db: Queryable, { id, name }: { id: string; name: string }): Promise<Account | undefined> {
  const [row] = await db.update(accounts).set({ name, updatedAt: sql`now()` }).where(eq(accounts.id, id)).returning();
  return row;
}

/** Deletes the account; its contacts stay, without an account (ON DELETE SET NULL). */
export async function deleteAccount(db: Queryable, { id }: { id: string }): Promise<boolean> {
  const rows = await db.delete(accounts).where(eq(accounts.id, id)).returning({ id: accounts.id });
  return rows.length > 0;
}
