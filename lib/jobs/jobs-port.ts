/** The job ports on pg-boss: one waiting job per mailing and queue, one per contacts import. */
import type { PgBoss } from "pg-boss";
import type { ContactImportJobs } from "@/lib/contacts/import-contacts";
import type { SendingJobs } from "@/lib/sending/context";
import { CONTACT_IMPORT_QUEUE, QUEUES } from "./queues";

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

export function bossImportJobs(boss: PgBoss): ContactImportJobs {
  return {
    async enqueueImport(importId) {
      await boss.send(CONTACT_IMPORT_QUEUE, { importId }, { singletonKey: importId });
    },
  };
}
