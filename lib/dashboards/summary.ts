import type { Channel, MailingStatus } from "@/db/schema";
import type { MailingCountRow, ResponseCountRow } from "@/db/queries/dashboard";
import type { Response } from "@/lib/mailings/responses";
import type { BucketRange, Day } from "./period";

/**
 * What each dashboard figure counts, as the set of mailing statuses or recipient responses it adds
 * up. The sets are the single definition: the cards sum them, and the links open the list or the
 * audience filtered to them. Recipient figures follow the mailing Summary tab: "delivered"
 * includes read and clicked (a read message was delivered), "sent" is everything eSputnik accepted,
 * and rates are shares of "sent".
 */
export const MAILING_FIGURES = {
  sent: ["sent"],
  partiallySent: ["partially_sent"],
  inProgress: ["queued", "sending"],
  notSent: ["draft", "failed", "cancelled"],
} as const satisfies Record<string, readonly MailingStatus[]>;
export type MailingFigure = keyof typeof MAILING_FIGURES;

export { RECIPIENT_FIGURES, sumOf, type RecipientFigure } from "@/lib/mailings/responses";
import { RECIPIENT_FIGURES, sumOf, type RecipientFigure } from "@/lib/mailings/responses";

/**
 * The recipient cards per channel, as on a mailing's Summary tab: SMS has no opens, so read and
 * clicked are email-only figures.
 */
export const RECIPIENT_CARDS: Record<Channel, readonly RecipientFigure[]> = {
  email: ["sent", "delivered", "notDelivered", "inQueue", "read", "clicked"],
  sms: ["sent", "delivered", "notDelivered", "inQueue"],
};

/** A share of the recipients sent; null when nothing was sent (a rate of nothing is not 0 %). */
export function rateOf(n: number, sent: number): number | null {
  return sent > 0 ? n / sent : null;
}

export type TimelinePoint = BucketRange & { mailings: number; sent: number; delivered: number };

export type ChannelSummary = {
  channel: Channel;
  mailings: { total: number; byStatus: Partial<Record<MailingStatus, number>> };
  recipients: Record<RecipientFigure, number>;
  timeline: TimelinePoint[];
};

/** One channel's cards and chart, from that channel's per-bucket rows of the two aggregate queries. */
export function summariseChannel(
  channel: Channel,
  { mailingRows, responseRows, buckets }: { mailingRows: MailingCountRow[]; responseRows: ResponseCountRow[]; buckets: BucketRange[] },
): ChannelSummary {
  const byStatus: Partial<Record<MailingStatus, number>> = {};
  const byResponse: Partial<Record<Response, number>> = {};
  const perBucket = new Map<Day, { mailings: number; byResponse: Partial<Record<Response, number>> }>(
    buckets.map((b) => [b.start, { mailings: 0, byResponse: {} }]),
  );
  for (const r of mailingRows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    const point = perBucket.get(r.bucket);
    if (point) point.mailings += r.n;
  }
  for (const r of responseRows) {
    byResponse[r.response] = (byResponse[r.response] ?? 0) + r.n;
    const point = perBucket.get(r.bucket);
    if (point) point.byResponse[r.response] = (point.byResponse[r.response] ?? 0) + r.n;
  }
  const recipients = Object.fromEntries(
    Object.entries(RECIPIENT_FIGURES).map(([figure, responses]) => [figure, sumOf(byResponse, responses)]),
  ) as Record<RecipientFigure, number>;
  return {
    channel,
    mailings: { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus },
    recipients,
    timeline: buckets.map((b) => {
      const point = perBucket.get(b.start)!;
      return {
        ...b,
        mailings: point.mailings,
        sent: sumOf(point.byResponse, RECIPIENT_FIGURES.sent),
        delivered: sumOf(point.byResponse, RECIPIENT_FIGURES.delivered),
      };
    }),
  };
}
