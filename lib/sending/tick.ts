/**
 * The periodic safety net, run by every app instance every few seconds (cheap when idle):
 *  - mailings that should be sending but whose runner is gone (crash, kill -9, deploy, an enqueue
 *    lost after its commit) get a new send job once their lease has expired;
 *  - mailings whose periodic status check is due get a status job (claimed atomically, so of
 *    several instances only one enqueues it).
 * Enqueueing twice is harmless: the job queue keeps one waiting job per mailing.
 */
import { findOrphanedSends } from "@/db/queries/sending";
import { claimDueStatusPolls } from "@/db/queries/sending-status";
import type { SendingContext } from "./context";

export async function runSendingTick(ctx: Pick<SendingContext, "db" | "jobs" | "config">): Promise<{ resumed: string[]; polled: string[] }> {
  const resumed = await findOrphanedSends(ctx.db);
  for (const mailingId of resumed) await ctx.jobs.enqueueSend(mailingId);
  // Should the status job not run, the claim expires after an interval and the check is retried.
  const polled = await claimDueStatusPolls(ctx.db, { retryInSeconds: ctx.config.statusPollIntervalSeconds });
  for (const mailingId of polled) await ctx.jobs.enqueueStatusUpdate(mailingId, { scope: "open", actorId: null });
  return { resumed, polled };
}
