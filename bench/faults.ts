/**
 * `npm run bench:faults [-- --rounds 20 --recipients 2000]`
 *
 * Exactly-once under fire. Two worker processes run the real send engine (pg-boss on PostgreSQL)
 * against the simulator, which fails 20 % of all calls (429, 500, timeouts after processing,
 * connections dropped before or after processing). In every round one mailing is sent and, at a
 * random moment, the worker holding it is SIGKILLed and replaced. When the round settles (a failed
 * mailing is sent again, as a manager would), the simulator's ledger is compared with our rows:
 *   duplicates — recipients eSputnik accepted more than once (must be 0);
 *   lost       — recipients accepted here but unknown to eSputnik, known to eSputnik but neither
 *                accepted nor in doubt here, or left unsent (must be 0);
 *   inDoubt    — recipients whose call's answer was lost (never resent automatically), and how many
 *                of them eSputnik did receive.
 * Ends with one JSON line.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { executeRows } from "@/db/execute";
import { mailings } from "@/db/schema";
import type { Db } from "@/db/types";
import { startBoss } from "@/lib/jobs/boss";
import { bossJobs } from "@/lib/jobs/jobs-port";
import { requestSend } from "@/lib/sending/commands";
import { systemClock } from "@/lib/sending/context";
import { INJECTED_FAULTS } from "./fault-config";
import { createBenchDatabase, log, numberArg, seedEmailMailing, spawnSimulator } from "./harness";

const { values } = parseArgs({ options: { rounds: { type: "string" }, recipients: { type: "string" } } });
const rounds = numberArg(values.rounds, 20);
const recipientsPerRound = numberArg(values.recipients, 2000);
const quiet = { info: () => {}, warn: () => {}, error: (msg: string, err?: unknown) => log(`driver: ${msg} ${String(err)}`) };

function spawnWorker(databaseUrl: string, simulatorUrl: string): Promise<ChildProcess> {
  const script = path.join(process.cwd(), "bench", "fault-worker.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, databaseUrl, simulatorUrl], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout?.once("data", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`worker exited early with ${code}`)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mailingRow = async (db: Db, id: string) => (await db.select().from(mailings).where(eq(mailings.id, id)))[0]!;

async function main() {
  const started = performance.now();
  const sim = await spawnSimulator();
  const database = await createBenchDatabase(8);
  const db = database.handle.db;
  const boss = await startBoss({ kind: "postgres", url: database.url, poolSize: 2 }, quiet);
  const jobs = bossJobs(boss);
  const workers = await Promise.all([spawnWorker(database.url, sim.url), spawnWorker(database.url, sim.url)]);
  const totals = { rounds, recipients: 0, duplicates: 0, lost: 0, inDoubt: 0, inDoubtReceived: 0, kills: 0, resends: 0, seconds: 0 };
  try {
    await sim.control("PUT", "faults", INJECTED_FAULTS);
    for (let round = 1; round <= rounds; round++) {
      const { mailingId, actorId } = await seedEmailMailing(db, { recipients: recipientsPerRound, tag: `r${round}` });
      const command = { db, jobs, clock: systemClock, logger: quiet, actorId };
      await requestSend(command, { mailingId });

      // The kill: whoever holds the mailing at a random moment in the first seconds.
      await sleep(Math.random() * 2_500);
      const owner = (await mailingRow(db, mailingId)).sendLeaseOwner;
      const victimIndex = Math.max(0, workers.findIndex((w) => owner?.startsWith(`fault-worker-${w.pid}:`)));
      workers[victimIndex]!.kill("SIGKILL");
      totals.kills++;
      workers[victimIndex] = await spawnWorker(database.url, sim.url);

      // Settle the round: a failed mailing (eSputnik too unwell for too long) is sent again.
      for (let attempt = 0; ; attempt++) {
        const deadline = Date.now() + 60_000;
        while (!(await settled(db, mailingId))) {
          if (Date.now() > deadline) throw new Error(`round ${round}: mailing stuck in ${(await mailingRow(db, mailingId)).status}`);
          await sleep(100);
        }
        const row = await mailingRow(db, mailingId);
        const pending = await countPending(db, mailingId);
        if (row.status !== "failed" || pending === 0 || attempt >= 5) break;
        totals.resends++;
        await requestSend(command, { mailingId });
      }
      const check = await checkRound(db, sim, mailingId);
      totals.recipients += recipientsPerRound;
      totals.lost += check.lost;
      totals.inDoubt += check.inDoubt;
      totals.inDoubtReceived += check.inDoubtReceived;
      log(`round ${round}: ${JSON.stringify(check)}`);
    }
    totals.duplicates = (await sim.control<{ duplicates: number }>("GET", "ledger")).duplicates;
    totals.seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    console.log(JSON.stringify(totals));
  } finally {
    for (const worker of workers) worker.kill("SIGKILL");
    await boss.stop({ graceful: false, close: true });
    await database.drop();
    sim.stop();
  }
}

/** Final status, and no live runner (a runner killed after finishing leaves only an expired lease). */
async function settled(db: Db, mailingId: string): Promise<boolean> {
  const [row] = await executeRows<{ ok: boolean }>(
    db,
    sql`select status in ('sent', 'partially_sent', 'failed') and (send_lease_owner is null or send_lease_expires_at < now()) as ok
        from mailings where id = ${mailingId}`,
  );
  return Boolean(row?.ok);
}

async function countPending(db: Db, mailingId: string): Promise<number> {
  const [row] = await executeRows<{ n: number }>(db, sql`select count(*)::int as n from mailing_recipients where mailing_id = ${mailingId} and state in ('pending', 'sending')`);
  return Number(row?.n ?? 0);
}

/** Compares the mailing's rows with the simulator's ledger of accepted externalRequestIds. */
async function checkRound(db: Db, sim: Awaited<ReturnType<typeof spawnSimulator>>, mailingId: string) {
  const response = await fetch(`${sim.url.replace(/\/api$/, "/__sim")}/ledger/ids?format=text`);
  const ledger = new Set((await response.text()).split("\n").filter(Boolean).map(Number));
  const rows = await executeRows<{ id: unknown; state: string }>(db, sql`select id, state from mailing_recipients where mailing_id = ${mailingId}`);
  let lost = 0;
  let inDoubt = 0;
  let inDoubtReceived = 0;
  for (const row of rows) {
    const received = ledger.has(Number(row.id));
    if (row.state === "accepted" && !received) lost++;
    else if (row.state === "in_doubt") {
      inDoubt++;
      if (received) inDoubtReceived++;
    } else if (row.state !== "accepted" && received) lost++; // eSputnik has it, we think it unsent
    else if (row.state === "pending" || row.state === "sending") lost++;
  }
  return { lost, inDoubt, inDoubtReceived, status: (await mailingRow(db, mailingId)).status };
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
