/**
 * A worker process for `bench/faults.ts`: the app's send engine on pg-boss, nothing else, so that
 * the driver can SIGKILL it at any moment. `node --import tsx bench/fault-worker.ts <database-url> <simulator-url>`
 */
import { openDatabase } from "@/db/connect";
import { createEsputnikClient } from "@/lib/esputnik/client";
import { startBoss } from "@/lib/jobs/boss";
import { bossJobs } from "@/lib/jobs/jobs-port";
import { startSendingWorkers } from "@/lib/jobs/workers";
import { systemClock, type SendingContext } from "@/lib/sending/context";
import { FAULT_CONFIG, FAULT_CLIENT } from "./fault-config";
import { log, SIM_KEY } from "./harness";

const [databaseUrl = "", simulatorUrl = ""] = process.argv.slice(2);
if (!databaseUrl || !simulatorUrl) throw new Error("usage: fault-worker.ts <database-url> <simulator-url>");

const logger = { info: () => {}, warn: () => {}, error: (msg: string, err?: unknown) => log(`[worker ${process.pid}] ${msg}: ${String(err)}`) };

async function main() {
  const { db } = await openDatabase({ url: databaseUrl, poolSize: 12 });
  const boss = await startBoss({ kind: "postgres", url: databaseUrl, poolSize: 3 }, logger);
  const ctx: SendingContext = {
    db,
    clock: systemClock,
    esputnik: async () => createEsputnikClient({ baseUrl: simulatorUrl, login: "faults", password: SIM_KEY, ...FAULT_CLIENT }),
    logger,
    jobs: bossJobs(boss),
    config: FAULT_CONFIG,
    workerId: `fault-worker-${process.pid}`,
  };
  await startSendingWorkers(boss, ctx, { tickMs: 300 });
  process.stdout.write("ready\n");
}

main().catch((err: unknown) => {
  log(`[worker ${process.pid}] failed to start: ${String(err)}`);
  process.exit(1);
});
