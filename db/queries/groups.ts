import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../types";
import { contactGroupMembers, contactGroups, contacts, type ContactGroup } from "../schema";
import type { ContactFilter } from "@/lib/contacts/filter";

export type GroupListItem = Pick<ContactGroup, "id" | "name" | "kind" | "folder" | "isFavourite">;

/** Every group, for the groups list beside the table (a handful to a few hundred). */
export async function listGroups(db: Queryable): Promise<GroupListItem[]> {
  return db
    .select({ id: contactGroups.id, name: contactGroups.name, kind: contactGroups.kind, folder: contactGroups.folder, isFavourite: contactGroups.isFavourite })
    .from(contactGroups)
    .orderBy(asc(sql`lower(${contactGroups.name})`));
}

export type CappedCount = { count: number; capped: boolean };

/**
 * Members of every static group, each counted no further than `cap` (an index-only range scan of
 * at most cap + 1 entries per group): the groups list stays fast however large a group grows.
 */
export async function countStaticGroupMembersUpTo(db: Queryable, { cap }: { cap: number }): Promise<Map<string, CappedCount>> {
  const members = sql<number>`(select count(*)::int from (select 1 from ${contactGroupMembers} where ${contactGroupMembers.groupId} = ${contactGroups.id} limit ${cap + 1}) as limited)`;
  const rows = await db.select({ id: contactGroups.id, n: members }).from(contactGroups).where(eq(contactGroups.kind, "static"));
  return new Map(rows.map((r) => [r.id, r.n > cap ? { count: cap, capped: true } : { count: r.n, capped: false }]));
}

/** Dynamic groups with their filters (to see which of them refer to a given static group). */
export async function listDynamicGroups(db: Queryable): Promise<{ id: string; name: string; filter: ContactFilter }[]> {
  const rows = await db
    .select({ id: contactGroups.id, name: contactGroups.name, filter: contactGroups.filter })
    .from(contactGroups)
    .where(eq(contactGroups.kind, "dynamic"));
  return rows.flatMap((r) => (r.filter ? [{ ...r, filter: r.filter }] : []));
}

export async function findGroupById(db: Queryable, { id }: { id: string }): Promise<ContactGroup | undefined> {
  const [row] = await db.select().from(contactGroups).where(eq(contactGroups.id, id)).limit(1);
  return row;
}

/**
 * Groups by id, locked until the transaction ends: `share` by a dynamic group being saved that
 * refers to them, `update` by their removal. A removal then waits for, and sees, any dynamic group
 * saved meanwhile, and a save waits for a removal and then finds the group gone.
 */
export async function lockGroups(db: Queryable, { ids, mode }: { ids: string[]; mode: "share" | "update" }): Promise<GroupListItem[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: contactGroups.id, name: contactGroups.name, kind: contactGroups.kind, folder: contactGroups.folder, isFavourite: contactGroups.isFavourite })
    .from(contactGroups)
    .where(inArray(contactGroups.id, ids))
    .orderBy(contactGroups.id)
    .for(mode);
}

export async function findGroupsByIds(db: Queryable, { ids }: { ids: string[] }): Promise<GroupListItem[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: contactGroups.id, name: contactGroups.name, kind: contactGroups.kind, folder: contactGroups.folder, isFavourite: contactGroups.isFavourite })
    .from(contactGroups)
    .where(inArray(contactGroups.id, ids));
}

export type GroupValues = {
  name: string;
  folder: string | null;
  isFavourite: boolean;
  filter: ContactFilter | null;
};

export async function insertGroup(
  db: Queryable,
  values: GroupValues & { kind: ContactGroup["kind"]; createdBy: string | null },
): Promise<ContactGroup> {
  const [row] = await db.insert(contactGroups).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateGroup(db: Queryable, { id, values }: { id: string; values: GroupValues }): Promise<ContactGroup | undefined> {
  const [row] = await db
    .update(contactGroups)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(contactGroups.id, id))
    .returning();
  return row;
}

export async function deleteGroup(db: Queryable, { id }: { id: string }): Promise<boolean> {
  const rows = await db.delete(contactGroups).where(eq(contactGroups.id, id)).returning({ id: contactGroups.id });
  return rows.length > 0;
}

/**
 * Adds the contacts matching `where` (a list of ids, or a whole filtered view) to a static group
 * in one INSERT … SELECT. Contacts already in it stay as they are; ids of contacts that no longer
 * exist are skipped. Returns how many were added.
 */
export async function addGroupMembers(db: Queryable, { groupId, where }: { groupId: string; where: SQL | undefined }): Promise<number> {
  const result = await db
    .insert(contactGroupMembers)
    .select(db.select({ groupId: sql<string>`${groupId}::uuid`.as("group_id"), contactId: contacts.id, addedAt: sql<Date>`now()`.as("added_at") }).from(contacts).where(where))
    .onConflictDoNothing();
  return affectedRows(result);
}

export async function removeGroupMembers(db: Queryable, { groupId, contactIds }: { groupId: string; contactIds: string[] }): Promise<number> {
  if (contactIds.length === 0) return 0;
  const rows = await db
    .delete(contactGroupMembers)
    .where(and(eq(contactGroupMembers.groupId, groupId), inArray(contactGroupMembers.contactId, contactIds)))
    .returning({ id: contactGroupMembers.contactId });
  return rows.length;
}

/** The static groups a contact is a member of. */
export async function listGroupsOfContact(db: Queryable, { contactId }: { contactId: string }): Promise<GroupListItem[]> {
  return db
    .select({ id: contactGroups.id, name: contactGroups.name, kind: contactGroups.kind, folder: contactGroups.folder, isFavourite: contactGroups.isFavourite })
    .from(contactGroupMembers)
    .innerJoin(contactGroups, eq(contactGroups.id, contactGroupMembers.groupId))
    .where(eq(contactGroupMembers.contactId, contactId))
    .orderBy(asc(contactGroups.name));
}

/** Drivers report a write's row count differently: postgres.js as `count`, PGlite as `affectedRows`. */
function affectedRows(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return r.count ?? r.affectedRows ?? 0;
}
