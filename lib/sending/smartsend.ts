/**
 * Hands the audience to eSputnik with smartsend, ≤ 1,000 recipients per call, several calls in
 * flight. Each batch follows the exactly-once discipline:
 *   claim (pending → sending, batch "claimed", committed)
 *   → mark "in_flight" (committed on its own, right before the call)
 *   → call → settle (accepted with request id / rejected with eSputnik's reason).
 * A lost answer makes the batch "in doubt" (never resent automatically); a call that certainly did
 * not arrive (429, refused connection) puts the batch back to pending.
 */
import { randomUUID } from "node:crypto";
import {
  claimRecipients,
  markBatchInDoubt,
  markBatchInFlight,
  markMailingSentAt,
  releaseBatch,
  settleBatch,
  type BatchRef,
  type ClaimedRecipient,
  type SendOutcome,
} from "@/db/queries/sending";
import type { SmartsendRecipient, SmartsendResult } from "@/lib/esputnik/types";
import { BatchRanges } from "./batch-ranges";
import { verdictOfSendError } from "./failures";
import { locatorFor, personalisation } from "./recipients";
import { runLoops, type SendRun } from "./send-run";

type Batch = { id: string; recipients: ClaimedRecipient[] };
const refOf = (batch: Batch): BatchRef => ({ batchId: batch.id, recipientIds: batch.recipients.map((r) => r.id) });

/**
 * Twice as many loops as permits: a batch spends about as long in the database (claim, settle)
 * as in its call, so while half the loops do their bookkeeping the other half hold every permit
 * with a call in flight, and eSputnik is never kept waiting on us.
 */
export async function sendAllBatches(run: SendRun): Promise<void> {
  const ranges = new BatchRanges(run);
  await runLoops(run, 2 * run.ctx.config.concurrency, () => sendLoop(run, ranges));
}

async function sendLoop(run: SendRun, ranges: BatchRanges): Promise<void> {
  while (!run.stopped) {
    const batch = await claimNext(run, ranges);
    if (!batch) return;
    await sendBatch(run, batch, ranges);
  }
}

/** The next batch: a range from the allocator, claimed. A range emptied meanwhile is skipped. */
async function claimNext(run: SendRun, ranges: BatchRanges): Promise<Batch | null> {
  const { ctx, plan, lease } = run;
  for (;;) {
    const range = await ranges.next();
    if (!range) return null;
    const id = randomUUID();
    const recipients = await claimRecipients(ctx.db, {
      mailingId: plan.mailingId,
      batchId: id,
      ...range,
      limit: ctx.config.smartsendBatchSize,
      worker: ctx.workerId,
      leaseOwner: lease.owner,
    });
    if (recipients === null) {
      // Cancelled, failed elsewhere or lease lost: whoever changed that decides what happens next.
      run.stop({ kind: "interrupted" });
      return null;
    }
    if (recipients.length > 0) return { id, recipients };
  }
}

/**
 * Marking a batch in flight is a committed write, and any database round trip takes ~10 ms while
 * the database and this process are busy with other batches' claims and settles. Made while holding
 * a call permit, it kept that permit idle for a tenth of every call (1.25–1.35× the ideal time for
 * a million recipients here; 1.16 without it). So a batch is marked first, while other calls hold
 * the permits, and then waits for its turn with nothing left to do but the call.
 *
 * What that costs, bounded by `readyBatches` (0 restores the strict order):
 * - a batch marked and still waiting is in doubt after a crash although it never left: at most
 *   `readyBatches` more batches than the calls really in flight;
 * - Cancel stops every batch not yet marked, and a marked one unless the run has noticed the
 *   cancel by its turn (every claim and mark checks): at most `readyBatches` batches more than
 *   the calls already in flight go out after Cancel.
 */
