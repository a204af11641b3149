import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { insertUser } from "@/db/queries/users";
import { insertContact } from "@/db/queries/contacts";
import { insertMessage } from "@/db/queries/messages";
import { insertGroup } from "@/db/queries/groups";
import { contactGroupMembers, contacts, mailingEvents, mailingRecipients, mailings } from "@/db/schema";
import { createMailing, type MailingCtx } from "./mailings";
import { getPreflight, importAudienceWithReasons, listImportTargets } from "./audience";

// The ad-hoc filter and "Add to mailing" paths of the audience import: the reasons reported per
// import, the contacts table's view as a source, and the drafts offered as targets.
let t: TestDatabase;
let ctx: MailingCtx;
let emailMessageId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await insertUser(t.db, { email: "a@audience.test", name: "Manager", role: "manager", passwordHash: "x" });
  ctx = { db: t.db, actor: { id: user.id }, now: () => new Date() };
  emailMessageId = (await insertMessage(t.db, { name: "Welcome", esputnikId: 312, channel: "email", description: "", notes: "", createdBy: user.id })).id;
  const people = [
    { key: "iryna", fullName: "Ірина Мельник", email: "iryna@farm.ua", mobilePhone: "+380672220001", language: "uk" },
    { key: "taras", fullName: "Тарас Шевчук", email: "taras@farm.ua", mobilePhone: "+380672220002", language: "en" },
    { key: "nomail", fullName: "Ірина Без Пошти", email: null, mobilePhone: "+380672220003", language: "uk" },
    { key: "optout", fullName: "Оксана Відмова", email: "oksana@farm.ua", mobilePhone: null, language: "uk", doNotUseEmail: true },
    { key: "other", fullName: "Інший Контакт", email: "other@elsewhere.ua", mobilePhone: null, language: "uk" },
  ];
  for (const { key, ...values } of people) ids[key] = (await insertContact(t.db, values)).id;
});
afterAll(() => t?.destroy());

const newMailing = (name = `A ${Math.random()}`) => createMailing(ctx, { name, esputnikGroup: "", messageId: emailMessageId, alphaName: "" });
const farm = { combinator: "or" as const, conditions: [{ field: "email" as const, op: "endsWith" as const, value: "@farm.ua" }, { field: "fullName" as const, op: "startsWith" as const, value: "Ірина" }] };

