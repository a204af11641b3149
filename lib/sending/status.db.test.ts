import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { startSimulator, type SimHandle } from "@/esputnik-sim";
import { forEachEvent } from "@/esputnik-sim/activity";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { expectTalliesMatchRows } from "@/test/tallies";
import { executeRows } from "@/db/execute";
import { mailingEvents, mailingRecipients, mailings } from "@/db/schema";
import { applyStatusesById } from "@/db/queries/sending-status";
import { requestSend, requestStatusUpdate } from "./commands";
import { recipientResponse, statusFacts } from "./responses";
import { runSendJob } from "./send-job";
import { runStatusUpdate } from "./status-job";
import { createUser, seedMailing, simClient, testContext } from "./test-support";
import { runSendingTick } from "./tick";
import { applyActivityWebhook, isAuthorizedWebhook, rotateWebhookCredentials } from "./webhook";

let t: TestDatabase;
let sim: SimHandle;
let actorId: string;

beforeAll(async () => {
  [t, sim] = await Promise.all([createTestDatabase(), startSimulator({ port: 0, clock: "virtual", seed: "status", log: () => {} })]);
  actorId = await createUser(t.db);
});
afterAll(async () => {
  await sim?.close();
  await t?.destroy();
});
beforeEach(() => sim.control.reset());

type Row = { id: number; locator: string; state: string; esputnik_status: string | null; delivered: boolean; failed: boolean; done: boolean };
const rowsOf = (mailingId: string) =>
  executeRows<Row>(t.db, sql`select id, locator, state, esputnik_status, delivered, failed, done from mailing_recipients where mailing_id = ${mailingId} order by id`).then(
    (rows) => rows.map((r) => ({ ...r, id: Number(r.id) })),
  );

async function sentMailing(options: Parameters<typeof seedMailing>[1]) {
  const ctx = testContext(t.db, simClient(sim.url));
  const { mailingId } = await seedMailing(t.db, options);
  await requestSend({ ...ctx, actorId }, { mailingId });
  await runSendJob(ctx, { mailingId });
  return { ctx, mailingId };
}

// Whatever a test did to recipients, the counts kept beside them agree with the rows.
afterEach(() => expectTalliesMatchRows(t.db));