async function sendBatch(run: SendRun, batch: Batch, ranges: BatchRanges): Promise<void> {
  const { ctx, plan, lease } = run;
  let answer: SmartsendResult[] | undefined;
  let error: unknown;
  await run.marked.acquire();
  try {
    const marked = !run.stopped && (await markBatchInFlight(ctx.db, { batchId: batch.id, mailingId: plan.mailingId, leaseOwner: lease.owner }));
    if (!marked) return await stopBeforeSending(run, batch);
    if (run.firstSend()) await markMailingSentAt(ctx.db, { mailingId: plan.mailingId });
    const request = {
      recipients: batch.recipients.map((r) => smartsendRecipient(plan.channel, r)),
      email: plan.channel === "email",
      ...(plan.fromName ? { fromName: plan.fromName } : {}),
    };
    await run.permits.acquire();
    try {
      if (run.stopped) return await stopBeforeSending(run, batch);
      try {
        answer = await run.client.smartsend(plan.esputnikMessageId, request);
      } catch (err) {
        error = err;
      }
    } finally {
      run.permits.release();
    }
  } finally {
    run.marked.release();
  }
  if (answer) await settle(run, batch, answer);
  else await handleFailure(run, batch, error, ranges);
}

/** The batch never left: its recipients go back to pending, and this run ends. */
async function stopBeforeSending(run: SendRun, batch: Batch): Promise<void> {
  await run.ctx.db.transaction((tx) => releaseBatch(tx, { ...refOf(batch), error: "released: the run stopped before sending" }));
  run.stop({ kind: "interrupted" });
}

function smartsendRecipient(channel: "email" | "sms", r: ClaimedRecipient): SmartsendRecipient {
  return {
    locator: locatorFor(channel, r.locator ?? ""),
    externalRequestId: String(r.id),
    jsonParam: personalisation(r),
    ...(r.language ? { languageCode: r.language } : {}),
  };
}

/** Maps eSputnik's per-recipient results back to our rows through the externalRequestId. */
export function outcomesOf(results: SmartsendResult[]): SendOutcome[] {
  const outcomes: SendOutcome[] = [];
  for (const result of results) {
    const id = Number(result.externalRequestId);
    if (!Number.isSafeInteger(id)) continue;
    if (result.status === "OK" && result.requestId) outcomes.push({ id, requestId: result.requestId });
    else if (result.status === "ERROR") outcomes.push({ id, rejectReason: result.message ?? "ERROR" });
    // OK without a request id: nothing to track it by; left unsettled, so in doubt.
  }
  return outcomes;
}

async function settle(run: SendRun, batch: Batch, results: SmartsendResult[]): Promise<void> {
  const outcomes = outcomesOf(results);
  // The answer is the only record of what eSputnik queued: a passing database error must not lose it.
  await withRetries(() => settleBatch(run.ctx.db, { ...refOf(batch), outcomes }), run);
  run.succeeded();
}

async function handleFailure(run: SendRun, batch: Batch, error: unknown, ranges: BatchRanges): Promise<void> {
  const { ctx } = run;
  const verdict = verdictOfSendError(error);
  if (verdict.kind === "in_doubt") {
    await ctx.db.transaction((tx) => markBatchInDoubt(tx, { ...refOf(batch), error: verdict.detail }));
    ctx.logger.warn("smartsend batch in doubt", { mailingId: run.plan.mailingId, batchId: batch.id, size: batch.recipients.length, detail: verdict.detail });
    run.inDoubt(verdict.error);
    return;
  }
  await ctx.db.transaction((tx) => releaseBatch(tx, { ...refOf(batch), error: verdict.kind === "retry" ? verdict.detail : verdict.failure.message }));
  ranges.reopen();
  if (verdict.kind === "retry") await run.transientFailure(verdict.error);
  else run.fail(verdict.failure);
}

async function withRetries<T>(work: () => Promise<T>, run: SendRun, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts) throw err;
      run.ctx.logger.warn("settling a batch failed, retrying", { error: err });
      await run.ctx.clock.sleep(100 * attempt);
    }
  }
}