describe(`audience import with reasons (${process.env.TEST_DB})`, () => {
  it("imports an ad-hoc OR filter and says why this import's contacts were kept out", async () => {
    const m = await newMailing();
    const report = await importAudienceWithReasons(ctx, { mailingId: m.id, source: { kind: "filter", filter: farm } });
    expect(report).toEqual({ matched: 4, added: 2, excluded: 2, duplicates: 0, excludedByReason: { no_email: 1, do_not_email: 1 } });
    // Again: everyone is already there, so nothing is reported as newly excluded.
    expect(await importAudienceWithReasons(ctx, { mailingId: m.id, source: { kind: "filter", filter: farm } })).toEqual({
      matched: 4,
      added: 0,
      excluded: 0,
      duplicates: 4,
      excludedByReason: {},
    });
    expect(await getPreflight(t.db, { mailingId: m.id })).toMatchObject({ willReceive: 2, byReason: { no_email: 1, do_not_email: 1 } });
  });

  it("adds an address once even after it moved to another contact, and a contact once after its address changed", async () => {
    const a = await insertContact(t.db, { fullName: "Адреса Переїхала", email: "moving@farm.test", mobilePhone: null, language: "uk" });
    const m = await newMailing();
    await importAudienceWithReasons(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [a.id] } });
    // a's address is given to b, and a gets a new one: neither is new to this mailing.
    await t.db.update(contacts).set({ email: "moved@farm.test" }).where(eq(contacts.id, a.id));
    const b = await insertContact(t.db, { fullName: "Нова Власниця", email: "moving@farm.test", mobilePhone: null, language: "uk" });
    const report = await importAudienceWithReasons(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [a.id, b.id] } });
    expect(report).toMatchObject({ matched: 2, added: 0, excluded: 0, duplicates: 2 });
    const rows = await t.db.select({ contactId: mailingRecipients.contactId, locator: mailingRecipients.locator }).from(mailingRecipients).where(eq(mailingRecipients.mailingId, m.id));
    expect(rows).toEqual([{ contactId: a.id, locator: "moving@farm.test" }]);
  });

  it("adds each contact and each address once when imports into one mailing run at the same time", async () => {
    const m = await newMailing();
    // Overlapping sources, in parallel: on PostgreSQL each runs on its own connection and waits for
    // the mailing's lock. No unique index backs either the contact or the address: the lock alone
    // adds each once (the send engine's claim would still refuse a second send to an address).
    const sources = [
      { kind: "filter" as const, filter: farm },
      { kind: "contacts" as const, contactIds: [ids.nomail!, ids.iryna!, ids.other!] },
      { kind: "filter" as const, filter: farm },
      { kind: "contacts" as const, contactIds: [ids.nomail!, ids.optout!] },
    ];
    const reports = await Promise.all(sources.map((source) => importAudienceWithReasons(ctx, { mailingId: m.id, source })));
    expect(reports.reduce((n, r) => n + r.added + r.excluded, 0)).toBe(5);
    const rows = await t.db
      .select({ contactId: mailingRecipients.contactId, locator: mailingRecipients.locator })
      .from(mailingRecipients)
      .where(eq(mailingRecipients.mailingId, m.id));
    expect(rows.map((r) => r.contactId).sort()).toEqual([ids.iryna, ids.taras, ids.nomail, ids.optout, ids.other].sort());
    const addresses = rows.flatMap((r) => (r.locator ? [r.locator] : []));
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it("reports only the reasons of the contacts this import kept out, not earlier ones", async () => {
    const m = await newMailing();
    await importAudienceWithReasons(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [ids.nomail!] } });
    const report = await importAudienceWithReasons(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [ids.nomail!, ids.optout!, ids.iryna!] } });
    expect(report).toMatchObject({ added: 1, excluded: 1, duplicates: 1, excludedByReason: { do_not_email: 1 } });
  });

  it("imports the contacts table's view: its group, column filters and search together", async () => {
    const group = await insertGroup(t.db, { name: "Farm VIP", kind: "static", filter: null, folder: null, isFavourite: false, createdBy: null });
    await t.db.insert(contactGroupMembers).values([ids.iryna!, ids.taras!, ids.other!].map((contactId) => ({ groupId: group.id, contactId })));
    const m = await newMailing();
    const view = { groupId: group.id, filter: { combinator: "and" as const, conditions: [{ field: "language" as const, op: "equals" as const, value: "uk" as const }] } };
    expect(await importAudienceWithReasons(ctx, { mailingId: m.id, source: { kind: "view", view } })).toMatchObject({ matched: 2, added: 2 });
    const n = await newMailing();
    expect(await importAudienceWithReasons(ctx, { mailingId: n.id, source: { kind: "view", view: { groupId: group.id, search: "Тарас" } } })).toMatchObject({
      matched: 1,
      added: 1,
    });
    const [event] = await t.db.select().from(mailingEvents).where(eq(mailingEvents.mailingId, n.id)).orderBy(mailingEvents.id).offset(1);
    expect(event).toMatchObject({ kind: "audience_imported", data: { source: "view", added: 1 } });
  });

  it("refuses a mailing that is no longer a draft, before counting or adding anything", async () => {
    const m = await newMailing();
    await t.db.update(mailings).set({ status: "queued" }).where(eq(mailings.id, m.id));
    await expect(importAudienceWithReasons(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [ids.iryna!] } })).rejects.toMatchObject({
      code: "mailings.errors.notDraft",
    });
    expect(await getPreflight(t.db, { mailingId: m.id })).toMatchObject({ total: 0 });
    await expect(
      importAudienceWithReasons(ctx, { mailingId: "00000000-0000-4000-8000-000000000000", source: { kind: "contacts", contactIds: [ids.iryna!] } }),
    ).rejects.toMatchObject({ code: "mailings.errors.notFound" });
  });

  it("offers only drafts as targets, newest first, narrowed by name", async () => {
    const older = await newMailing("Весняна чернетка");
    const newer = await newMailing("Весняна чернетка 2");
    const sent = await newMailing("Весняна надіслана");
    await t.db.update(mailings).set({ status: "sent" }).where(eq(mailings.id, sent.id));
    await t.db.update(mailings).set({ createdAt: new Date(Date.now() - 60_000) }).where(eq(mailings.id, older.id));
    const targets = await listImportTargets(t.db, { search: "весняна" });
    expect(targets).toEqual([
      { id: newer.id, name: "Весняна чернетка 2", channel: "email" },
      { id: older.id, name: "Весняна чернетка", channel: "email" },
    ]);
    // A "%" is a character to look for, not a wildcard.
    expect(await listImportTargets(t.db, { search: "%" })).toEqual([]);
  });
});
