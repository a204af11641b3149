import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { startSimulator, type SimHandle } from "@/esputnik-sim";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { expectTalliesMatchRows } from "@/test/tallies";
import { mailingEvents, mailings } from "@/db/schema";
import { executeRows } from "@/db/execute";
import type { EsputnikClient } from "@/lib/esputnik/client";
import { DomainError } from "@/lib/errors";
import { cancelSend, requestReconcile, requestSend, resendInDoubt } from "./commands";
import type { CommandContext } from "./context";
import { runReconcile } from "./reconcile";
import { runSendJob } from "./send-job";
import { createUser, recipientIdsByState, seedMailing, simClient, testContext } from "./test-support";

let t: TestDatabase;
let sim: SimHandle;
let client: EsputnikClient;
let actorId: string;

beforeAll(async () => {
  [t, sim] = await Promise.all([createTestDatabase(), startSimulator({ port: 0, clock: "virtual", seed: "send-job", log: () => {} })]);
  client = simClient(sim.url);
  actorId = await createUser(t.db);
});
afterAll(async () => {
  await sim?.close();
  await t?.destroy();
});
beforeEach(() => sim.control.reset());

const command = (ctx: ReturnType<typeof testContext>): CommandContext => ({ ...ctx, actorId });

async function mailingRow(id: string) {
  const [row] = await t.db.select().from(mailings).where(eq(mailings.id, id));
  return row!;
}

/** Every accepted recipient is in eSputnik's ledger exactly once, and nothing else is. */
async function expectExactlyOnce(mailingId: string, { inDoubtSent = "any" as "any" | "none" | "all" } = {}) {
  const states = await recipientIdsByState(t.db, mailingId);
  const ledger = sim.control.ledger();
  const ledgerIds = new Set(sim.control.ledgerIds().map(Number));
  expect(ledger.duplicates).toBe(0);
  for (const id of states.accepted ?? []) expect(ledgerIds.has(id), `accepted ${id} in the ledger`).toBe(true);
  for (const id of [...(states.pending ?? []), ...(states.rejected ?? []), ...(states.excluded ?? [])]) {
    expect(ledgerIds.has(id), `${id} not sent`).toBe(false);
  }
  const inDoubt = states.in_doubt ?? [];
  if (inDoubtSent === "none") for (const id of inDoubt) expect(ledgerIds.has(id)).toBe(false);
  if (inDoubtSent === "all") for (const id of inDoubt) expect(ledgerIds.has(id)).toBe(true);
  // Nothing eSputnik queued is missing from our records.
  const known = new Set([...(states.accepted ?? []), ...inDoubt]);
  for (const id of ledgerIds) expect(known.has(id), `ledger id ${id} is accepted or in doubt here`).toBe(true);
  expect(states.sending ?? []).toEqual([]);
  return states;
}

/** A client that lets `hook` act around each smartsend call (crash, cancel, freeze…). */
function hookedClient(hook: (call: number, send: () => ReturnType<EsputnikClient["smartsend"]>) => ReturnType<EsputnikClient["smartsend"]>): EsputnikClient {
  let calls = 0;
  return { ...client, smartsend: (id, request) => hook(++calls, () => client.smartsend(id, request)) };
}

// Whatever a test did to recipients, the counts kept beside them agree with the rows.
afterEach(() => expectTalliesMatchRows(t.db));

