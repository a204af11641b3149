import "server-only";
import os from "node:os";
import type { PgBoss } from "pg-boss";
import { getDatabaseHandle } from "@/db/client";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import type { ActionContext } from "@/lib/server/action";
import { esputnikFactory } from "@/lib/server/esputnik";
import { logger } from "@/lib/server/logger";
import { defaultSendingConfig, systemClock, type CommandContext, type SendingConfig, type SendingContext, type SendingJobs } from "@/lib/sending/context";
import { startBoss } from "./boss";
import type { ContactImportJobs } from "@/lib/contacts/import-contacts";
import { bossImportJobs, bossJobs } from "./jobs-port";
import { startContactImportWorkers, startSendingWorkers, type Workers } from "./workers";

/**
 * The app's job queue: one pg-boss instance per process, kept on globalThis (hot reload and the
 * several module graphs Next.js builds must share it, as they share the database). Started from
 * boot (instrumentation), never during `next build`; a failed start is not cached.
 */
type Runtime = { boss: PgBoss; jobs: SendingJobs; importJobs: ContactImportJobs; workers: Workers | null; importWorkers: Workers | null };
const globalKey = Symbol.for("sputnik-desk.jobs");
const holder: { promise?: Promise<Runtime> } = ((globalThis as Record<symbol, { promise?: Promise<Runtime> }>)[globalKey] ??= {});

const workerId = `${os.hostname()}:${process.pid}`;

export function sendingConfig(): SendingConfig {
  return { ...defaultSendingConfig, concurrency: env.SEND_CONCURRENCY, statusPollIntervalSeconds: env.STATUS_POLL_INTERVAL_SECONDS };
}

function sendingContext(db: Db, jobs: SendingJobs): SendingContext {
  return { db, clock: systemClock, esputnik: esputnikFactory(db), logger, jobs, config: sendingConfig(), workerId };
}

/** Starts the queue, and the workers unless WORKERS_ENABLED is off (web-only instances still enqueue). */
export function startJobs(): Promise<Runtime> {
  holder.promise ??= (async () => {
    const handle = await getDatabaseHandle();
    const boss = await startBoss(
      handle.kind === "pglite" ? { kind: "pglite", client: handle.client } : { kind: "postgres", url: env.DATABASE_URL! },
      logger,
    );
    const jobs = bossJobs(boss);
    const workers = env.WORKERS_ENABLED ? await startSendingWorkers(boss, sendingContext(handle.db, jobs)) : null;
    const importWorkers = env.WORKERS_ENABLED ? await startContactImportWorkers(boss, { db: handle.db, logger }) : null;
    logger.info("job queue started", { workers: Boolean(workers), concurrency: env.SEND_CONCURRENCY });
    return { boss, jobs, importJobs: bossImportJobs(boss), workers, importWorkers };
  })().catch((err: unknown) => {
    holder.promise = undefined;
    throw err;
  });
  return holder.promise;
}

export async function getJobs(): Promise<SendingJobs> {
  return (await startJobs()).jobs;
}

/** Where the contacts import queues its background job. */
export async function getImportJobs(): Promise<ContactImportJobs> {
  return (await startJobs()).importJobs;
}

/** What a server action hands to the send engine's verbs: the session's user as the actor. */
export async function commandContext(ctx: ActionContext): Promise<CommandContext> {
  return { db: ctx.db, jobs: await getJobs(), clock: systemClock, logger, actorId: ctx.actor.id };
}
