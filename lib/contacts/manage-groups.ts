import { z } from "zod";
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { contacts, type ContactGroup } from "@/db/schema";
import { countContacts, countContactsUpTo } from "@/db/queries/contacts-list";
import {
  addGroupMembers,
  deleteGroup,
  findGroupById,
  insertGroup,
  lockGroups,
  listDynamicGroups,
  removeGroupMembers,
  updateGroup as updateGroupRow,
  type CappedCount,
} from "@/db/queries/groups";
import { DomainError } from "@/lib/errors";
import { contactFilterSchema, referencedGroupIds, type ContactFilter } from "./filter";
import { compileContactFilter } from "./filter-sql";
import type { ContactsCtx } from "./manage-contacts";
import { contactsSpecCondition, contactsViewCondition, type ContactsView } from "./matching";
import { translatingUniqueViolations } from "./unique-violation";

const GROUP_UNIQUE_ERRORS = { contact_groups_name_lower_uq: "groups.errors.nameTaken" };

/** The filter arrives as JSON text from the form's hidden field, or as an object from code. */
const filterField = z
  .union([
    z.string().transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "validation.invalid" });
        return z.NEVER;
      }
    }),
    z.record(z.string(), z.unknown()),
  ])
  .pipe(contactFilterSchema);

const groupFields = {
  name: z.string().trim().min(1).max(120),
  folder: z
    .string()
    .trim()
    .max(80)
    .transform((v) => v || null)
    .default(null),
  isFavourite: z
    .enum(["on", "true", "1"])
    .optional()
    .transform((v) => v !== undefined),
};

export const createGroupInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("static"), ...groupFields }),
  z.object({ kind: z.literal("dynamic"), ...groupFields, filter: filterField }),
]);
export const updateGroupInput = z.object({ id: z.uuid(), ...groupFields, filter: filterField.optional() });
export const groupIdInput = z.object({ id: z.uuid() });

export async function createGroup(ctx: ContactsCtx, input: z.output<typeof createGroupInput>): Promise<ContactGroup> {
  const filter = input.kind === "dynamic" ? input.filter : null;
  return translatingUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        if (filter) await assertRefersToStaticGroups(tx, filter);
        return insertGroup(tx, { name: input.name, folder: input.folder, isFavourite: input.isFavourite, kind: input.kind, filter, createdBy: ctx.actor.id });
      }),
    GROUP_UNIQUE_ERRORS,
  );
}

/** A group keeps its kind; a dynamic group's filter is replaced, a static group has none. */
export async function updateGroup(ctx: ContactsCtx, input: z.output<typeof updateGroupInput>): Promise<ContactGroup> {
  const row = await translatingUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        const group = await requireGroup(tx, input.id);
        const filter = group.kind === "dynamic" ? (input.filter ?? group.filter) : null;
        if (filter) await assertRefersToStaticGroups(tx, filter);
        return updateGroupRow(tx, { id: group.id, values: { name: input.name, folder: input.folder, isFavourite: input.isFavourite, filter } });
      }),
    GROUP_UNIQUE_ERRORS,
  );
  if (!row) throw new DomainError("groups.errors.notFound");
  return row;
}

/**
 * A static group that a dynamic group's filter refers to cannot go: that filter would change
 * meaning. The group is locked before the check, so a dynamic group saved at the same moment
 * either is seen by it or finds the group gone (lockGroups).
 */
export async function removeGroup(ctx: ContactsCtx, { id }: { id: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if ((await lockGroups(tx, { ids: [id], mode: "update" })).length === 0) throw new DomainError("groups.errors.notFound");
    const referring = (await listDynamicGroups(tx)).find((g) => referencedGroupIds(g.filter).includes(id));
    if (referring) throw new DomainError("groups.errors.inUse", { name: referring.name });
    await deleteGroup(tx, { id });
  });
}

const contactIds = z.array(z.uuid()).min(1).max(10_000);

/** Hand-picked contacts into an existing static group, or into a new one named on the spot. */
export const addToGroupInput = z.union([
  z.object({ groupId: z.uuid(), contactIds }),
  z.object({ newGroupName: groupFields.name, contactIds }),
]);

export async function addContactsToGroup(
  ctx: ContactsCtx,
  input: z.output<typeof addToGroupInput>,
): Promise<{ groupId: string; groupName: string; added: number }> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const group =
      "groupId" in input
        ? await requireStaticGroup(tx, input.groupId)
        : await createGroup(txCtx, { kind: "static", name: input.newGroupName, folder: null, isFavourite: false });
    const added = await addGroupMembers(tx, { groupId: group.id, where: inArray(contacts.id, input.contactIds) });
    return { groupId: group.id, groupName: group.name, added };
  });
}

/** "Add all N matching contacts": the whole view goes into the group in one INSERT … SELECT. */
export async function addViewToGroup(ctx: ContactsCtx, { groupId, view }: { groupId: string; view: ContactsView }): Promise<number> {
  const group = await requireStaticGroup(ctx.db, groupId);
  if (view.groupId === group.id) return 0;
  return addGroupMembers(ctx.db, { groupId: group.id, where: await contactsViewCondition(ctx.db, view) });
}

export const removeFromGroupInput = z.object({ groupId: z.uuid(), contactIds });

export async function removeContactsFromGroup(ctx: ContactsCtx, input: z.output<typeof removeFromGroupInput>): Promise<number> {
  const group = await requireStaticGroup(ctx.db, input.groupId);
  return removeGroupMembers(ctx.db, { groupId: group.id, contactIds: input.contactIds });
}

export const previewFilterInput = z.object({ filter: filterField });

/** The live count under the filter builder: exactly how many contacts the filter selects now. */
export async function countFilterMatches(db: Queryable, { filter }: { filter: ContactFilter }): Promise<number> {
  return countContacts(db, { where: compileContactFilter(filter) });
}

/**
 * How many contacts a group has now, counting no further than `cap`: a dynamic group is its filter
 * run over the whole base, so the groups list asks for it only when the user points at the group.
 */
export async function countGroupMembersUpTo(db: Queryable, { groupId, cap }: { groupId: string; cap: number }): Promise<CappedCount> {
  return countContactsUpTo(db, { where: await contactsSpecCondition(db, { groupId }), cap });
}

async function requireGroup(db: Queryable, id: string): Promise<ContactGroup> {
  const group = await findGroupById(db, { id });
  if (!group) throw new DomainError("groups.errors.notFound");
  return group;
}

async function requireStaticGroup(db: Queryable, id: string): Promise<ContactGroup> {
  const group = await requireGroup(db, id);
  if (group.kind !== "static") throw new DomainError("groups.errors.notStatic");
  return group;
}

/** The static groups a filter refers to exist, and stay until the caller's transaction ends. */
async function assertRefersToStaticGroups(tx: Queryable, filter: ContactFilter) {
  const ids = [...new Set(referencedGroupIds(filter))];
  const found = await lockGroups(tx, { ids, mode: "share" });
  if (found.length !== ids.length || found.some((g) => g.kind !== "static")) throw new DomainError("groups.errors.filterGroupNotStatic");
}
