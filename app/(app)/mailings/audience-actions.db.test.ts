import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { authModuleMock, nextHeadersMock, signInAs } from "@/test/session-mock";
import { insertUser } from "@/db/queries/users";
import { insertContact } from "@/db/queries/contacts";
import { insertMessage } from "@/db/queries/messages";
import { mailings } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { createMailing } from "@/lib/mailings/mailings";
import { getPreflight } from "@/lib/mailings/audience";
import { addContactsToMailingAction, importAudienceAction, importTargetsAction } from "./actions";

let t: TestDatabase;
vi.mock("@/auth", () => authModuleMock());
vi.mock("next/headers", () => nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/db/client", () => ({ getDb: async () => t.db }));

const people = {} as Record<Role, { id: string; role: Role; email: string; name: string }>;
let messageId: string;
const contactIds: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  for (const role of ["admin", "manager", "viewer"] as const) {
    const u = await insertUser(t.db, { email: `${role}@audience-actions.test`, name: role, role, passwordHash: "x" });
    people[role] = { id: u.id, role, email: u.email, name: u.name };
  }
  messageId = (await insertMessage(t.db, { name: "Welcome", esputnikId: 312, channel: "email", description: "", notes: "", createdBy: people.admin.id })).id;
  for (const [fullName, email] of [
    ["Марта Гнатюк", "marta@lviv.ua"],
    ["Марко Гнатюк", "marko@lviv.ua"],
    ["Мирон Без Пошти", null],
  ] as const)
    contactIds.push((await insertContact(t.db, { fullName, email })).id);
});
afterAll(async () => {
  signInAs(null);
  await t?.destroy();
});

const draft = (name = `Draft ${Math.random()}`) =>
  createMailing({ db: t.db, actor: { id: people.manager.id }, now: () => new Date() }, { name, esputnikGroup: "", messageId, alphaName: "" });
const gnatiuk = { combinator: "and", conditions: [{ field: "fullName", op: "contains", value: "Гнатюк" }] };

describe(`audience actions (${process.env.TEST_DB})`, () => {
  it("refuse a viewer: no import, no 'add to mailing', not even the list of drafts", async () => {
    const m = await draft();
    signInAs(people.viewer);
    expect(importAudienceAction.access).toEqual({ kind: "mutation", permission: "manage" });
    expect(addContactsToMailingAction.access).toEqual({ kind: "mutation", permission: "manage" });
    expect(importTargetsAction.access).toEqual({ kind: "query", permission: "manage" });
    expect(await importAudienceAction(null, { mailingId: m.id, source: JSON.stringify({ kind: "filter", filter: gnatiuk }) })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await addContactsToMailingAction(null, { mailingId: m.id, contactIds })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await importTargetsAction(null, {})).toMatchObject({ ok: false, error: "forbidden" });
    expect(await getPreflight(t.db, { mailingId: m.id })).toMatchObject({ total: 0 });
  });

  it("import by an ad-hoc filter: the JSON source is validated, and the result carries the reasons", async () => {
    const m = await draft();
    signInAs(people.manager);
    const bad = await importAudienceAction(null, {
      mailingId: m.id,
      source: JSON.stringify({ kind: "filter", filter: { combinator: "and", conditions: [{ field: "fullName", op: "contains", value: "" }] } }),
    });
    expect(bad).toMatchObject({ ok: false, error: "invalid", fieldErrors: { "source.filter.conditions.0.value": [{ key: "required" }] } });
    const orFilter = { combinator: "or", conditions: [gnatiuk, { field: "fullName", op: "startsWith", value: "Мирон" }] };
    expect(await importAudienceAction(null, { mailingId: m.id, source: JSON.stringify({ kind: "filter", filter: orFilter }) })).toMatchObject({
      ok: true,
      data: { matched: 3, added: 2, excluded: 1, duplicates: 0, excludedByReason: { no_email: 1 } },
    });
  });

  it("add to mailing: ticked contacts, or the contacts table's view, into a draft", async () => {
    const m = await draft();
    signInAs(people.admin);
    expect(await addContactsToMailingAction(null, { mailingId: m.id, contactIds: [contactIds[0]!] })).toMatchObject({
      ok: true,
      data: { mailingId: m.id, added: 1, excluded: 0, duplicates: 0 },
    });
    // The view is the contacts URL's query: here a search for "Гнатюк" (one of them is there already).
    expect(await addContactsToMailingAction(null, { mailingId: m.id, viewQuery: "q=%D0%93%D0%BD%D0%B0%D1%82%D1%8E%D0%BA&page=3" })).toMatchObject({
      ok: true,
      data: { matched: 2, added: 1, duplicates: 1 },
    });
    expect(await addContactsToMailingAction(null, { mailingId: m.id, contactIds: ["not-a-uuid"] })).toMatchObject({ ok: false, error: "invalid" });
  });

  it("refuses a mailing that is no longer a draft with a translated reason, and lists only drafts", async () => {
    const open = await draft("Відкрита чернетка");
    const gone = await draft("Уже надсилається");
    await t.db.update(mailings).set({ status: "sending" }).where(eq(mailings.id, gone.id));
    signInAs(people.manager);
    expect(await addContactsToMailingAction(null, { mailingId: gone.id, contactIds })).toMatchObject({ ok: false, error: "mailings.errors.notDraft" });
    expect(await importAudienceAction(null, { mailingId: gone.id, source: JSON.stringify({ kind: "contacts", contactIds }) })).toMatchObject({
      ok: false,
      error: "mailings.errors.notDraft",
    });
    expect(await getPreflight(t.db, { mailingId: gone.id })).toMatchObject({ total: 0 });
    const targets = await importTargetsAction(null, {});
    expect(targets?.ok && targets.data.map((m) => m.id)).toContain(open.id);
    expect(targets?.ok && targets.data.map((m) => m.id)).not.toContain(gone.id);
  });
});
