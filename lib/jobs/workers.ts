/**
 * Registers the send engine's workers on a pg-boss instance, and the periodic tick that resumes
 * orphaned sends and schedules status checks. Any number of app instances may do this against one
 * database: pg-boss hands each job to one worker, and the engine is safe even if it did not.
 */
import type { Job, PgBoss } from "pg-boss";
import { z } from "zod";
import type { Queryable } from "@/db/types";
import { recordContactImportFailure, resumeContactImports, runContactImport } from "@/lib/contacts/import-contacts";
import type { SendingContext, SendingLogger } from "@/lib/sending/context";
import { runReconcile } from "@/lib/sending/reconcile";
import { runSendJob } from "@/lib/sending/send-job";
import { runStatusUpdate } from "@/lib/sending/status-job";
import { runSendingTick } from "@/lib/sending/tick";
import { bossImportJobs } from "./jobs-port";
import { CONTACT_IMPORT_QUEUE, QUEUES } from "./queues";

const sendData = z.object({ mailingId: z.uuid() });
const statusData = z.object({ mailingId: z.uuid(), scope: z.enum(["all", "open"]), actorId: z.uuid().nullable() });
const reconcileData = z.object({ mailingId: z.uuid(), actorId: z.uuid().nullable() });

export interface WorkerOptions {
  /** Mailings sent at once by this instance (each with `concurrency` calls in flight). */
  sendJobs?: number;
  /** Between ticks; 0 disables the tick (tests drive it by hand). */
  tickMs?: number;
}

export type Workers = { stop(): Promise<void> };

export async function startSendingWorkers(boss: PgBoss, ctx: SendingContext, options: WorkerOptions = {}): Promise<Workers> {
  const handle =
    <T>(schema: z.ZodType<T>, run: (data: T) => Promise<unknown>) =>
    async ([job]: Job<unknown>[]) => {
      if (!job) return null;
      return run(schema.parse(job.data));
    };
  const polling = { batchSize: 1, pollingIntervalSeconds: 1 };
  await boss.work(
    QUEUES.send,
    { ...polling, localConcurrency: options.sendJobs ?? 2 },
    handle(sendData, (data) => runSendJob(ctx, data)),
  );
  await boss.work(
    QUEUES.status,
    { ...polling, localConcurrency: 2 },
    handle(statusData, (data) => runStatusUpdate(ctx, data)),
  );
  await boss.work(
    QUEUES.reconcile,
    polling,
    handle(reconcileData, (data) => runReconcile(ctx, data)),
  );

  const ticker = startTicker(options.tickMs ?? 15_000, () => runSendingTick(ctx), (err) => ctx.logger.error("sending tick failed", err));
  return {
    async stop() {
      await ticker.stop();
      for (const queue of Object.values(QUEUES)) await boss.offWork(queue, { wait: true });
    },
  };
}

/**
 * Runs `tick` now and every `ms` (0: never), one at a time in effect; a failure is reported, not
 * fatal. `stop` waits for the tick in progress, so nothing runs against a closing database.
 */
function startTicker(ms: number, tick: () => Promise<unknown>, onError: (err: unknown) => void): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<unknown> = Promise.resolve();
  const run = () => {
    ticking = tick().catch(onError);
  };
  if (ms > 0) {
    run();
    timer = setInterval(run, ms);
    timer.unref();
  }
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await ticking;
    },
  };
}

const importData = z.object({ importId: z.uuid() });

/**
 * The contacts import worker, and its safety net: every `tickMs` the running imports that made no
 * progress for a while are queued again (their job was killed past its retries, or the enqueue
 * after "queued" was lost), and abandoned uploads are dropped.
 */
export async function startContactImportWorkers(
  boss: PgBoss,
  ctx: { db: Queryable; logger: SendingLogger },
  options: { tickMs?: number } = {},
): Promise<Workers> {
  await boss.work(CONTACT_IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, localConcurrency: 1 }, async ([job]: Job<unknown>[]) => {
    if (!job) return null;
    const { importId } = importData.parse(job.data);
    try {
      const { status, processedRows } = await runContactImport(ctx, { importId });
      return { status, processedRows };
    } catch (err) {
      ctx.logger.error("contact import run failed", err);
      const now = await recordContactImportFailure(ctx, { importId, error: err }).catch(() => null);
      // Stopped for good: nothing for pg-boss to retry. Otherwise it retries (and the tick re-queues).
      if (now?.status === "failed") return { status: now.status, processedRows: now.processedRows };
      throw err;
    }
  });
  const jobs = bossImportJobs(boss);
  const ticker = startTicker(
    options.tickMs ?? 30_000,
    () => resumeContactImports({ db: ctx.db, jobs }),
    (err) => ctx.logger.error("contact import tick failed", err),
  );
  return {
    async stop() {
      await ticker.stop();
      await boss.offWork(CONTACT_IMPORT_QUEUE, { wait: true });
    },
  };
}
