/**
 * What a manager can ask of the send engine. Each verb decides in one transaction (mailing row
 * locked), records who asked in the feed, and leaves the work to a background job: none of them
 * talks to eSputnik inside the request. Pressing Send twice, or from two tabs, is refused by the
 * status check the second time.
 */
import type { MailingStatus } from "@/db/schema";
import { insertEvent, lockMailing, updateMailingRow } from "@/db/queries/mailings";
import { getMessage } from "@/db/queries/messages";
import { hasRecipientsIn, mailingExists, releaseClaimedBatches, requeueInDoubt } from "@/db/queries/sending";
import { countRecipientStates } from "@/db/queries/sending-progress";
import type { Tx } from "@/db/types";
import { DomainError } from "@/lib/errors";
import type { CommandContext } from "./context";
import { ACTIVE_STATUSES, summaryOf } from "./mailing-status";

/** Send may start from a draft, and again after a failure or a cancel: only unsent recipients go. */
export const SENDABLE_STATUSES: readonly MailingStatus[] = ["draft", "failed", "cancelled"];

async function lockExisting(tx: Tx, mailingId: string) {
  const mailing = await lockMailing(tx, { id: mailingId });
  if (!mailing) throw new DomainError("sending.errors.notFound");
  return mailing;
}

/** For verbs that only read: the mailing must exist, nothing needs locking. */
async function ensureExists(ctx: CommandContext, mailingId: string): Promise<void> {
  if (!(await mailingExists(ctx.db, { mailingId }))) throw new DomainError("sending.errors.notFound");
}

/** Enqueues after the commit. Should it fail, the periodic tick finds the queued mailing and enqueues it. */
async function enqueueAfterCommit(ctx: CommandContext, what: string, enqueue: () => Promise<void>): Promise<void> {
  try {
    await enqueue();
  } catch (err) {
    ctx.logger.error(`could not enqueue ${what}; the periodic tick will retry`, err);
  }
}

export async function requestSend(ctx: CommandContext, { mailingId }: { mailingId: string }): Promise<{ recipients: number }> {
  const recipients = await ctx.db.transaction(async (tx) => {
    const mailing = await lockExisting(tx, mailingId);
    if (!SENDABLE_STATUSES.includes(mailing.status)) throw new DomainError("sending.errors.notSendable");
    const message = mailing.messageId ? await getMessage(tx, { id: mailing.messageId }) : undefined;
    if (!message) throw new DomainError("sending.errors.noMessage");
    if (message.channel !== mailing.channel) throw new DomainError("sending.errors.messageTypeMismatch");
    const counts = await countRecipientStates(tx, { mailingId });
    if (counts.pending === 0) throw new DomainError("sending.errors.noRecipients");
    await updateMailingRow(tx, {
      id: mailingId,
      patch: {
        status: "queued",
        sendRequestedBy: ctx.actorId,
        sendRequestedAt: ctx.clock.now(),
        failureCode: null,
        failureDetail: null,
        finishedAt: null,
        sendErrorRuns: 0,
      },
    });
    await insertEvent(tx, {
      mailingId,
      kind: "send_requested",
      actorId: ctx.actorId,
      data: { recipients: counts.pending, excluded: counts.excluded, alreadySent: counts.accepted },
    });
    return counts.pending;
  });
  await enqueueAfterCommit(ctx, "a send", () => ctx.jobs.enqueueSend(mailingId));
  return { recipients };
}

/**
 * Stops everything not yet handed to eSputnik: claimed batches go back to pending here; the runner
 * sees the status at its next guarded write and sends nothing more. Calls already in flight finish.
 */
export async function cancelSend(ctx: CommandContext, { mailingId }: { mailingId: string }): Promise<{ accepted: number; notSent: number }> {
  return ctx.db.transaction(async (tx) => {
    const mailing = await lockExisting(tx, mailingId);
    if (!ACTIVE_STATUSES.includes(mailing.status)) throw new DomainError("sending.errors.notCancellable");
    await releaseClaimedBatches(tx, { mailingId, error: "released: the mailing was cancelled" });
    await updateMailingRow(tx, { id: mailingId, patch: { status: "cancelled", finishedAt: ctx.clock.now() } });
    const counts = await countRecipientStates(tx, { mailingId });
    await insertEvent(tx, { mailingId, kind: "cancelled", actorId: ctx.actorId, data: summaryOf(counts) });
    return { accepted: counts.accepted, notSent: counts.pending + counts.sending };
  });
}

/** "Update status": fetch eSputnik statuses of every accepted recipient, in the background. */
export async function requestStatusUpdate(ctx: CommandContext, { mailingId }: { mailingId: string }): Promise<void> {
  await ensureExists(ctx, mailingId);
  if (!(await hasRecipientsIn(ctx.db, { mailingId, state: "accepted" }))) throw new DomainError("sending.errors.nothingToUpdate");
  await ctx.jobs.enqueueStatusUpdate(mailingId, { scope: "all", actorId: ctx.actorId });
}

/** Looks in-doubt recipients up in eSputnik's contact activity, in the background. */
export async function requestReconcile(ctx: CommandContext, { mailingId }: { mailingId: string }): Promise<void> {
  await ensureExists(ctx, mailingId);
  if (!(await hasRecipientsIn(ctx.db, { mailingId, state: "in_doubt" }))) throw new DomainError("sending.errors.noneInDoubt");
  await ctx.jobs.enqueueReconcile(mailingId, { actorId: ctx.actorId });
}

/**
 * The manager's explicit decision to send in-doubt recipients again, accepting that some of them
 * may receive the message twice. Never done automatically.
 */
export async function resendInDoubt(ctx: CommandContext, { mailingId }: { mailingId: string }): Promise<{ recipients: number }> {
  const recipients = await ctx.db.transaction(async (tx) => {
    const mailing = await lockExisting(tx, mailingId);
    if (ACTIVE_STATUSES.includes(mailing.status)) throw new DomainError("sending.errors.busy");
    const count = await requeueInDoubt(tx, { mailingId });
    if (count === 0) throw new DomainError("sending.errors.noneInDoubt");
    await updateMailingRow(tx, {
      id: mailingId,
      patch: { status: "queued", sendRequestedBy: ctx.actorId, sendRequestedAt: ctx.clock.now(), failureCode: null, failureDetail: null, finishedAt: null },
    });
    await insertEvent(tx, { mailingId, kind: "in_doubt_resolved", actorId: ctx.actorId, data: { action: "resend", recipients: count } });
    return count;
  });
  await enqueueAfterCommit(ctx, "a resend", () => ctx.jobs.enqueueSend(mailingId));
  return { recipients };
}
