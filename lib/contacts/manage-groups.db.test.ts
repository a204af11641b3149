import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { executeRows } from "@/db/execute";
import { countStaticGroupMembersUpTo, listGroupsOfContact, lockGroups } from "@/db/queries/groups";
import { contactGroups, type Contact } from "@/db/schema";
import { addContactsToGroup, addViewToGroup, countFilterMatches, countGroupMembersUpTo, createGroup, createGroupInput, removeContactsFromGroup, removeGroup, updateGroup } from "./manage-groups";
import { contactsMatchingQuery } from "./matching";
import { addContact, contactsTestActor } from "./testing";

let t: TestDatabase;
let ctx: Awaited<ReturnType<typeof contactsTestActor>>;
let people: Contact[];
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = await contactsTestActor(t.db);
  people = [];
  for (let i = 0; i < 6; i++) {
    people.push(await addContact(ctx, { fullName: `Person ${i}`, email: `p${i}@example.com`, language: i % 2 ? "en" : "uk", doNotUseEmail: i === 4 }));
  }
});
afterAll(() => t?.destroy());

const ids = (cs: Contact[]) => cs.map((c) => c.id).sort();
/** Runs the query the way the mailings audience import will: as a subquery of one statement. */
async function matchingIds(spec: Parameters<typeof contactsMatchingQuery>[1]): Promise<string[]> {
  const query = await contactsMatchingQuery(t.db, spec);
  const rows = await executeRows<{ id: string }>(t.db, sql`select c.id from contacts c where c.id in (${query}) order by c.id`);
  return rows.map((r) => r.id).sort();
}

