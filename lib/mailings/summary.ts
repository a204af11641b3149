import type { Db } from "@/db/types";
import type { Channel } from "@/db/schema";
import { countResponses } from "@/db/queries/mailings";
import { RECIPIENT_FIGURES, sumOf, type Response } from "./responses";

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
  const figure = (f: keyof typeof RECIPIENT_FIGURES) => sumOf(r, RECIPIENT_FIGURES[f]);
  return {
    channel,
    total: Object.values(r).reduce((a, b) => a + b, 0) - r.excluded,
    excluded: r.excluded,
    notSent: r.not_sent + r.sending,
    sent: figure("sent"),
    rejected: r.rejected,
    inDoubt: r.in_doubt,
    delivered: figure("delivered"),
    notDelivered: figure("notDelivered"),
    inProgress: figure("inQueue"),
    read: figure("read"),
    clicked: figure("clicked"),
    byResponse: r,
  };
}
