import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../types";
import { mailingRecipientTallies, mailings, type Channel, type MailingStatus } from "../schema";
import { audienceCount } from "./mailings";
import { countResponsesOfMailings, tallyTotal } from "./tallies";
import { responseSql, type Response } from "@/lib/mailings/responses";
import { DASHBOARD_TIME_ZONE, addDays, type Bucket, type Day } from "@/lib/dashboards/period";

/**
 * Aggregates for the Dashboards page. Every figure is counted from the mailing and recipient rows
 * when asked (nothing is stored twice, so nothing drifts). A mailing belongs to the period by its
 * creation time, in Kyiv days: the column the mailings list filters its dates on, so a number and
 * the list it links to agree.
 */
export type DashboardScope = { from: Day; to: Day; createdBy?: string; messageId?: string };

/** The instant a Kyiv day starts (midnight there), whatever the server's or session's time zone. */
export const kyivDayStart = (day: Day) => sql`(${day}::date::timestamp at time zone ${DASHBOARD_TIME_ZONE})`;

function scopeWhere(s: DashboardScope, channel?: Channel): SQL {
  const c: SQL[] = [gte(mailings.createdAt, kyivDayStart(s.from)), lt(mailings.createdAt, kyivDayStart(addDays(s.to, 1)))];
  if (channel) c.push(eq(mailings.channel, channel));
  if (s.createdBy) c.push(eq(mailings.createdBy, s.createdBy));
  if (s.messageId) c.push(eq(mailings.messageId, s.messageId));
  return and(...c)!;
}

/**
 * The outer mailing's id, qualified by hand: in a one-table select drizzle leaves column names
 * bare, and a bare "id" inside a subquery on recipients would mean the recipient's id.
 */
const outerMailingId = sql`${mailings}.${sql.identifier("id")}`;

/**
 * The first Kyiv day of the mailing's bucket, as text (drivers differ on how they return dates).
 * The unit and zone are inlined: both come from closed lists in code, never from the request.
 */
const bucketOf = (bucket: Bucket) =>
  sql<Day>`to_char(date_trunc(${sql.raw(`'${bucket}'`)}, ${mailings.createdAt} at time zone ${sql.raw(`'${DASHBOARD_TIME_ZONE}'`)}), 'YYYY-MM-DD')`;

type ChannelBuckets = { scope: DashboardScope; channel: Channel; bucket: Bucket };

export type MailingCountRow = { bucket: Day; status: MailingStatus; n: number };

/** A channel's mailings per bucket and status. */
export async function countMailingsByBucket(db: Queryable, { scope, channel, bucket }: ChannelBuckets): Promise<MailingCountRow[]> {
  return db
    .select({ bucket: bucketOf(bucket), status: mailings.status, n: count() })
    .from(mailings)
    .where(scopeWhere(scope, channel))
    .groupBy(sql`1, 2`);
}

export type ResponseCountRow = { bucket: Day; response: Response; n: number };

/**
 * A channel's recipients per bucket (of their mailing) and response. The summary cards are sums of
 * these rows, so the cards and the chart cannot disagree. A plain join of the period's mailings
 * with their tallies: the planner probes the tallies per mailing for a short period and hashes
 * them all for a long one. One query per channel lets PostgreSQL use two connections at once.
 */
export async function countResponsesByBucket(db: Queryable, { scope, channel, bucket }: ChannelBuckets): Promise<ResponseCountRow[]> {
  const t = mailingRecipientTallies;
  return db
    .select({ bucket: bucketOf(bucket), response: responseSql(t), n: tallyTotal() })
    .from(mailings)
    .innerJoin(t, eq(t.mailingId, mailings.id))
    .where(scopeWhere(scope, channel))
    .groupBy(sql`1, 2`);
}

/** The audience size ("Кількість контактів": recipients not kept out), by the one shared definition. */
const contactsOfMailing = () => audienceCount(outerMailingId);

export type AudienceRow = { id: string; name: string; status: MailingStatus; sentAt: Date | null; contacts: number };

/** The period's largest mailings of a channel by audience; mailings nobody is in are left out. */
export async function topMailingsByAudience(
  db: Queryable,
  { scope, channel, limit }: { scope: DashboardScope; channel: Channel; limit: number },
): Promise<AudienceRow[]> {
  const t = mailingRecipientTallies;
  // Every mailing of the period is sized, so the tallies are joined (hashed), not probed per mailing.
  const contacts = sql<number>`coalesce(sum(${t.n}) filter (where ${t.state} <> 'excluded'), 0)::int`.mapWith(Number);
  const rows = await db
    .select({ id: mailings.id, name: mailings.name, status: mailings.status, sentAt: mailings.sentAt, contacts })
    .from(mailings)
    .innerJoin(t, eq(t.mailingId, mailings.id))
    .where(scopeWhere(scope, channel))
    .groupBy(mailings.id)
    .orderBy(desc(contacts), desc(mailings.createdAt), desc(mailings.id))
    .limit(limit);
  // Sorted by size, so the empty ones are all at the end of the page.
  return rows.filter((r) => r.contacts > 0);
}

export type ProgressRow = AudienceRow & { createdAt: Date; responses: Record<Response, number> };

/**
 * One page of a channel's mailings with where their recipients stand (the seed's "sending
 * progress"): the latest sent first, never-sent ones after them, newest first.
 */
export async function listSendingProgress(
  db: Queryable,
  { scope, channel, page, pageSize }: { scope: DashboardScope; channel: Channel; page: number; pageSize: number },
): Promise<{ rows: ProgressRow[]; total: number }> {
  const where = scopeWhere(scope, channel);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: mailings.id,
        name: mailings.name,
        status: mailings.status,
        sentAt: mailings.sentAt,
        createdAt: mailings.createdAt,
        contacts: contactsOfMailing(),
      })
      .from(mailings)
      .where(where)
      .orderBy(sql`${mailings.sentAt} desc nulls last`, desc(mailings.createdAt), desc(mailings.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(mailings).where(where),
  ]);
  const counts = await countResponsesOfMailings(db, { mailingIds: rows.map((r) => r.id) });
  return { rows: rows.map((r) => ({ ...r, responses: counts.get(r.id)! })), total: total?.n ?? 0 };
}