describe(`send job (${process.env.TEST_DB})`, () => {
  it("hands every recipient to eSputnik once, uploads the contacts into the group, and ends Sent", async () => {
    const ctx = testContext(t.db, client);
    const { mailingId } = await seedMailing(t.db, { recipients: 95, excluded: 3 });

    await expect(requestSend(command(ctx), { mailingId })).resolves.toEqual({ recipients: 95 });
    expect((await mailingRow(mailingId)).status).toBe("queued");
    expect(ctx.jobs.calls).toEqual([{ kind: "send", mailingId }]);

    await expect(runSendJob(ctx, { mailingId })).resolves.toEqual({ outcome: "finished", status: "sent" });
    const states = await expectExactlyOnce(mailingId);
    expect(states.accepted).toHaveLength(95);
    expect(states.excluded).toHaveLength(3);

    const calls = sim.control.calls().byRoute;
    expect(calls.smartsend).toBe(5); // ceil(95 / 20)
    expect(calls["contacts.bulk"]).toBe(2); // ceil(95 / 50): excluded recipients are not uploaded
    const group = [...sim.state.contacts.groups.values()].find((g) => g.name === "Test group");
    expect(group?.members.size).toBe(95);

    const mailing = await mailingRow(mailingId);
    expect(mailing).toMatchObject({ status: "sent", sendRequestedBy: actorId, uploadCursor: Math.max(...states.accepted!) });
    expect(mailing.sentAt).toBeInstanceOf(Date);
    expect(mailing.finishedAt).toBeInstanceOf(Date);
    expect(mailing.nextStatusPollAt).toBeInstanceOf(Date);
    const feed = await t.db.select().from(mailingEvents).where(eq(mailingEvents.mailingId, mailingId)).orderBy(mailingEvents.id);
    expect(feed.map((e) => e.kind)).toEqual(["send_requested", "sending_started", "sent"]);
    expect(feed[0]).toMatchObject({ actorId, data: { recipients: 95, excluded: 3 } });
    expect(feed[2]!.data).toMatchObject({ status: "sent", accepted: 95, rejected: 0, inDoubt: 0 });
  });

  it("sends to an address once even when two recipient rows of the mailing share it (written around the import)", async () => {
    const ctx = testContext(t.db, client);
    // Rows 10, 20 and 30 share one address: the import never writes that (it adds an address
    // once), so they are inserted directly, as a bug or a hand-made fix could.
    const { mailingId } = await seedMailing(t.db, { recipients: 30, locator: (i) => (i % 10 === 0 ? "shared@example.com" : `p${i}@example.com`) });
    await requestSend(command(ctx), { mailingId });
    await expect(runSendJob(ctx, { mailingId })).resolves.toEqual({ outcome: "finished", status: "sent" });
    const states = await expectExactlyOnce(mailingId);
    expect(states.accepted).toHaveLength(28);
    expect(sim.control.ledger().acceptedRecipients).toBe(28);
    const shared = await executeRows<{ state: string; reason: string | null }>(
      t.db,
      sql`select state, exclusion_reason as reason from mailing_recipients where mailing_id = ${mailingId}::uuid and locator = 'shared@example.com' order by id`,
    );
    // Whichever batch took the address first (batches are claimed in parallel) sent to it.
    expect(shared.filter((r) => r.state === "accepted")).toHaveLength(1);
    expect(shared.filter((r) => r.state === "excluded" && r.reason === "duplicate_address")).toHaveLength(2);
  });

  it("refuses a second Send, and of two concurrent runs one does all the work", async () => {
    const ctx = testContext(t.db, client);
    const { mailingId } = await seedMailing(t.db, { recipients: 60 });
    const first = requestSend(command(ctx), { mailingId });
    const second = requestSend(command(ctx), { mailingId });
    const results = await Promise.allSettled([first, second]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "sending.errors.notSendable" } });

    const runs = await Promise.all([runSendJob(ctx, { mailingId }), runSendJob({ ...ctx, workerId: "other-worker" }, { mailingId })]);
    expect(runs.map((r) => r.outcome).sort()).toEqual(["busy", "finished"]);
    expect((await expectExactlyOnce(mailingId)).accepted).toHaveLength(60);
    await expect(runSendJob(ctx, { mailingId })).resolves.toEqual({ outcome: "not_active" });
    expect(sim.control.ledger().acceptedRecipients).toBe(60);
  });

  it("resumes after a crash with only the unsent recipients; the batch whose answer was lost is in doubt", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 100 });
    await requestSend(command(testContext(t.db, client)), { mailingId });
    // The process dies right after eSputnik queued the third batch, before its answer was stored.
    const crashing = hookedClient(async (call, send) => {
      const answer = await send();
      if (call === 3) throw new Error("simulated crash");
      return answer;
    });
    await expect(runSendJob(testContext(t.db, crashing, { config: { concurrency: 1 } }), { mailingId })).rejects.toThrow("simulated crash");
    expect((await mailingRow(mailingId)).status).toBe("sending");

    const resumed = await runSendJob(testContext(t.db, client), { mailingId });
    expect(resumed).toEqual({ outcome: "finished", status: "partially_sent" });
    const states = await expectExactlyOnce(mailingId, { inDoubtSent: "all" });
    expect(states.in_doubt).toHaveLength(20);
    expect(states.accepted).toHaveLength(80);
    expect(sim.control.ledger().acceptedRecipients).toBe(100);
  });

  it("a killed runner's work resumes after its lease expires; woken up late, it sends nothing new", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 100 });
    await requestSend(command(testContext(t.db, client)), { mailingId });
    // From the third call on, this runner freezes (as if killed or paused): its calls never leave.
    const { freezing, frozen, thaw } = freezingFromThirdCall();
    // No batch marked ahead of its turn (readyBatches 0): only the two frozen calls are in flight.
    const zombie = runSendJob(testContext(t.db, freezing, { workerId: "zombie", config: { concurrency: 2, readyBatches: 0 } }), { mailingId });
    await waitFor(async () => frozen() === 2 && (await inFlightBatches(mailingId)) === 2);
    // Its lease runs out (a killed process renews nothing): another runner takes over.
    await expireLease(mailingId);
    const resumed = await runSendJob(testContext(t.db, client), { mailingId });
    expect(resumed).toEqual({ outcome: "finished", status: "partially_sent" });
    const before = await expectExactlyOnce(mailingId, { inDoubtSent: "none" });
    expect(before.in_doubt).toHaveLength(40);

    // The zombie wakes up: its two calls were already in flight (now in doubt, not resent by anyone),
    // they reach eSputnik and settle; it claims nothing more.
    thaw();
    await expect(zombie).resolves.toEqual({ outcome: "interrupted" });
    const after = await expectExactlyOnce(mailingId);
    expect(after.accepted).toHaveLength(100);
    expect(sim.control.ledger()).toMatchObject({ acceptedRecipients: 100, duplicates: 0 });
  });

  it("batches marked ahead of their turn: a killed runner leaves at most readyBatches more in doubt, none sent twice", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 200 });
    await requestSend(command(testContext(t.db, client)), { mailingId });
    const { freezing, frozen, thaw } = freezingFromThirdCall();
    const zombie = runSendJob(testContext(t.db, freezing, { workerId: "zombie", config: { concurrency: 2, readyBatches: 2 } }), { mailingId });
    // Two calls frozen in flight and two more batches marked, waiting for a permit; no fifth.
    await waitFor(async () => frozen() === 2 && (await inFlightBatches(mailingId)) === 4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await inFlightBatches(mailingId)).toBe(4);
    await expireLease(mailingId);
    await expect(runSendJob(testContext(t.db, client), { mailingId })).resolves.toEqual({ outcome: "finished", status: "partially_sent" });
    // 4 batches of 20 in doubt: the two frozen calls and the two that never left.
    const before = await expectExactlyOnce(mailingId, { inDoubtSent: "none" });
    expect(before.in_doubt).toHaveLength(80);
    expect(before.accepted).toHaveLength(120);

    thaw();
    await expect(zombie).resolves.toEqual({ outcome: "interrupted" });
    // Whatever the zombie still sent settles its own in-doubt rows; nobody else resent them.
    const after = await expectExactlyOnce(mailingId);
    expect((after.accepted?.length ?? 0) + (after.in_doubt?.length ?? 0)).toBe(200);
    expect(after.accepted?.length ?? 0).toBeGreaterThanOrEqual(160);
    expect(sim.control.ledger().duplicates).toBe(0);
  });

  it("rides out a storm of 429s and refused connections without losing or duplicating anyone", async () => {
    sim.control.setFaults({ rateLimit: 0.5, endpoints: ["smartsend", "contacts.bulk", "importstatus"] });
    const { mailingId } = await seedMailing(t.db, { recipients: 120 });
    // Every third connection is refused before anything is written: the request never left.
    let attempts = 0;
    const refusing: typeof fetch = (input, init) =>
      ++attempts % 3 === 0 ? Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })) : fetch(input, init);
    const ctx = testContext(t.db, simClient(sim.url, { fetch: refusing, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }));
    await requestSend(command(ctx), { mailingId });
    await expect(runSendJob(ctx, { mailingId })).resolves.toEqual({ outcome: "finished", status: "sent" });
    expect((await expectExactlyOnce(mailingId)).accepted).toHaveLength(120);
    expect(sim.control.calls().byStatus["429"]).toBeGreaterThan(3);
  });

  it("stores eSputnik's per-recipient ERROR as the rejection reason, and ends Partially sent", async () => {
    const { mailingId } = await seedMailing(t.db, {
      recipients: 30,
      locator: (i) => (i % 10 === 0 ? `bad${i}+reject@example.com` : i === 7 ? "not-an-email" : `ok${i}@example.com`),
    });
    const ctx = testContext(t.db, client);
    await requestSend(command(ctx), { mailingId });
    await expect(runSendJob(ctx, { mailingId })).resolves.toEqual({ outcome: "finished", status: "partially_sent" });
    const states = await expectExactlyOnce(mailingId);
    expect(states.rejected).toHaveLength(4);
    const rejected = await executeRows<{ locator: string; reject_reason: string; done: boolean }>(
      t.db,
      sql`select locator, reject_reason, done from mailing_recipients where mailing_id = ${mailingId} and state = 'rejected' order by id`,
    );
    expect(rejected.find((r) => r.locator === "not-an-email")).toMatchObject({ reject_reason: "'not-an-email' is not valid email", done: true });
    expect(rejected.find((r) => r.locator === "bad10+reject@example.com")?.reject_reason).toBe("Recipient rejected");
  });

  it("cancel stops every batch not yet handed to eSputnik; Send again sends only the rest", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 100 });
    const base = testContext(t.db, client);
    await requestSend(command(base), { mailingId });
    const cancelling = hookedClient(async (call, send) => {
      if (call === 2) await cancelSend(command(base), { mailingId });
      return send();
    });
    const run = await runSendJob(testContext(t.db, cancelling, { config: { concurrency: 1, readyBatches: 0 } }), { mailingId });
    expect(run).toEqual({ outcome: "interrupted" });
    const mailing = await mailingRow(mailingId);
    expect(mailing.status).toBe("cancelled");
    const cancelled = await expectExactlyOnce(mailingId);
    // The call that was leaving when Cancel was pressed still counts; nothing after it left.
    expect(cancelled.accepted).toHaveLength(40);
    expect(cancelled.pending).toHaveLength(60);
    const [event] = await t.db.select().from(mailingEvents).where(and(eq(mailingEvents.mailingId, mailingId), eq(mailingEvents.kind, "cancelled")));
    expect(event).toMatchObject({ mailingId, actorId });

    await requestSend(command(base), { mailingId });
    await expect(runSendJob(base, { mailingId })).resolves.toEqual({ outcome: "finished", status: "sent" });
    expect((await expectExactlyOnce(mailingId)).accepted).toHaveLength(100);
    expect(sim.control.ledger().acceptedRecipients).toBe(100);
  });

  it("cancel with batches marked ahead: at most readyBatches more go out; the rest stays pending for Send", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 200 });
    const base = testContext(t.db, client);
    await requestSend(command(base), { mailingId });
    const cancelling = hookedClient(async (call, send) => {
      if (call === 2) await cancelSend(command(base), { mailingId });
      return send();
    });
    const run = await runSendJob(testContext(t.db, cancelling, { config: { concurrency: 1, readyBatches: 2 } }), { mailingId });
    expect(run).toEqual({ outcome: "interrupted" });
    const cancelled = await expectExactlyOnce(mailingId);
    // Calls 1 and 2 (40), plus at most the two batches already marked when Cancel came.
    expect(cancelled.accepted?.length).toBeGreaterThanOrEqual(40);
    expect(cancelled.accepted?.length).toBeLessThanOrEqual(80);
    expect((cancelled.accepted?.length ?? 0) + (cancelled.pending?.length ?? 0)).toBe(200);

    await requestSend(command(base), { mailingId });
    await expect(runSendJob(base, { mailingId })).resolves.toEqual({ outcome: "finished", status: "sent" });
    expect((await expectExactlyOnce(mailingId)).accepted).toHaveLength(200);
    expect(sim.control.ledger().acceptedRecipients).toBe(200);
  });
});