describe(`update status (${process.env.TEST_DB})`, () => {
  it("fetches the statuses of all accepted recipients in batched calls and shows their response and Done", async () => {
    const magic = ["+delivered", "+read", "+clicked", "+undelivered", "+blacklisted", "+queued"];
    const { ctx, mailingId } = await sentMailing({ recipients: 66, locator: (i) => `p${i}${magic[i % magic.length]}@example.com` });
    sim.control.resetCalls();

    await requestStatusUpdate({ ...ctx, actorId }, { mailingId });
    expect(ctx.jobs.calls.at(-1)).toEqual({ kind: "status", mailingId, data: { scope: "all", actorId } });
    // Right after sending everything is queued.
    await expect(runStatusUpdate(ctx, { mailingId, scope: "all", actorId })).resolves.toEqual({ checked: 66, changed: 66, calls: 3 });
    expect((await rowsOf(mailingId)).every((r) => r.esputnik_status === "IN_QUEUE" && !r.done)).toBe(true);

    sim.control.advance(300);
    const result = await runStatusUpdate(ctx, { mailingId, scope: "all", actorId });
    expect(result).toEqual({ checked: 66, changed: 55, calls: 3 }); // "+queued" stays IN_QUEUE
    expect(sim.control.calls().byRoute["message.status"]).toBe(6); // ceil(66 / 30) per update
    const byTag = new Map((await rowsOf(mailingId)).map((r) => [r.locator.replace(/^p\d+/, "").replace("@example.com", ""), r]));
    expect(recipientResponse({ state: "accepted", esputnikStatus: byTag.get("+delivered")!.esputnik_status })).toBe("delivered");
    expect(byTag.get("+read")).toMatchObject({ esputnik_status: "READ", delivered: true, done: true });
    expect(byTag.get("+clicked")).toMatchObject({ esputnik_status: "CLICKED", delivered: true, done: true });
    expect(byTag.get("+undelivered")).toMatchObject({ esputnik_status: "UNDELIVERED", failed: true, done: true });
    expect(byTag.get("+blacklisted")).toMatchObject({ esputnik_status: "BLACKLISTED", failed: true, done: true });
    expect(byTag.get("+queued")).toMatchObject({ esputnik_status: "IN_QUEUE", done: false });

    const [mailing] = await t.db.select().from(mailings).where(eq(mailings.id, mailingId));
    expect(mailing!.statusCheckedAt).toBeInstanceOf(Date);
    expect(mailing!.nextStatusPollAt).toBeInstanceOf(Date); // "+queued" recipients are still open
    const events = await t.db.select().from(mailingEvents).where(eq(mailingEvents.kind, "status_updated"));
    expect(events.at(-1)).toMatchObject({ mailingId, actorId, data: { checked: 66, changed: 55 } });

    // The periodic check only asks about recipients without a final status.
    sim.control.resetCalls();
    await expect(runStatusUpdate(ctx, { mailingId, scope: "open", actorId: null })).resolves.toEqual({ checked: 11, changed: 0, calls: 1 });
  });

  it("never moves a status backwards", async () => {
    const { mailingId } = await sentMailing({ recipients: 3 });
    const [first] = await rowsOf(mailingId);
    const apply = (status: string) => applyStatusesById(t.db, { rows: [{ id: first!.id, ...statusFacts(status) }], at: new Date() });
    expect(await apply("READ")).toBe(1);
    expect(await apply("DELIVERED")).toBe(0);
    expect(await apply("IN_QUEUE")).toBe(0);
    expect(await apply("UNDELIVERED")).toBe(0);
    expect(await apply("CLICKED")).toBe(1);
    expect((await rowsOf(mailingId))[0]).toMatchObject({ esputnik_status: "CLICKED", delivered: true, failed: false, done: true });
  });

  it("schedules the periodic check while recipients are open, once across instances", async () => {
    const { ctx, mailingId } = await sentMailing({ recipients: 5 });
    await t.db.update(mailings).set({ nextStatusPollAt: sql`now() - interval '1 second'` }).where(eq(mailings.id, mailingId));
    const [a, b] = await Promise.all([runSendingTick(ctx), runSendingTick(ctx)]);
    expect([...a.polled, ...b.polled]).toEqual([mailingId]);
    expect(ctx.jobs.calls.filter((c) => c.kind === "status")).toEqual([{ kind: "status", mailingId, data: { scope: "open", actorId: null } }]);

    sim.control.advance(300);
    await runStatusUpdate(ctx, { mailingId, scope: "open", actorId: null });
    const [mailing] = await t.db.select().from(mailings).where(eq(mailings.id, mailingId));
    expect(mailing!.nextStatusPollAt).toBeNull(); // every recipient has a final status now
  });
});

