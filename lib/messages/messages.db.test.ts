import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { insertUser } from "@/db/queries/users";
import { startSimulator, DEMO_API_KEY, type SimHandle } from "@/esputnik-sim";
import { createEsputnikClient } from "@/lib/esputnik/client";
import { createMailing } from "@/lib/mailings/mailings";
import { eq } from "drizzle-orm";
import { mailings } from "@/db/schema";
import { createMessage, deleteMessage, listLiveMessages, updateMessage } from "./messages";

let t: TestDatabase;
let sim: SimHandle;
let actor: { id: string };
const client = () => createEsputnikClient({ baseUrl: sim.url, login: "demo", password: DEMO_API_KEY, rateLimit: false, retry: { attempts: 1 } });
const ctx = () => ({ db: t.db, actor, esputnik: async () => client() });

beforeAll(async () => {
  [t, sim] = await Promise.all([createTestDatabase(), startSimulator({ port: 0, clock: "virtual" })]);
  actor = { id: (await insertUser(t.db, { email: "m@x.ua", name: "M", role: "manager", passwordHash: "x" })).id };
});
afterAll(async () => {
  await sim?.close();
  await t?.destroy();
});

describe(`messages (${process.env.TEST_DB})`, () => {
  it("saves a message whose id exists in the eSputnik account", async () => {
    const m = await createMessage(ctx(), { name: "Запрошення на вебінар", esputnikId: 293, channel: "email", description: "", notes: "" });
    expect(m).toMatchObject({ esputnikId: 293, channel: "email", createdBy: actor.id });
  });

  it("rejects an id the account does not have, with the id in the message", async () => {
    await expect(createMessage(ctx(), { name: "Nope", esputnikId: 999_999, channel: "email", description: "", notes: "" })).rejects.toMatchObject({
      code: "messages.errors.notInAccount",
      values: { id: 999_999, channel: "EMAIL" },
    });
    // An SMS id is not an email id.
    await expect(createMessage(ctx(), { name: "Wrong type", esputnikId: 290, channel: "email", description: "", notes: "" })).rejects.toMatchObject({
      code: "messages.errors.notInAccount",
    });
  });

  it("accepts a typed id when eSputnik cannot be reached or is not configured", async () => {
    const offline = { db: t.db, actor, esputnik: async () => createEsputnikClient({ baseUrl: "http://127.0.0.1:9/api", login: "", password: "x", retry: { attempts: 1 } }) };
    expect(await createMessage(offline, { name: "Offline", esputnikId: 12345, channel: "sms", description: "", notes: "" })).toMatchObject({ esputnikId: 12345 });
    const unconfigured = { db: t.db, actor, esputnik: async () => Promise.reject(new Error("not configured")) };
    expect(await createMessage(unconfigured, { name: "Later", esputnikId: 12346, channel: "sms", description: "", notes: "" })).toMatchObject({ esputnikId: 12346 });
  });

  it("refuses the same eSputnik message twice, and deleting one that mailings use", async () => {
    await expect(createMessage(ctx(), { name: "Again", esputnikId: 293, channel: "email", description: "", notes: "" })).rejects.toMatchObject({
      code: "messages.errors.duplicate",
    });
    const sms = await createMessage(ctx(), { name: "Акційна пропозиція", esputnikId: 290, channel: "sms", description: "", notes: "" });
    await createMailing({ db: t.db, actor, now: () => new Date() }, { name: "SMS 1", esputnikGroup: "", messageId: sms.id, alphaName: "PROMO" });
    await expect(deleteMessage({ db: t.db }, { id: sms.id })).rejects.toMatchObject({ code: "messages.errors.inUse" });
    await expect(updateMessage(ctx(), { id: sms.id, name: "x", esputnikId: 293, channel: "email", description: "", notes: "" })).rejects.toMatchObject({
      code: "messages.errors.channelInUse",
    });
  });

  it("keeps the id of a message that mailings have been sent with; a draft's message may still change", async () => {
    const m = await createMessage(ctx(), { name: "Новини", esputnikId: 301, channel: "email", description: "", notes: "" });
    const mailing = await createMailing({ db: t.db, actor, now: () => new Date() }, { name: "Новини 1", esputnikGroup: "", messageId: m.id, alphaName: "" });
    const edit = (esputnikId: number) => updateMessage(ctx(), { id: m.id, name: "Новини", esputnikId, channel: "email", description: "", notes: "" });
    expect(await edit(312)).toMatchObject({ esputnikId: 312 });
    await t.db.update(mailings).set({ status: "sent" }).where(eq(mailings.id, mailing.id));
    await expect(edit(301)).rejects.toMatchObject({ code: "messages.errors.idInUse" });
    // The name and notes may still change.
    expect(await updateMessage(ctx(), { id: m.id, name: "Новини (червень)", esputnikId: 312, channel: "email", description: "", notes: "x" })).toMatchObject({
      name: "Новини (червень)",
      esputnikId: 312,
    });
  });

  it("lists the account's messages live, with search and paging", async () => {
    const all = await listLiveMessages(client(), { channel: "email", page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(5);
    const found = await listLiveMessages(client(), { channel: "sms", search: "Акційна", page: 1, pageSize: 20 });
    expect(found.items.map((m) => m.esputnikId)).toContain(290);
  });
});