async function sendOnce(ctx: ReturnType<typeof testContext>, mailingId: string) {
  await requestSend(command(ctx), { mailingId });
  return runSendJob(ctx, { mailingId });
}

/** A client whose calls from the third on wait (as if the process were killed or paused) until thawed. */
function freezingFromThirdCall() {
  let thaw: () => void = () => {};
  const thawed = new Promise<void>((resolve) => (thaw = resolve));
  let frozen = 0;
  const freezing = hookedClient(async (call, send) => {
    if (call >= 3) {
      frozen++;
      await thawed;
    }
    return send();
  });
  return { freezing, frozen: () => frozen, thaw };
}

/** The runner's lease runs out (a killed process renews nothing): another runner may take over. */
async function expireLease(mailingId: string): Promise<void> {
  await t.db.update(mailings).set({ sendLeaseOwner: "dead", sendLeaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(mailings.id, mailingId));
}

async function inFlightBatches(mailingId: string): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from send_batches where mailing_id = ${mailingId} and state = 'in_flight' and kind = 'smartsend'`,
  );
  return Number(row?.n ?? 0);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe(`mailing-level failures (${process.env.TEST_DB})`, () => {
  const cases = [
    {
      name: "wrong eSputnik credentials",
      seed: {},
      client: () => simClient(sim.url, { password: "wrong-key" }),
      code: "sending.failure.unauthorized",
    },
    { name: "an unknown message id", seed: { esputnikMessageId: 9999 }, client: () => simClient(sim.url), code: "sending.failure.messageNotFound" },
    {
      name: "an SMS message on an email mailing",
      seed: { esputnikMessageId: 290 },
      client: () => simClient(sim.url),
      code: "sending.failure.messageTypeMismatch",
    },
    {
      name: "an alpha name eSputnik has not approved",
      seed: { channel: "sms" as const, alphaName: "MyShop" },
      client: () => simClient(sim.url),
      code: "sending.failure.alphaNameNotApproved",
    },
    {
      name: "eSputnik unreachable",
      seed: {},
      client: () => simClient("http://127.0.0.1:9/api", { retry: { attempts: 1 } }),
      code: "sending.failure.network",
    },
  ];

  for (const c of cases) {
    it(`fails clearly on ${c.name}, loses nothing, and sends after the fix`, async () => {
      const { mailingId } = await seedMailing(t.db, { recipients: 45, ...c.seed });
      const broken = testContext(t.db, c.client(), { config: { giveUpAfterMs: 50 } });
      await expect(sendOnce(broken, mailingId)).resolves.toEqual({ outcome: "failed", code: c.code });
      const failed = await mailingRow(mailingId);
      expect(failed).toMatchObject({ status: "failed", failureCode: c.code });
      expect(failed.failureDetail).toBeTruthy();
      expect((await recipientIdsByState(t.db, mailingId)).pending).toHaveLength(45);
      expect(sim.control.ledger().acceptedRecipients).toBe(0);
      const [event] = await t.db.select().from(mailingEvents).where(and(eq(mailingEvents.mailingId, mailingId), eq(mailingEvents.kind, "failed")));
      expect(event?.data).toMatchObject({ code: c.code, pending: 45 });

      // The fix: right credentials, message, type or sender.
      if ("esputnikMessageId" in c.seed || "alphaName" in c.seed) {
        await t.db.update(mailings).set({ alphaName: "" }).where(eq(mailings.id, mailingId));
        const { messageId } = await seedMailing(t.db, { recipients: 0, channel: failed.channel });
        await t.db.update(mailings).set({ messageId }).where(eq(mailings.id, mailingId));
      }
      await expect(sendOnce(testContext(t.db, simClient(sim.url)), mailingId)).resolves.toMatchObject({ outcome: "finished" });
      expect((await recipientIdsByState(t.db, mailingId)).pending).toBeUndefined();
      expect(sim.control.ledger()).toMatchObject({ acceptedRecipients: 45, duplicates: 0 });
    });
  }

  it("an error that comes back every run (a bug) fails the mailing after a few runs instead of resuming it forever", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 30 });
    const buggy = testContext(t.db, async () => {
      throw new Error("a bug in building the client");
    }, { config: { maxErrorRuns: 3 } });
    await requestSend(command(buggy), { mailingId });
    // The first runs fail (the job is retried, the tick resumes the mailing): the mailing waits.
    for (let run = 1; run < 3; run++) {
      await expect(runSendJob(buggy, { mailingId })).rejects.toThrow("a bug in building the client");
      expect(await mailingRow(mailingId)).toMatchObject({ status: "sending", sendErrorRuns: run });
    }
    await expect(runSendJob(buggy, { mailingId })).resolves.toEqual({ outcome: "failed", code: "sending.failure.internal" });
    expect(await mailingRow(mailingId)).toMatchObject({ status: "failed", failureCode: "sending.failure.internal", sendLeaseOwner: null });
    expect((await recipientIdsByState(t.db, mailingId)).pending).toHaveLength(30);
    // Fixed: a new Send starts the count again and sends everyone, once.
    await expect(sendOnce(testContext(t.db, simClient(sim.url)), mailingId)).resolves.toMatchObject({ outcome: "finished", status: "sent" });
    expect(await mailingRow(mailingId)).toMatchObject({ sendErrorRuns: 0 });
    expect((await expectExactlyOnce(mailingId)).accepted).toHaveLength(30);
  });

  it("fails a mailing that was half sent when eSputnik starts refusing it, then sends only the rest", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 100 });
    sim.control.setFaults({ endpoints: ["smartsend"], script: ["none", "none"], rateLimit: 1 });
    const ctx = testContext(t.db, simClient(sim.url, { retry: { attempts: 1 } }), { config: { concurrency: 1, giveUpAfterMs: 30 } });
    await expect(sendOnce(ctx, mailingId)).resolves.toEqual({ outcome: "failed", code: "sending.failure.rate_limited" });
    const states = await recipientIdsByState(t.db, mailingId);
    expect(states.accepted).toHaveLength(40);
    expect(states.pending).toHaveLength(60);

    sim.control.setFaults({});
    await expect(sendOnce(testContext(t.db, simClient(sim.url)), mailingId)).resolves.toEqual({ outcome: "finished", status: "sent" });
    expect(sim.control.ledger()).toMatchObject({ acceptedRecipients: 100, duplicates: 0 });
  });
});

describe(`in doubt (${process.env.TEST_DB})`, () => {
  it("never resends a batch whose answer was lost; reconciliation finds it in eSputnik's activity", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 60 });
    // The second call is processed by eSputnik, but its answer never comes back.
    sim.control.setFaults({ endpoints: ["smartsend"], script: ["none", "timeout"], hangMs: 2_000 });
    const ctx = testContext(t.db, simClient(sim.url, { timeoutMs: 300 }), { config: { concurrency: 1 } });
    await expect(sendOnce(ctx, mailingId)).resolves.toEqual({ outcome: "finished", status: "partially_sent" });
    const states = await recipientIdsByState(t.db, mailingId);
    expect(states.in_doubt).toHaveLength(20);
    expect(sim.control.ledger()).toMatchObject({ acceptedRecipients: 60, duplicates: 0 });

    const command: CommandContext = { ...ctx, actorId };
    await expect(requestReconcile(command, { mailingId })).resolves.toBeUndefined();
    expect(ctx.jobs.calls.at(-1)).toEqual({ kind: "reconcile", mailingId, data: { actorId } });
    // Delivery happens 5 s after sending; only then is there activity to find.
    sim.control.advance(10);
    await expect(runReconcile(ctx, { mailingId, actorId })).resolves.toEqual({ checked: 20, resolved: 20 });
    const mailing = await mailingRow(mailingId);
    expect(mailing.status).toBe("sent");
    expect((await recipientIdsByState(t.db, mailingId)).in_doubt).toBeUndefined();
    const [event] = await t.db.select().from(mailingEvents).where(and(eq(mailingEvents.mailingId, mailingId), eq(mailingEvents.kind, "in_doubt_resolved")));
    expect(event).toMatchObject({ actorId, data: { action: "reconcile", checked: 20, resolved: 20 } });
    await expect(requestReconcile(command, { mailingId })).rejects.toMatchObject({ code: "sending.errors.noneInDoubt" });
  });

  it("resends in-doubt recipients only when a manager says so", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 60 });
    // Dropped before eSputnik processed it: the client cannot know that, so it is in doubt.
    sim.control.setFaults({ endpoints: ["smartsend"], script: ["drop_before"] });
    const ctx = testContext(t.db, simClient(sim.url), { config: { concurrency: 1 } });
    await expect(sendOnce(ctx, mailingId)).resolves.toEqual({ outcome: "finished", status: "partially_sent" });
    expect((await recipientIdsByState(t.db, mailingId)).in_doubt).toHaveLength(20);
    expect(sim.control.ledger().acceptedRecipients).toBe(40);

    // Nothing automatic sends them: a new run has no work.
    await expect(requestSend({ ...ctx, actorId }, { mailingId })).rejects.toBeInstanceOf(DomainError);
    await expect(resendInDoubt({ ...ctx, actorId }, { mailingId })).resolves.toEqual({ recipients: 20 });
    await expect(runSendJob(ctx, { mailingId })).resolves.toEqual({ outcome: "finished", status: "sent" });
    expect(sim.control.ledger()).toMatchObject({ acceptedRecipients: 60, duplicates: 0 });
    const events = await t.db.select().from(mailingEvents).where(eq(mailingEvents.mailingId, mailingId));
    expect(events.find((e) => e.kind === "in_doubt_resolved")).toMatchObject({ actorId, data: { action: "resend", recipients: 20 } });
  });
});
