import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { insertUser } from "@/db/queries/users";
import { insertContact } from "@/db/queries/contacts";
import { insertMessage } from "@/db/queries/messages";
import { insertGroup } from "@/db/queries/groups";
import { listRecipients } from "@/db/queries/mailings";
import { contactGroupMembers, mailingEvents, mailingRecipients, mailings } from "@/db/schema";
import { createMailing, deleteMailing, updateMailing, type MailingCtx } from "./mailings";
import { getPreflight, importAudience, removeRecipients } from "./audience";
import { createFollowUp, followUpInput } from "./follow-up";
import { getMailingSummary } from "./summary";
import { attachFile, deleteFile } from "./feed";

let t: TestDatabase;
let ctx: MailingCtx;
let emailMessageId: string;
let smsMessageId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await insertUser(t.db, { email: "m@test.ua", name: "Manager", role: "manager", passwordHash: "x" });
  ctx = { db: t.db, actor: { id: user.id }, now: () => new Date() };
  emailMessageId = (await insertMessage(t.db, { name: "Запрошення на вебінар", esputnikId: 293, channel: "email", description: "", notes: "", createdBy: user.id })).id;
  smsMessageId = (await insertMessage(t.db, { name: "Акція", esputnikId: 290, channel: "sms", description: "", notes: "", createdBy: user.id })).id;
  const people = [
    { key: "olena", fullName: "Олена Коваль", email: "olena@shop.ua", mobilePhone: "+380671110001" },
    { key: "petro", fullName: "Петро Бойко", email: "petro@shop.ua", mobilePhone: null },
    { key: "noemail", fullName: "No Email", email: null, mobilePhone: "+380671110003" },
    { key: "optout", fullName: "Opted Out", email: "optout@shop.ua", mobilePhone: "+380671110004", doNotUseEmail: true, doNotUseSms: true },
    { key: "bounced", fullName: "Bounced", email: "bounced@shop.ua", mobilePhone: "+380671110005", emailInvalid: true },
  ];
  for (const p of people) {
    const { key, ...values } = p;
    ids[key] = (await insertContact(t.db, { language: "uk", ...values })).id;
  }
});
afterAll(() => t?.destroy());

async function newMailing(channel: "email" | "sms" = "email", name = `M ${Math.random()}`) {
  return createMailing(ctx, { name, esputnikGroup: "", messageId: channel === "email" ? emailMessageId : smsMessageId, alphaName: "" });
}

