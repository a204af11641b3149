/**
 * The job queues of the send engine. All three use the "short" policy with the mailing id as
 * singleton key: at most one job per mailing waits, so repeated enqueues (two tabs, the tick, a
 * retry) collapse into one. Not "stately": that also allows one *active* job per key, and a job
 * whose worker was killed stays active until pg-boss notices (a heartbeat later), blocking the
 * resumed one. Exclusivity comes from the send run's lease instead; a second run finds the
 * mailing taken and ends at once.
 */
import type { Queue } from "pg-boss";

export const QUEUES = {
  send: "mailing-send",
  status: "mailing-status",
  reconcile: "mailing-reconcile",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const common = {
  policy: "short",
  // A worker that dies is noticed within a minute (pg-boss heartbeats), and the job retried.
  heartbeatSeconds: 30,
  retryLimit: 5,
  retryDelay: 10,
  retryBackoff: true,
  retryDelayMax: 300,
  notify: true,
  deleteAfterSeconds: 7 * 86_400,
} satisfies Omit<Queue, "name">;

/**
 * The contacts CSV import: one job per import (singleton key: the import id) runs its uploaded rows
 * to the end (lib/contacts/import-contacts.ts). Same policy, for the same reasons: each batch locks
 * the import, so a second job on it is harmless, and a killed one resumes after the last batch.
 */
export const CONTACT_IMPORT_QUEUE = "contact-import";

export const QUEUE_OPTIONS: Record<QueueName | typeof CONTACT_IMPORT_QUEUE, Omit<Queue, "name">> = {
  // A million recipients take about a minute; bigger audiences and slow accounts much longer.
  [QUEUES.send]: { ...common, expireInSeconds: 6 * 3600 },
  [QUEUES.status]: { ...common, expireInSeconds: 3600 },
  [QUEUES.reconcile]: { ...common, expireInSeconds: 1800 },
  // 100,000 rows take under a minute; a file of two million on the embedded database, far longer.
  [CONTACT_IMPORT_QUEUE]: { ...common, expireInSeconds: 6 * 3600 },
};
