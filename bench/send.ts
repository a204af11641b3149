/**
 * `npm run bench:send [-- --recipients 1000000 --latency-ms 100 --concurrency 4 --send-only]`
 *
 * Sends one mailing of N recipients through the real send engine (pg-boss job on PostgreSQL,
 * worker in this process) to the simulator running in its own process with `latency-ms` added to
 * every call, then runs "Update status" over all of them. Prints one JSON line: measured seconds
 * next to the ideal `(eSputnik calls made) × latency / concurrency`, the call counts (exactly
 * ceil(N/1000) smartsend and ceil(N/3000) contact uploads), exactly-once checks from the
 * simulator's ledger, and the peak RSS of this process (the audience is never held in memory).
 * `transportRatio` is the same measure for bare calls with no database work: what this machine
 * and the simulator allow at this concurrency.
 *
 * `--send-only` skips Update status (its figures are then null): for comparing send runs quickly.
 * TEST_DATABASE_URL picks the PostgreSQL server (default the local one); BENCH_KEEP_DB=1 keeps the database.
 */
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { executeRows } from "@/db/execute";
import { mailings } from "@/db/schema";
import type { Db } from "@/db/types";
import { createEsputnikClient } from "@/lib/esputnik/client";
import { startBoss } from "@/lib/jobs/boss";
import { bossJobs } from "@/lib/jobs/jobs-port";
import { startSendingWorkers } from "@/lib/jobs/workers";
import { requestSend, requestStatusUpdate } from "@/lib/sending/commands";
import { defaultSendingConfig, systemClock, type SendingContext } from "@/lib/sending/context";
import { createBenchDatabase, log, numberArg, peakRssMb, seedEmailMailing, SIM_KEY, spawnSimulator, type CallCounts } from "./harness";

const { values } = parseArgs({
  options: { recipients: { type: "string" }, "latency-ms": { type: "string" }, concurrency: { type: "string" }, "send-only": { type: "boolean", default: false } },
});
const recipients = numberArg(values.recipients, 1_000_000);
const latencyMs = numberArg(values["latency-ms"], 100);
// 4 by default: the simulator shares this machine's two cores with the engine and PostgreSQL, and
// at 8 calls in flight the bare calls alone (transportRatio) already take 1.6–2.2× the ideal.
const concurrency = numberArg(values.concurrency, 4);

const quiet = { info: () => {}, warn: (msg: string, extra?: unknown) => log(`warn: ${msg} ${JSON.stringify(extra)}`), error: (msg: string, err?: unknown) => log(`error: ${msg} ${String(err)}`) };

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The same calls without any of our work: `concurrency` loops posting 1,000-recipient smartsends
 * back to back. Its ratio to the ideal is what the machine and the simulator allow; the engine's
 * own ratio can only be compared with it.
 */
async function measureTransport(url: string, concurrency: number, latency: number): Promise<number> {
  const client = createEsputnikClient({ baseUrl: url, login: "bench", password: SIM_KEY, timeoutMs: 60_000 });
  const calls = 10 * concurrency;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let call = next++; call < calls; call = next++) {
        const recipients = Array.from({ length: 1000 }, (_, i) => ({ locator: `t${call}.${i}@transport.example.com`, jsonParam: '{"name":"T"}' }));
        await client.smartsend(293, { email: true, recipients });
      }
    }),
  );
  return (performance.now() - started) / ((calls * latency) / concurrency);
}

const mailingRow = async (db: Db, id: string) => (await db.select().from(mailings).where(eq(mailings.id, id)))[0]!;

