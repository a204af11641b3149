/**
 * The live progress of a mailing's sending, for the progress bar (polled every few seconds):
 * counts per send state, the recent rate and the time left at that rate.
 */
import { eq } from "drizzle-orm";
import type { MailingStatus } from "@/db/schema";
import { mailings } from "@/db/schema";
import { countRecipientStates, recipientsHandledSince } from "@/db/queries/sending-progress";
import type { Db } from "@/db/types";

/** The rate is measured over this much recent time: long enough to be steady, short enough to follow changes. */
const RATE_WINDOW_MS = 20_000;

export interface SendProgress {
  mailingId: string;
  status: MailingStatus;
  failureCode: string | null;
  failureDetail: string | null;
  /** Recipients that can receive this mailing (everyone not excluded). */
  total: number;
  excluded: number;
  accepted: number;
  rejected: number;
  inDoubt: number;
  /** Not yet handed to eSputnik: pending, or in a batch whose call has not been answered. */
  remaining: number;
  /** Of the accepted: delivered, not delivered, with a final status. */
  delivered: number;
  notDelivered: number;
  done: number;
  /** Recipients per second over the last seconds; null when nothing moved. */
  ratePerSecond: number | null;
  etaSeconds: number | null;
  sendRequestedAt: string | null;
  sentAt: string | null;
  finishedAt: string | null;
  statusCheckedAt: string | null;
  /** Queued or sending: worth polling again. */
  active: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getSendProgress(db: Db, { mailingId, now = new Date() }: { mailingId: string; now?: Date }): Promise<SendProgress | null> {
  const [mailing] = await db.select().from(mailings).where(eq(mailings.id, mailingId)).limit(1);
  if (!mailing) return null;
  const c = await countRecipientStates(db, { mailingId });
  const remaining = c.pending + c.sending;
  const active = mailing.status === "queued" || mailing.status === "sending";

  let ratePerSecond: number | null = null;
  if (active && mailing.sentAt) {
    const since = new Date(Math.max(now.getTime() - RATE_WINDOW_MS, mailing.sentAt.getTime()));
    const seconds = (now.getTime() - since.getTime()) / 1000;
    const handled = await recipientsHandledSince(db, { mailingId, since });
    if (handled > 0 && seconds > 0) ratePerSecond = handled / seconds;
  }
  return {
    mailingId,
    status: mailing.status,
    failureCode: mailing.failureCode,
    failureDetail: mailing.failureDetail,
    total: c.pending + c.sending + c.accepted + c.rejected + c.in_doubt,
    excluded: c.excluded,
    accepted: c.accepted,
    rejected: c.rejected,
    inDoubt: c.in_doubt,
    remaining,
    delivered: c.delivered,
    notDelivered: c.notDelivered,
    done: c.done,
    ratePerSecond,
    etaSeconds: ratePerSecond && remaining > 0 ? Math.ceil(remaining / ratePerSecond) : null,
    sendRequestedAt: iso(mailing.sendRequestedAt),
    sentAt: iso(mailing.sentAt),
    finishedAt: iso(mailing.finishedAt),
    statusCheckedAt: iso(mailing.statusCheckedAt),
    active,
  };
}
