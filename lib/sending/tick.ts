/**
 * The periodic safety net, run by every app instance every few seconds (cheap when idle):
 *  - mailings that should be sending but whose runner is gone (crash, kill -9, deploy, an enqueue
 *    lost after its commit) get a new send job once their lease has expired;
 *  - mailings whose periodic status check is due get a status job (claimed atomically, so of
 *    several instances only one enqueues it).
 *  - recipient counts whose deltas piled up (a mailing busy sending) are compacted.
 * Enqueueing twice is harmless: the job queue keeps one waiting job per mailing.
 */
import { findOrphanedSends } from "@/db/queries/sending";
import { claimDueStatusPolls } from "@/db/queries/sending-status";
import { compactTallies, findTalliesToCompact } from "@/db/queries/tallies";
import type { SendingContext } from "./context";

/** Reading a few hundred delta rows costs well under a millisecond; more than that is folded. */
const TALLY_ROWS_WORTH_COMPACTING = 200;

export async function runSendingTick(ctx: Pick<SendingContext, "db" | "jobs" | "config">): Promise<{ resumed: string[]; polled: string[] }> {
  const resumed = await findOrphanedSends(ctx.db);
  for (const mailingId of resumed) await ctx.jobs.enqueueSend(mailingId);
  // Should the status job not run, the claim expires after an interval and the check is retried.
  const polled = await claimDueStatusPolls(ctx.db, { retryInSeconds: ctx.config.statusPollIntervalSeconds });
  for (const mailingId of polled) await ctx.jobs.enqueueStatusUpdate(mailingId, { scope: "open", actorId: null });
  await compactTallies(ctx.db, { mailingIds: await findTalliesToCompact(ctx.db, { minRows: TALLY_ROWS_WORTH_COMPACTING, limit: 100 }) });
  return { resumed, polled };
}