async function main() {
  const sim = await spawnSimulator();
  const database = await createBenchDatabase(concurrency * 2 + 6);
  try {
    const db = database.handle.db;
    await sim.control("PUT", "config", { retention: { maxRecords: recipients + 100_000 } });
    log(`seeding ${recipients} recipients…`);
    let started = performance.now();
    const { mailingId, actorId } = await seedEmailMailing(db, { recipients, tag: "send" });
    const seedSeconds = (performance.now() - started) / 1000;

    const boss = await startBoss({ kind: "postgres", url: database.url }, quiet);
    const config = { ...defaultSendingConfig, concurrency };
    const ctx: SendingContext = {
      db,
      clock: systemClock,
      // The client's own limiter stays on (200 calls/s, the account's limit); the simulator's is off.
      esputnik: async () => createEsputnikClient({ baseUrl: sim.url, login: "bench", password: SIM_KEY, timeoutMs: 60_000 }),
      logger: quiet,
      jobs: bossJobs(boss),
      config,
      workerId: "bench",
    };
    const workers = await startSendingWorkers(boss, ctx, { tickMs: 0 });
    await sim.control("PUT", "faults", { latencyMs });
    const transportRatio = await measureTransport(sim.url, concurrency, latencyMs);
    const ledgerBefore = await sim.control<{ acceptedRecipients: number }>("GET", "ledger");
    await sim.control("DELETE", "calls");

    log("sending…");
    started = performance.now();
    await requestSend({ ...ctx, actorId }, { mailingId });
    await waitFor(async () => ["sent", "partially_sent", "failed"].includes((await mailingRow(db, mailingId)).status), "the mailing to be handed over");
    const seconds = (performance.now() - started) / 1000;
    const sendCalls = await sim.control<CallCounts>("GET", "calls");
    const final = await mailingRow(db, mailingId);
    // The contact imports may still be confirming: wait for the job to finish before counting them.
    await waitFor(async () => (await mailingRow(db, mailingId)).sendLeaseOwner === null, "the send job to end");
    const allSendCalls = await sim.control<CallCounts>("GET", "calls");
    const ledger = await sim.control<{ acceptedRecipients: number; duplicates: number }>("GET", "ledger");

    let statusSeconds = Number.NaN;
    let statusCalls = 0;
    if (!values["send-only"]) {
      // Statuses settle 5 s after sending on the simulator's clock: ask once they have.
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      await sim.control("DELETE", "calls");
      log("updating statuses…");
      started = performance.now();
      await requestStatusUpdate({ ...ctx, actorId }, { mailingId });
      await waitFor(async () => (await mailingRow(db, mailingId)).statusCheckedAt !== null, "the status update");
      statusSeconds = (performance.now() - started) / 1000;
      statusCalls = (await sim.control<CallCounts>("GET", "calls")).byRoute["message.status"] ?? 0;
    }

    const callsDuringSend = sendCalls.total;
    const idealSeconds = (callsDuringSend * latencyMs) / 1000 / concurrency;
    const statusIdealSeconds = (statusCalls * latencyMs) / 1000 / concurrency;
    const smartsendCalls = allSendCalls.byRoute.smartsend ?? 0;
    const uploadCalls = allSendCalls.byRoute["contacts.bulk"] ?? 0;
    const round = (n: number, d = 2) => Number(n.toFixed(d));
    const result = {
      recipients,
      latencyMs,
      concurrency,
      status: final.status,
      smartsendCalls,
      expectedSmartsendCalls: Math.ceil(recipients / 1000),
      uploadCalls,
      expectedUploadCalls: Math.ceil(recipients / 3000),
      importStatusCalls: allSendCalls.byRoute.importstatus ?? 0,
      callsDuringSend,
      seconds: round(seconds),
      idealSeconds: round(idealSeconds),
      ratio: round(seconds / idealSeconds, 3),
      statusCalls,
      statusSeconds: round(statusSeconds),
      statusIdealSeconds: values["send-only"] ? null : round(statusIdealSeconds),
      statusRatio: round(statusSeconds / statusIdealSeconds, 3),
      acceptedInLedger: ledger.acceptedRecipients - ledgerBefore.acceptedRecipients,
      duplicates: ledger.duplicates,
      transportRatio: round(transportRatio, 3),
      seedSeconds: round(seedSeconds),
      peakRssMb: peakRssMb(),
    };
    // How many recipient updates PostgreSQL wrote without touching an index (statistics lag a moment).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [updates] = await executeRows<{ hot: unknown; all: unknown }>(
      db,
      sql`select n_tup_hot_upd as hot, n_tup_upd as all from pg_stat_user_tables where relname = 'mailing_recipients'`,
    );
    const hotUpdateShare = updates && Number(updates.all) > 0 ? round(Number(updates.hot) / Number(updates.all), 3) : null;
    await workers.stop();
    await boss.stop({ graceful: false, close: true });
    console.log(JSON.stringify({ ...result, hotUpdateShare }));
  } finally {
    await database.drop();
    sim.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
