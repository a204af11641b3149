/**
 * The mailing's status as sending moves it: Queued → Sending → Sent / Partially sent / Failed, each
 * change with its feed event. Every transition locks the mailing row and checks where it stands,
 * so a cancel, a second runner or a late job cannot overwrite a newer decision.
 */
import type { MailingStatus } from "@/db/schema";
import { getMessage } from "@/db/queries/messages";
import { insertEvent, lockMailing, updateMailingRow } from "@/db/queries/mailings";
import { countRecipientStates, type StateCounts } from "@/db/queries/sending-progress";
import { scheduleStatusPoll } from "@/db/queries/sending-status";
import type { Tx } from "@/db/types";
import type { SendingContext } from "./context";
import type { MailingFailure } from "./failures";
import type { SendPlan } from "./send-run";
import { refreshStatisticsAfter } from "./statistics";

/** Statuses in which a send run has work to do. */
export const ACTIVE_STATUSES: readonly MailingStatus[] = ["queued", "sending"];

export type StartResult = { plan: SendPlan } | { skip: "not_active" } | { failure: MailingFailure["code"] };

/** Queued → Sending (or a resumed Sending), and what to send. */
export async function startSending(ctx: SendingContext, mailingId: string): Promise<StartResult> {
  return ctx.db.transaction(async (tx) => {
    const mailing = await lockMailing(tx, { id: mailingId });
    if (!mailing || !ACTIVE_STATUSES.includes(mailing.status)) return { skip: "not_active" } as const;
    const message = mailing.messageId ? await getMessage(tx, { id: mailing.messageId }) : undefined;
    if (!message) return { failure: "sending.failure.noMessage" } as const;
    if (message.channel !== mailing.channel) return { failure: "sending.failure.messageTypeMismatch" } as const;
    if (mailing.status === "queued") {
      await updateMailingRow(tx, { id: mailingId, patch: { status: "sending", failureCode: null, failureDetail: null } });
      await insertEvent(tx, { mailingId, kind: "sending_started", data: { worker: ctx.workerId } });
    }
    return {
      plan: {
        mailingId,
        channel: mailing.channel,
        esputnikMessageId: message.esputnikId,
        fromName: mailing.channel === "sms" && mailing.alphaName ? mailing.alphaName : undefined,
        group: mailing.esputnikGroup || mailing.name,
        uploadCursor: mailing.uploadCursor,
      },
    };
  });
}

/** The mailing cannot be sent as it is: Failed with the reason; unsent recipients stay pending. */
export async function failSending(ctx: Pick<SendingContext, "db">, mailingId: string, failure: Pick<MailingFailure, "code" | "detail">): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const mailing = await lockMailing(tx, { id: mailingId });
    if (!mailing || !ACTIVE_STATUSES.includes(mailing.status)) return;
    const counts = await countRecipientStates(tx, { mailingId });
    await updateMailingRow(tx, {
      id: mailingId,
      patch: { status: "failed", failureCode: failure.code, failureDetail: failure.detail || null, finishedAt: new Date() },
    });
    await insertEvent(tx, { mailingId, kind: "failed", data: { code: failure.code, ...summaryOf(counts) } });
  });
}

/** The status a mailing ends with once nothing is pending or being sent. */
export function finalStatusOf(c: Pick<StateCounts, "accepted" | "rejected" | "in_doubt">): { status: MailingStatus; failureCode: string | null } {
  if (c.accepted === 0 && c.in_doubt === 0) return { status: "failed", failureCode: "sending.failure.allRejected" };
  if (c.rejected === 0 && c.in_doubt === 0) return { status: "sent", failureCode: null };
  return { status: "partially_sent", failureCode: null };
}

export const summaryOf = (c: StateCounts) => ({ accepted: c.accepted, rejected: c.rejected, inDoubt: c.in_doubt, pending: c.pending });

/**
 * Sending → final status, once every recipient is settled. Returns the status, or null when the
 * mailing is not (or no longer) this run's to finish.
 */
export async function finishSending(ctx: SendingContext, mailingId: string): Promise<MailingStatus | null> {
  const finished = await ctx.db.transaction(async (tx) => {
    const mailing = await lockMailing(tx, { id: mailingId });
    if (mailing?.status !== "sending") return null;
    const counts = await countRecipientStates(tx, { mailingId });
    if (counts.pending > 0 || counts.sending > 0) return null;
    const { status, failureCode } = finalStatusOf(counts);
    await updateMailingRow(tx, { id: mailingId, patch: { status, failureCode, failureDetail: null, finishedAt: new Date(), sendErrorRuns: 0 } });
    await insertEvent(tx, { mailingId, kind: status === "failed" ? "failed" : "sent", data: { status, ...summaryOf(counts) } });
    if (counts.accepted > 0) await scheduleStatusPoll(tx, { mailingId, inSeconds: ctx.config.statusPollIntervalSeconds });
    return { status, handled: counts.accepted + counts.rejected + counts.in_doubt };
  });
  if (!finished) return null;
  await refreshStatisticsAfter(ctx, finished.handled);
  return finished.status;
}

/**
 * After in-doubt recipients were resolved, a finished mailing's status follows (Partially sent may
 * become Sent). Mailings still queued or sending are left to their run.
 */
export async function refreshFinalStatus(tx: Tx, mailingId: string): Promise<void> {
  const mailing = await lockMailing(tx, { id: mailingId });
  if (!mailing || !["sent", "partially_sent", "failed"].includes(mailing.status)) return;
  const counts = await countRecipientStates(tx, { mailingId });
  if (counts.pending > 0 || counts.sending > 0) return;
  const { status, failureCode } = finalStatusOf(counts);
  // A mailing failed for a reason of its own (credentials…) keeps it until it is sent again.
  if (mailing.status === "failed" && mailing.failureCode !== "sending.failure.allRejected") return;
  if (status !== mailing.status) await updateMailingRow(tx, { id: mailingId, patch: { status, failureCode } });
}
