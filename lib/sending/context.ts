/**
 * What the send engine needs from the outside world, injected so that the same code runs in the
 * app (pg-boss workers), in tests (in-process simulator, virtual clock) and in the benchmarks.
 */
import type { Db } from "@/db/types";
import type { EsputnikClient } from "@/lib/esputnik/client";

export interface SendingClock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: SendingClock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface SendingLogger {
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
}

/** Background work the verbs ask for. pg-boss in the app; tests may run it inline. */
export interface SendingJobs {
  enqueueSend(mailingId: string): Promise<void>;
  enqueueStatusUpdate(mailingId: string, options: StatusUpdateRequest): Promise<void>;
  enqueueReconcile(mailingId: string, options: { actorId: string | null }): Promise<void>;
}

export interface StatusUpdateRequest {
  /** "all": every accepted recipient (the button); "open": only those without a final status (periodic). */
  scope: "all" | "open";
  actorId: string | null;
}

export interface SendingConfig {
  /** eSputnik calls in flight at once, per running mailing. */
  concurrency: number;
  /**
   * Smartsend batches marked in flight ahead of their turn, waiting for a call permit, so that a
   * permit goes straight to a call (see lib/sending/smartsend.ts). After a crash or a Cancel, up
   * to this many batches more than the calls in flight are in doubt or still go out. 0: strict.
   */
  readyBatches: number;
  /** Recipients per smartsend call (eSputnik's maximum is 1,000). */
  smartsendBatchSize: number;
  /** Contacts per bulk upload (eSputnik's maximum is 3,000). */
  uploadBatchSize: number;
  /** Request ids per message/status call. */
  statusBatchSize: number;
  /** How long a send run's claim on a mailing lasts without renewal; a dead runner's work resumes after it. */
  leaseSeconds: number;
  /** First import-status poll this long after an upload (imports take seconds), then every importPollMs. */
  importFirstPollMs: number;
  importPollMs: number;
  /** Give up watching an import after this long (the send itself does not wait for it). */
  importTimeoutMs: number;
  /** Back-off after a 429 or a refused connection, doubling up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long eSputnik may keep refusing calls (429, unreachable) before the mailing fails with the reason. */
  giveUpAfterMs: number;
  /** Batches in doubt in a row before the mailing fails: eSputnik is clearly unwell, stop feeding it. */
  maxConsecutiveInDoubt: number;
  /** Send runs in a row ending in an unexpected error before the mailing fails (see runSendJob). */
  maxErrorRuns: number;
  /** Between periodic status checks of a mailing that still has recipients without a final status. */
  statusPollIntervalSeconds: number;
}

export const defaultSendingConfig: SendingConfig = {
  concurrency: 8,
  readyBatches: 2,
  smartsendBatchSize: 1000,
  uploadBatchSize: 3000,
  statusBatchSize: 200,
  leaseSeconds: 30,
  importFirstPollMs: 5000,
  importPollMs: 3000,
  importTimeoutMs: 10 * 60_000,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  giveUpAfterMs: 120_000,
  maxConsecutiveInDoubt: 5,
  maxErrorRuns: 5,
  statusPollIntervalSeconds: 300,
};

export interface SendingContext {
  db: Db;
  clock: SendingClock;
  /** Builds a client from the saved settings; may throw DomainError (not configured, key changed). */
  esputnik: () => Promise<EsputnikClient>;
  logger: SendingLogger;
  jobs: SendingJobs;
  config: SendingConfig;
  /** Identifies this process in leases and batches (host:pid:random). */
  workerId: string;
}

/** The context of a user's command: who asked, on top of the engine's context. */
export type CommandContext = Pick<SendingContext, "db" | "jobs" | "clock" | "logger"> & { actorId: string };
