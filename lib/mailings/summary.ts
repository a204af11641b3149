import type { Db } from "@/db/types";
import type { Channel } from "@/db/schema";
import { countResponses } from "@/db/queries/mailings";
import type { Response } from "./responses";

export type MailingSummary = {
  channel: Channel;
  total: number;
  excluded: number;
  notSent: number;
  /** Handed to eSputnik and accepted by it. */
  sent: number;
  rejected: number;
  inDoubt: number;
  delivered: number;
  notDelivered: number;
  /** Accepted, no final status yet. */
  inProgress: number;
  read: number;
  clicked: number;
  byResponse: Record<Response, number>;
};

/**
 * The Summary tab, from the recipient rows only (one GROUP BY): correct at any size and never
 * out of step with the Audience tab. "Read" includes clicks: a click implies the email was opened.
 */
export async function getMailingSummary(db: Db, { mailingId, channel }: { mailingId: string; channel: Channel }): Promise<MailingSummary> {
  const r = await countResponses(db, { mailingId });
  const delivered = r.delivered + r.read + r.clicked;
  const sent = r.in_queue + delivered + r.not_delivered;
  return {
    channel,
    total: Object.values(r).reduce((a, b) => a + b, 0) - r.excluded,
    excluded: r.excluded,
    notSent: r.not_sent + r.sending,
    sent,
    rejected: r.rejected,
    inDoubt: r.in_doubt,
    delivered,
    notDelivered: r.not_delivered,
    inProgress: r.in_queue,
    read: r.read + r.clicked,
    clicked: r.clicked,
    byResponse: r,
  };
}