describe(`groups (${process.env.TEST_DB})`, () => {
  it("static group: add picked contacts (twice is harmless), remove some, list a contact's groups", async () => {
    const first = await addContactsToGroup(ctx, { newGroupName: "Webinar", contactIds: [people[0]!.id, people[1]!.id, people[2]!.id] });
    expect(first).toMatchObject({ groupName: "Webinar", added: 3 });
    const again = await addContactsToGroup(ctx, { groupId: first.groupId, contactIds: [people[2]!.id, people[3]!.id] });
    expect(again.added).toBe(1);
    expect(await removeContactsFromGroup(ctx, { groupId: first.groupId, contactIds: [people[0]!.id] })).toBe(1);
    expect(await matchingIds({ groupId: first.groupId })).toEqual(ids([people[1]!, people[2]!, people[3]!]));
    expect((await listGroupsOfContact(t.db, { contactId: people[1]!.id })).map((g) => g.name)).toEqual(["Webinar"]);
  });

  it("group names are unique case-insensitively", async () => {
    await expect(createGroup(ctx, { kind: "static", name: "WEBINAR", folder: null, isFavourite: false })).rejects.toMatchObject({ code: "groups.errors.nameTaken" });
  });

  it("dynamic group: a saved filter from the form's JSON, evaluated when used", async () => {
    const input = createGroupInput.parse({
      kind: "dynamic",
      name: "English speakers",
      isFavourite: "on",
      filter: JSON.stringify({ combinator: "and", conditions: [{ field: "language", op: "equals", value: "en" }] }),
    });
    const group = await createGroup(ctx, input);
    expect(group).toMatchObject({ kind: "dynamic", isFavourite: true, folder: null });
    expect(await matchingIds({ groupId: group.id })).toEqual(ids([people[1]!, people[3]!, people[5]!]));
    const later = await addContact(ctx, { fullName: "Newcomer", language: "en" });
    expect(await matchingIds({ groupId: group.id })).toContain(later.id);
    await expect(addContactsToGroup(ctx, { groupId: group.id, contactIds: [people[0]!.id] })).rejects.toMatchObject({ code: "groups.errors.notStatic" });
  });

  it("counts a filter for the live preview and matches ad-hoc filters and selections", async () => {
    const filter = { combinator: "or" as const, conditions: [{ field: "doNotUseEmail" as const, op: "isTrue" as const, value: "" }, { field: "fullName" as const, op: "equals" as const, value: "person 0" }] };
    expect(await countFilterMatches(t.db, { filter })).toBe(2);
    expect(await matchingIds({ filter })).toEqual(ids([people[0]!, people[4]!]));
    expect(await matchingIds({ contactIds: [people[5]!.id] })).toEqual([people[5]!.id]);
    expect(await matchingIds({ contactIds: [] })).toEqual([]);
    await expect(contactsMatchingQuery(t.db, { groupId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "groups.errors.notFound" });
  });

  it("adds a whole filtered view to a static group in one statement", async () => {
    const target = await createGroup(ctx, { kind: "static", name: "Ukrainian speakers", folder: "Segments", isFavourite: false });
    const added = await addViewToGroup(ctx, { groupId: target.id, view: { filter: { combinator: "and", conditions: [{ field: "language", op: "equals", value: "uk" }] } } });
    expect(added).toBe(3);
    expect(await matchingIds({ groupId: target.id })).toEqual(ids([people[0]!, people[2]!, people[4]!]));
  });

  it("counts the members of the groups list, no further than the cap", async () => {
    const crowd = await createGroup(ctx, { kind: "static", name: "Crowd", folder: null, isFavourite: false });
    await addContactsToGroup(ctx, { groupId: crowd.id, contactIds: people.slice(0, 5).map((p) => p.id) });
    const empty = await createGroup(ctx, { kind: "static", name: "Nobody yet", folder: null, isFavourite: false });
    const counts = await countStaticGroupMembersUpTo(t.db, { cap: 4 });
    expect(counts.get(crowd.id)).toEqual({ count: 4, capped: true });
    expect(counts.get(empty.id)).toEqual({ count: 0, capped: false });
    expect((await countStaticGroupMembersUpTo(t.db, { cap: 10 })).get(crowd.id)).toEqual({ count: 5, capped: false });
    const dynamic = await createGroup(ctx, { kind: "dynamic", name: "Ukrainian now", folder: null, isFavourite: false, filter: { combinator: "and", conditions: [{ field: "language", op: "equals", value: "uk" }] } });
    expect(await countGroupMembersUpTo(t.db, { groupId: dynamic.id, cap: 10 })).toEqual({ count: 3, capped: false });
    expect(await countGroupMembersUpTo(t.db, { groupId: crowd.id, cap: 2 })).toEqual({ count: 2, capped: true });
    await removeGroup(ctx, { id: dynamic.id });
  });

  it("a dynamic group may refer only to static groups, which then cannot be deleted", async () => {
    const webinar = (await listGroupsOfContact(t.db, { contactId: people[1]!.id }))[0]!;
    const english = await createGroup(ctx, { kind: "static", name: "Temp", folder: null, isFavourite: false });
    const dynamicRef = { combinator: "and" as const, conditions: [{ field: "group" as const, op: "inGroup" as const, value: webinar.id }] };
    const attendees = await createGroup(ctx, { kind: "dynamic", name: "Attendees", folder: null, isFavourite: false, filter: dynamicRef });
    await expect(
      createGroup(ctx, { kind: "dynamic", name: "Nested", folder: null, isFavourite: false, filter: { combinator: "and", conditions: [{ field: "group", op: "inGroup", value: attendees.id }] } }),
    ).rejects.toMatchObject({ code: "groups.errors.filterGroupNotStatic" });
    await expect(removeGroup(ctx, { id: webinar.id })).rejects.toMatchObject({ code: "groups.errors.inUse", values: { name: "Attendees" } });
    await removeGroup(ctx, { id: english.id });
    const renamed = await updateGroup(ctx, { id: attendees.id, name: "Attendees 2026", folder: "Events", isFavourite: true });
    expect(renamed).toMatchObject({ name: "Attendees 2026", folder: "Events", filter: dynamicRef });
  });
  it("removing a static group waits for a dynamic group being saved with it, and then refuses", async () => {
    const base = await createGroup(ctx, { kind: "static", name: "Raced", folder: null, isFavourite: false });
    const filter = { combinator: "and" as const, conditions: [{ field: "group" as const, op: "inGroup" as const, value: base.id }] };
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // A save of a dynamic group, caught between its check of the static group and its commit.
    const saving = t.db.transaction(async (tx) => {
      await lockGroups(tx, { ids: [base.id], mode: "share" });
      locked();
      await released;
      await tx.insert(contactGroups).values({ name: "Raced dynamic", kind: "dynamic", filter, createdBy: null });
    });
    await isLocked;
    let settled = false;
    const removal = removeGroup(ctx, { id: base.id }).finally(() => (settled = true));
    removal.catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    release();
    await saving;
    await expect(removal).rejects.toMatchObject({ code: "groups.errors.inUse", values: { name: "Raced dynamic" } });
  });
});
