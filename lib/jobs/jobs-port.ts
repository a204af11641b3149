/** The send engine's job port (SendingJobs) on pg-boss: one waiting job per mailing and queue. */
import type { PgBoss } from "pg-boss";
import type { SendingJobs } from "@/lib/sending/context";
import { QUEUES } from "./queues";

export function bossJobs(boss: PgBoss): SendingJobs {
  return {
    async enqueueSend(mailingId) {
      await boss.send(QUEUES.send, { mailingId }, { singletonKey: mailingId });
    },
    async enqueueStatusUpdate(mailingId, { scope, actorId }) {
      await boss.send(QUEUES.status, { mailingId, scope, actorId }, { singletonKey: mailingId });
    },
    async enqueueReconcile(mailingId, { actorId }) {
      await boss.send(QUEUES.reconcile, { mailingId, actorId }, { singletonKey: mailingId });
    },
  };
}