describe(`webhooks (${process.env.TEST_DB})`, () => {
  it("accepts only the generated credentials", async () => {
    const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;
    expect(await isAuthorizedWebhook(t.db, basic("esputnik", "anything"))).toBe(false);
    const { username, secret } = await rotateWebhookCredentials(t.db, { actorId });
    expect(await isAuthorizedWebhook(t.db, basic(username, secret))).toBe(true);
    expect(await isAuthorizedWebhook(t.db, basic(username, `${secret}x`))).toBe(false);
    expect(await isAuthorizedWebhook(t.db, null)).toBe(false);
    await rotateWebhookCredentials(t.db, { actorId });
    expect(await isAuthorizedWebhook(t.db, basic(username, secret))).toBe(false);
  });

  it("applies the simulator's webhook deliveries, idempotent under replay, reconciled with polling", async () => {
    const { ctx, mailingId } = await sentMailing({ recipients: 12, locator: (i) => `w${i}${i % 2 ? "+clicked" : "+delivered"}@example.com` });
    // The items the simulator's webhook emitter posts (the route test covers the HTTP side).
    sim.control.advance(200);
    const events: unknown[] = [];
    forEachEvent(sim.state, { from: 0, to: sim.control.now() }, (item) => events.push(item) > 0);
    expect(events.length).toBe(6 * 1 + 6 * 3); // delivered: 1 event; clicked: delivered, read, clicked

    const now = new Date();
    const first = await applyActivityWebhook(t.db, events, now);
    expect(first).toEqual({ received: 24, applied: 12, ignored: 0 });
    // A retried delivery, and the same events in another order, change nothing.
    expect(await applyActivityWebhook(t.db, events, now)).toMatchObject({ applied: 0 });
    expect(await applyActivityWebhook(t.db, [...events].reverse(), now)).toMatchObject({ applied: 0 });
    const rows = await rowsOf(mailingId);
    expect(rows.filter((r) => r.esputnik_status === "CLICKED")).toHaveLength(6);
    expect(rows.filter((r) => r.esputnik_status === "DELIVERED")).toHaveLength(6);

    // Polling afterwards agrees and moves nothing back.
    await expect(runStatusUpdate(ctx, { mailingId, scope: "all", actorId: null })).resolves.toMatchObject({ checked: 12, changed: 0 });
    // Garbage and unrelated events are counted, not fatal.
    expect(await applyActivityWebhook(t.db, [{ nope: 1 }, { activityStatus: "SUBSCRIPTION_CHANGED", externalRequestId: "1" }, 42], now)).toEqual({
      received: 3,
      applied: 0,
      ignored: 3,
    });
  });

  it("takes a webhook for a recipient in doubt as proof that it was sent: the mailing becomes Sent, and the feed says so", async () => {
    const { mailingId } = await sentMailing({ recipients: 2 });
    const [row] = await rowsOf(mailingId);
    // As a crash mid-call leaves it: one recipient in doubt, so the mailing only partially sent.
    await t.db.update(mailingRecipients).set({ state: "in_doubt", requestId: null }).where(eq(mailingRecipients.id, row!.id));
    await t.db.update(mailings).set({ status: "partially_sent" }).where(eq(mailings.id, mailingId));
    const event = { activityStatus: "DELIVERED", activityDateTime: "2026-01-02T10:00:00", externalRequestId: String(row!.id), iid: "req-proof-1" };
    await expect(applyActivityWebhook(t.db, [event], new Date())).resolves.toMatchObject({ applied: 1 });
    const [mailing] = await t.db.select({ status: mailings.status }).from(mailings).where(eq(mailings.id, mailingId));
    expect(mailing!.status).toBe("sent");
    const resolved = await t.db.select({ data: mailingEvents.data }).from(mailingEvents).where(and(eq(mailingEvents.mailingId, mailingId), eq(mailingEvents.kind, "in_doubt_resolved")));
    expect(resolved).toEqual([{ data: { action: "webhook", resolved: 1 } }]);
    const [after] = await executeRows<{ state: string; request_id: string; status_at: unknown }>(
      t.db,
      sql`select state, request_id, status_at from mailing_recipients where id = ${row!.id}`,
    );
    expect(after).toMatchObject({ state: "accepted", request_id: "req-proof-1" });
    expect(new Date(String(after!.status_at)).toISOString()).toBe("2026-01-02T10:00:00.000Z");
    // From now on an event naming only that request id finds the recipient.
    const later = { activityStatus: "READ", activityDateTime: "2026-01-02T11:00:00", iid: "req-proof-1" };
    await expect(applyActivityWebhook(t.db, [later], new Date())).resolves.toMatchObject({ applied: 1 });
    expect((await rowsOf(mailingId)).find((r) => r.id === row!.id)).toMatchObject({ esputnik_status: "READ" });
  });

  it("applies overlapping webhook deliveries that name the same recipients in opposite orders, without a deadlock", async () => {
    const delivery = (status: string, order: string[]) => order.map((id) => ({ activityStatus: status, externalRequestId: id }));
    // Each round on fresh recipients, so that both deliveries change (and lock) every row.
    for (let round = 0; round < 4; round++) {
      const { mailingId } = await sentMailing({ recipients: 300 });
      const ids = (await rowsOf(mailingId)).map((r) => String(r.id));
      const [a, b] = await Promise.all([
        applyActivityWebhook(t.db, delivery("DELIVERED", ids), new Date()),
        applyActivityWebhook(t.db, delivery("READ", [...ids].reverse()), new Date()),
      ]);
      expect(a.received + b.received).toBe(600);
      expect((await rowsOf(mailingId)).every((r) => r.esputnik_status === "READ")).toBe(true);
    }
  });

  it("finds recipients by eSputnik's request id alone when an event has no externalRequestId", async () => {
    const { mailingId } = await sentMailing({ recipients: 3 });
    const rows = await executeRows<{ id: unknown; request_id: string }>(t.db, sql`select id, request_id from mailing_recipients where mailing_id = ${mailingId} order by id`);
    expect(rows.every((r) => r.request_id)).toBe(true);
    const events = rows.slice(0, 2).map((r) => ({ activityStatus: "DELIVERED", activityDateTime: "2026-01-03T09:00:00", iid: r.request_id }));
    await expect(applyActivityWebhook(t.db, [...events, { activityStatus: "DELIVERED", iid: "no-such-request" }], new Date())).resolves.toEqual({
      received: 3,
      applied: 2,
      ignored: 0,
    });
    expect((await rowsOf(mailingId)).map((r) => r.esputnik_status)).toEqual(["DELIVERED", "DELIVERED", null]);
  });
});