describe(`mailings (${process.env.TEST_DB})`, () => {
  it("creates a draft whose eSputnik group defaults to its name and whose channel follows the message", async () => {
    const m = await newMailing("sms", "Вечірній вебінар");
    expect(m).toMatchObject({ name: "Вечірній вебінар", esputnikGroup: "Вечірній вебінар", channel: "sms", status: "draft" });
  });

  it("imports selected contacts once, keeping out who cannot receive email, with reasons", async () => {
    const m = await newMailing("email");
    const all = Object.values(ids);
    const first = await importAudience(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: all } });
    expect(first).toEqual({ matched: 5, added: 2, excluded: 3, duplicates: 0 });
    // Importing the same people again adds nobody.
    expect(await importAudience(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [ids.olena!, ids.petro!] } })).toEqual({
      matched: 2,
      added: 0,
      excluded: 0,
      duplicates: 2,
    });
    expect(await getPreflight(t.db, { mailingId: m.id })).toEqual({
      total: 5,
      willReceive: 2,
      excluded: 3,
      byReason: { no_email: 1, do_not_email: 1, email_invalid: 1 },
    });
  });

  it("applies the SMS rules: no phone and do-not-SMS are kept out; an invalid email does not matter", async () => {
    const m = await newMailing("sms");
    await importAudience(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: Object.values(ids) } });
    expect(await getPreflight(t.db, { mailingId: m.id })).toMatchObject({ willReceive: 3, byReason: { no_phone: 1, do_not_sms: 1 } });
  });

  it("adds one address once even when two contacts share it", async () => {
    const twin = await insertContact(t.db, { fullName: "Twin", email: null, mobilePhone: "+380671119999" });
    const twin2 = await insertContact(t.db, { fullName: "Twin 2", email: "twin2@other.ua", mobilePhone: null });
    const m = await newMailing("sms");
    await importAudience(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [twin.id] } });
    // A different contact with the same phone cannot exist (contacts are unique by phone), so the
    // database guarantee is exercised through the recipient's snapshot: re-adding the same contact.
    const again = await importAudience(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [twin.id, twin2.id] } });
    expect(again).toMatchObject({ added: 0, excluded: 1, duplicates: 1 });
  });

  it("imports a static group and a dynamic group in one statement each", async () => {
    const staticGroup = await insertGroup(t.db, { name: "VIP", kind: "static", filter: null, folder: null, isFavourite: false, createdBy: null });
    await t.db.insert(contactGroupMembers).values([ids.olena!, ids.bounced!].map((contactId) => ({ groupId: staticGroup.id, contactId })));
    const dynamicGroup = await insertGroup(t.db, {
      name: "Shop emails",
      kind: "dynamic",
      filter: { combinator: "and", conditions: [{ field: "email", op: "endsWith", value: "@shop.ua" }] },
      folder: null,
      isFavourite: false,
      createdBy: null,
    });
    const a = await newMailing("email");
    expect(await importAudience(ctx, { mailingId: a.id, source: { kind: "group", groupId: staticGroup.id } })).toMatchObject({ added: 1, excluded: 1 });
    const b = await newMailing("email");
    const result = await importAudience(ctx, { mailingId: b.id, source: { kind: "group", groupId: dynamicGroup.id } });
    expect(result.matched).toBe(4);
    expect(result.added).toBe(2);
  });

  it("refuses an injection attempt in a filter value as plain data", async () => {
    const m = await newMailing("email");
    const r = await importAudience(ctx, {
      mailingId: m.id,
      source: { kind: "filter", filter: { combinator: "and", conditions: [{ field: "fullName", op: "contains", value: "'); drop table contacts; --" }] } },
    });
    expect(r.matched).toBe(0);
    expect((await t.db.execute(sql`select count(*) from contacts`)) as unknown).toBeTruthy();
  });

  it("removes recipients from a draft, and freezes the audience and message once sending started", async () => {
    const m = await newMailing("email");
    await importAudience(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [ids.olena!, ids.petro!] } });
    const { rows } = await listRecipients(t.db, { mailingId: m.id, page: 1, pageSize: 10 });
    expect(await removeRecipients(ctx, { mailingId: m.id, ids: [rows[0]!.id] })).toBe(1);
    await t.db.update(mailings).set({ status: "sending" }).where(eq(mailings.id, m.id));
    await expect(importAudience(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [ids.olena!] } })).rejects.toMatchObject({
      code: "mailings.errors.notDraft",
    });
    await expect(removeRecipients(ctx, { mailingId: m.id, ids: "all" })).rejects.toMatchObject({ code: "mailings.errors.notDraft" });
    await expect(updateMailing(ctx, { id: m.id, name: "x", esputnikGroup: "", messageId: emailMessageId, alphaName: "" })).rejects.toMatchObject({
      code: "mailings.errors.notDraft",
    });
    await expect(deleteMailing(ctx, { id: m.id })).rejects.toMatchObject({ code: "mailings.errors.notDraft" });
  });

  it("refuses to switch a mailing with an audience to another channel", async () => {
    const m = await newMailing("email");
    await importAudience(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: [ids.olena!] } });
    await expect(updateMailing(ctx, { id: m.id, name: "x", esputnikGroup: "", messageId: smsMessageId, alphaName: "" })).rejects.toMatchObject({
      code: "mailings.errors.channelChangeWithAudience",
    });
  });

  it("counts the summary from recipient rows and builds a follow-up from chosen responses", async () => {
    const m = await newMailing("email");
    await importAudience(ctx, { mailingId: m.id, source: { kind: "contacts", contactIds: Object.values(ids) } });
    // Simulate results: olena read the email, petro's bounced.
    const set = (contactId: string, values: Partial<typeof mailingRecipients.$inferInsert>) =>
      t.db
        .update(mailingRecipients)
        .set(values)
        .where(sql`${mailingRecipients.mailingId} = ${m.id} and ${mailingRecipients.contactId} = ${contactId}`);
    await set(ids.olena!, { state: "accepted", requestId: "r-1", esputnikStatus: "READ", delivered: true, done: true });
    await set(ids.petro!, { state: "accepted", requestId: "r-2", esputnikStatus: "UNDELIVERED", failed: true, done: true });
    await t.db.update(mailings).set({ status: "sent" }).where(eq(mailings.id, m.id));
    expect(await getMailingSummary(t.db, { mailingId: m.id, channel: "email" })).toMatchObject({
      total: 2,
      excluded: 3,
      sent: 2,
      delivered: 1,
      notDelivered: 1,
      read: 1,
      clicked: 0,
      inProgress: 0,
    });
    const { rows } = await listRecipients(t.db, { mailingId: m.id, responses: ["not_delivered"], page: 1, pageSize: 10 });
    expect(rows.map((r) => r.fullName)).toEqual(["Петро Бойко"]);

    const followUp = await createFollowUp(ctx, {
      parentId: m.id,
      name: "Повторно",
      esputnikGroup: "",
      messageId: smsMessageId,
      alphaName: "",
      responses: ["not_delivered"],
    });
    // Petro bounced by email and has no phone: the SMS follow-up keeps him out, with the reason.
    expect(followUp).toMatchObject({ added: 0, excluded: 1 });
    expect(followUp.mailing).toMatchObject({ parentId: m.id, channel: "sms", status: "draft" });

    // Only outcomes: recipients the parent may still send to ("not sent", "in doubt") are its own.
    const base = { parentId: m.id, name: "X", esputnikGroup: "", messageId: emailMessageId, alphaName: "" };
    expect(followUpInput.safeParse({ ...base, responses: ["not_sent"] }).success).toBe(false);
    expect(followUpInput.safeParse({ ...base, responses: ["in_doubt"] }).success).toBe(false);
    // A draft has no results to follow up.
    const draft = await newMailing("email");
    await importAudience(ctx, { mailingId: draft.id, source: { kind: "contacts", contactIds: [ids.olena!] } });
    await expect(createFollowUp(ctx, { ...base, parentId: draft.id, responses: ["in_queue"] })).rejects.toMatchObject({ code: "mailings.errors.followUpDraft" });

    // Nobody clicked: no follow-up, and no empty draft left behind by the half-done work.
    const countMailings = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(mailings))[0]!.n;
    const before = await countMailings();
    await expect(
      createFollowUp(ctx, { parentId: m.id, name: "Клікнули", esputnikGroup: "", messageId: emailMessageId, alphaName: "", responses: ["clicked"] }),
    ).rejects.toMatchObject({ code: "mailings.errors.followUpEmpty" });
    expect(await countMailings()).toBe(before);
  });
  it("attaches and removes a file, each with a line in the feed; another mailing's file is not found", async () => {
    const m = await newMailing();
    const other = await newMailing();
    const file = await attachFile(ctx, { mailingId: m.id, file: new File(["brief"], "brief.txt", { type: "text/plain" }) });
    await expect(deleteFile(ctx, { mailingId: other.id, fileId: file.id })).rejects.toMatchObject({ code: "mailings.errors.fileNotFound" });
    await deleteFile(ctx, { mailingId: m.id, fileId: file.id });
    await expect(deleteFile(ctx, { mailingId: m.id, fileId: file.id })).rejects.toMatchObject({ code: "mailings.errors.fileNotFound" });
    const feed = await t.db
      .select({ kind: mailingEvents.kind, data: mailingEvents.data })
      .from(mailingEvents)
      .where(eq(mailingEvents.mailingId, m.id))
      .orderBy(mailingEvents.id);
    expect(feed.map((e) => [e.kind, (e.data as { name?: string } | null)?.name])).toEqual([
      ["created", undefined],
      ["file_attached", "brief.txt"],
      ["file_deleted", "brief.txt"],
    ]);
  });
});
