import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { startSimulator, type SimHandle } from "@/esputnik-sim";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { mailings, sendBatches } from "@/db/schema";
import { requestSend, requestStatusUpdate } from "@/lib/sending/commands";
import { createUser, quietLogger, recipientIdsByState, seedMailing, simClient, testContext } from "@/lib/sending/test-support";
import { startBoss } from "./boss";
import { bossJobs } from "./jobs-port";
import { bossTargetFor } from "./test-support";
import { startSendingWorkers, type Workers } from "./workers";

let t: TestDatabase;
let sim: SimHandle;
let actorId: string;
/** Two "app instances" on one database, each with its own queue client and workers. */
const instances: { boss: PgBoss; workers: Workers; ctx: ReturnType<typeof testContext> }[] = [];

async function startInstance(name: string) {
  const boss = await startBoss(bossTargetFor(t), quietLogger);
  const ctx = testContext(t.db, simClient(sim.url), { jobs: bossJobs(boss) as never, workerId: name });
  const workers = await startSendingWorkers(boss, ctx, { tickMs: 0 });
  instances.push({ boss, workers, ctx });
  return { boss, ctx };
}

beforeAll(async () => {
  [t, sim] = await Promise.all([createTestDatabase(), startSimulator({ port: 0, clock: "virtual", seed: "jobs", log: () => {} })]);
  actorId = await createUser(t.db);
  await startInstance("instance-a");
  await startInstance("instance-b");
});
afterAll(async () => {
  for (const { boss, workers } of instances) {
    await workers.stop();
    await boss.stop({ graceful: false, close: true });
  }
  await sim?.close();
  await t?.destroy();
});

const statusOf = async (id: string) => (await t.db.select({ status: mailings.status }).from(mailings).where(eq(mailings.id, id)))[0]?.status;

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("not reached in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe(`durable jobs on pg-boss (${process.env.TEST_DB})`, () => {
  it("Send returns at once and the work runs as a background job", async () => {
    const { ctx } = instances[0]!;
    const { mailingId } = await seedMailing(t.db, { recipients: 70 });
    await expect(requestSend({ ...ctx, actorId }, { mailingId })).resolves.toEqual({ recipients: 70 });
    await waitUntil(async () => (await statusOf(mailingId)) === "sent");
    expect((await recipientIdsByState(t.db, mailingId)).accepted).toHaveLength(70);

    await requestStatusUpdate({ ...ctx, actorId }, { mailingId });
    await waitUntil(async () => (await t.db.select().from(mailings).where(eq(mailings.id, mailingId)))[0]?.statusCheckedAt != null);
  });

  it("two instances, several mailings, every job enqueued twice on each: each recipient goes once", async () => {
    const seeded = await Promise.all([1, 2, 3].map(() => seedMailing(t.db, { recipients: 45 })));
    for (const { mailingId } of seeded) {
      await requestSend({ ...instances[0]!.ctx, actorId }, { mailingId });
      for (const { ctx } of instances) {
        await ctx.jobs.enqueueSend(mailingId);
        await ctx.jobs.enqueueSend(mailingId);
      }
    }
    await waitUntil(async () => (await Promise.all(seeded.map((s) => statusOf(s.mailingId)))).every((s) => s === "sent"));
    for (const { mailingId } of seeded) expect((await recipientIdsByState(t.db, mailingId)).accepted).toHaveLength(45);
    const ledger = sim.control.ledger();
    expect(ledger.duplicates).toBe(0);
    expect(ledger.acceptedRecipients).toBe(70 + 3 * 45);
  });

  it("the tick resumes a send whose runner died (no job left, lease expired)", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 50 });
    // What a runner killed mid-batch leaves behind: sending, a claimed batch, an expired lease, no job.
    await t.db.update(mailings).set({ status: "sending", sendLeaseOwner: "dead", sendLeaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(mailings.id, mailingId));
    const [batch] = await t.db.insert(sendBatches).values({ mailingId, kind: "smartsend", state: "claimed", size: 10, worker: "dead" }).returning();
    await t.db.execute(sql`update mailing_recipients set state = 'sending', batch_id = ${batch!.id}
      where id in (select id from mailing_recipients where mailing_id = ${mailingId} order by id limit 10)`);

    const { runSendingTick } = await import("@/lib/sending/tick");
    const { resumed } = await runSendingTick(instances[1]!.ctx);
    expect(resumed).toContain(mailingId);
    await waitUntil(async () => (await statusOf(mailingId)) === "sent");
    expect((await recipientIdsByState(t.db, mailingId)).accepted).toHaveLength(50);
    expect(sim.control.ledger().duplicates).toBe(0);
  });
});
