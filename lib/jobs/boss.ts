/**
 * pg-boss on either database: on PostgreSQL with its own small pool, on embedded PGlite through
 * pg-boss's adapter, sharing the app's single PGlite instance. Free of Next.js and "server-only",
 * so that tests and benchmarks use exactly this code.
 */
import type { PGlite } from "@electric-sql/pglite";
import { fromPglite, PgBoss, type ConstructorOptions, type Db as IDatabase } from "pg-boss";
import type { SendingLogger } from "@/lib/sending/context";
import { QUEUE_OPTIONS } from "./queues";

export type BossTarget = { kind: "pglite"; client: PGlite } | { kind: "postgres"; url: string; poolSize?: number };

const common: ConstructorOptions = {
  schema: "pgboss",
  // Jobs are picked up at once through LISTEN/NOTIFY (in-process on PGlite); polling stays as a floor.
  useListenNotify: true,
  // Killed jobs and stale queues are looked at every few seconds rather than every minute.
  monitorIntervalSeconds: 10,
  superviseIntervalSeconds: 30,
  // Our tick (lib/sending/tick.ts) does the scheduling; the per-instance registry is not needed.
  schedule: false,
  registerInstance: false,
};

/**
 * PGlite runs queries on the main thread: a worker draining jobs back to back would starve HTTP
 * requests for seconds. Yielding to the event loop before each statement keeps the app responsive.
 */
function yielding(db: IDatabase): IDatabase {
  return {
    ...db,
    executeSql: async (text, values) => {
      await new Promise((resolve) => setImmediate(resolve));
      return db.executeSql(text, values);
    },
  };
}

export async function startBoss(target: BossTarget, logger: SendingLogger): Promise<PgBoss> {
  const boss =
    target.kind === "pglite"
      ? new PgBoss({ ...common, db: yielding(fromPglite(target.client)), backend: "pglite" })
      : new PgBoss({ ...common, connectionString: target.url, max: target.poolSize ?? 4, application_name: "sputnik-desk-jobs" });
  boss.on("error", (err) => logger.error("job queue error", err));
  await boss.start();
  for (const [name, options] of Object.entries(QUEUE_OPTIONS)) await boss.createQueue(name, options);
  return boss;
}
