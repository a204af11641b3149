import type { Channel, MailingStatus } from "@/db/schema";
import type { Response } from "@/lib/mailings/responses";
import type { DashboardFilter } from "./filter";
import type { Day } from "./period";

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return q.size ? `${path}?${q.toString()}` : path;
}

/**
 * The mailings list showing the mailings a figure counted: same channel, creator and message, the
 * period's days (or one chart bucket's), and the status when the figure is one status.
 */
export function mailingsListHref(
  f: DashboardFilter,
  { channel, status, range }: { channel: Channel; status?: MailingStatus; range?: { from: Day; to: Day } },
): string {
  return withQuery("/mailings", {
    channel,
    status,
    from: range?.from ?? f.from,
    to: range?.to ?? f.to,
    createdBy: f.createdBy,
    message: f.messageId,
  });
}

/**
 * A mailing's audience filtered to the recipients a figure counted. The Audience tab filters on one
 * response, so a figure made of several (delivered = delivered + read + clicked) links there when
 * only one of them has anybody (the usual case for SMS); otherwise it opens the mailing's Summary
 * tab, which shows the same figure with its parts.
 */
export function audienceHref(mailingId: string, responses: readonly Response[], counts?: Partial<Record<Response, number>>): string {
  const present = counts ? responses.filter((r) => (counts[r] ?? 0) > 0) : responses;
  const only = present.length <= 1 ? (present[0] ?? responses[0]) : undefined;
  return only ? withQuery(`/mailings/${mailingId}`, { tab: "audience", response: only }) : withQuery(`/mailings/${mailingId}`, { tab: "summary" });
}

/** The dashboard itself with some parameters changed (filters, paging). */
export function dashboardHref(params: Record<string, string | undefined>): string {
  return withQuery("/dashboards", params);
}
