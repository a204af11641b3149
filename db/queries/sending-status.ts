/**
 * Queries for eSputnik statuses: paging through accepted recipients, and applying statuses in bulk
 * (one UPDATE … FROM json_to_recordset per page) with the rank guard that keeps a status from ever
 * going backwards, whichever of polling, webhooks and reconciliation comes first.
 */
import { and, asc, eq, gt, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { executeRows } from "../execute";
import type { Queryable } from "../types";
import { mailingRecipients, mailings } from "../schema";
import { countTallied } from "./tallies";
import { recipientsOfMailing } from "./recipient-ids";

export type StatusRow = { id: number; status: string; rank: number; delivered: boolean; failed: boolean; done: boolean };

/** One page of accepted recipients with a request id, after `afterId` (keyset paging on the state index). */
export async function readAcceptedPage(
  db: Queryable,
  q: { mailingId: string; afterId: number; limit: number; onlyOpen: boolean },
): Promise<{ id: number; requestId: string }[]> {
  const rows = await db
    .select({ id: mailingRecipients.id, requestId: mailingRecipients.requestId })
    .from(mailingRecipients)
    .where(
      and(
        recipientsOfMailing(q.mailingId),
        eq(mailingRecipients.state, "accepted"),
        gt(mailingRecipients.id, q.afterId),
        isNotNull(mailingRecipients.requestId),
        q.onlyOpen ? eq(mailingRecipients.done, false) : undefined,
      ),
    )
    .orderBy(asc(mailingRecipients.id))
    .limit(q.limit);
  return rows as { id: number; requestId: string }[];
}


/** Applies statuses to recipients by id; only a higher rank replaces the stored status. Returns rows changed. */
export async function applyStatusesById(db: Queryable, q: { rows: StatusRow[]; at: Date }): Promise<number> {
  if (q.rows.length === 0) return 0;
  const changed = await executeRows<{ id: unknown }>(
    db,
    sql`update ${mailingRecipients} as r
        set esputnik_status = v.status, status_rank = v.rank, delivered = v.delivered, failed = v.failed, done = v.done,
            status_at = ${q.at.toISOString()}::timestamptz
        from json_to_recordset(${JSON.stringify(q.rows)}::json)
          as v(id bigint, status text, rank int, delivered boolean, failed boolean, done boolean)
        where r.id = v.id and r.state = 'accepted' and v.rank > r.status_rank
        returning r.id`,
  );
  return changed.length;
}

/** A status learned from activity (webhook or contact activity): by our id (externalRequestId) or eSputnik's (iid). */
export type ActivityStatusRow = Omit<StatusRow, "id"> & { id: number | null; requestId: string | null; at: Date };

/**
 * Applies activity statuses. Besides accepted recipients, an event for a recipient in doubt is
 * proof that its call reached eSputnik: it becomes accepted (with the event's id as request id when
 * no other row holds it). Rows still "sending" take the status; their batch settles them.
 */
export async function applyActivityStatuses(
  db: Queryable,
  q: { byId: ActivityStatusRow[]; byRequestId: ActivityStatusRow[] },
): Promise<number> {
  let changed = 0;
  for (const [rows, match] of [
    [q.byId, sql`r.id = v.id`],
    [q.byRequestId, sql`r.request_id = v.request_id`],
  ] as const) {
    if (rows.length === 0) continue;
    const result = await executeRows<{ id: unknown }>(
      db,
      sql`update ${mailingRecipients} as r
          set esputnik_status = v.status, status_rank = v.rank, delivered = v.delivered, failed = v.failed, done = v.done,
              status_at = v.at,
              state = case when r.state = 'in_doubt' then 'accepted'::recipient_state else r.state end,
              request_id = case
                when r.request_id is null and v.request_id is not null
                  and not exists (select 1 from ${mailingRecipients} x where x.request_id = v.request_id)
                then v.request_id else r.request_id end
          from json_to_recordset(${activityPayload(rows)}::json)
            as v(id bigint, request_id text, status text, rank int, delivered boolean, failed boolean, done boolean, at timestamptz)
          where ${match} and r.state in ('accepted', 'in_doubt', 'sending') and v.rank > r.status_rank
          returning r.id`,
    );
    changed += result.length;
  }
  return changed;
}

type NamedByActivity = { byId: ActivityStatusRow[]; byRequestId: ActivityStatusRow[] };
export type InDoubtPerMailing = { mailingId: string; recipients: number }[];

/**
 * The ids of the recipients activity statuses name, by our id or by eSputnik's request id: a union
 * of two lookups, each on its own index (an OR of the two would read the whole table). Null when
 * they name nobody.
 */
function namedRecipientIds(q: NamedByActivity): SQL | null {
  const ids = q.byId.map((row) => row.id).filter((id): id is number => id !== null);
  const requestIds = q.byRequestId.map((row) => row.requestId).filter((id): id is string => id !== null);
  if (ids.length === 0 && requestIds.length === 0) return null;
  return sql`select n.id from ${mailingRecipients} n
             where n.id in (select value::bigint from json_array_elements_text(${JSON.stringify(ids)}::json))
             union
             select n.id from ${mailingRecipients} n
             where n.request_id in (select value from json_array_elements_text(${JSON.stringify(requestIds)}::json))`;
}

/** Per mailing, how many of `rows` are in doubt, in mailing order. */
async function inDoubtPerMailing(db: Queryable, rows: SQL): Promise<InDoubtPerMailing> {
  const counts = await executeRows<{ mailingId: string; recipients: number }>(
    db,
    sql`with named as (${rows})
        select mailing_id as "mailingId", count(*)::int as recipients from named
        where state = 'in_doubt' group by mailing_id order by mailing_id`,
  );
  return counts.map((row) => ({ mailingId: row.mailingId, recipients: Number(row.recipients) }));
}

/**
 * The mailings with recipients in doubt that these activity statuses name, and how many of them:
 * applying the statuses will make those recipients accepted, so the mailings' final status and feed
 * follow. Read before applying, so that those mailings can be locked first.
 */
export async function inDoubtNamedByActivity(db: Queryable, q: NamedByActivity): Promise<InDoubtPerMailing> {
  const named = namedRecipientIds(q);
  if (!named) return [];
  return inDoubtPerMailing(db, sql`select r.mailing_id, r.state from ${mailingRecipients} r where r.id in (${named})`);
}

/**
 * Locks the recipients these activity statuses name, in id order, and says again which of them are
 * in doubt, as they are under the lock (a resend or reconcile may have committed since the read
 * above). Two webhook deliveries naming the same recipients then queue one behind the other instead
 * of each locking in its own order and deadlocking (the UPDATE … FROM locks rows in whatever order
 * its join yields them).
 */
export async function lockRecipientsNamedByActivity(db: Queryable, q: NamedByActivity): Promise<InDoubtPerMailing> {
  const named = namedRecipientIds(q);
  if (!named) return [];
  return inDoubtPerMailing(
    db,
    sql`select r.mailing_id, r.state from ${mailingRecipients} r where r.id in (${named}) order by r.id for update of r`,
  );
}

const activityPayload = (rows: ActivityStatusRow[]) =>
  JSON.stringify(rows.map(({ requestId, at, ...rest }) => ({ ...rest, request_id: requestId, at: at.toISOString() })));

/** Whether any accepted recipient still waits for a final status (from the tallies: no scan of a million done rows). */
export async function hasOpenRecipients(db: Queryable, { mailingId }: { mailingId: string }): Promise<boolean> {
  return (await countTallied(db, { mailingId, state: "accepted", done: false })) > 0;
}

/** Records a status check and when the next periodic one is due (null: nothing left to check). */
export async function recordStatusCheck(db: Queryable, q: { mailingId: string; checkedAt: Date; nextPollInSeconds: number | null }): Promise<void> {
  await db
    .update(mailings)
    .set({
      statusCheckedAt: q.checkedAt,
      nextStatusPollAt: q.nextPollInSeconds === null ? null : sql`now() + make_interval(secs => ${q.nextPollInSeconds}::float8)`,
    })
    .where(eq(mailings.id, q.mailingId));
}

/** Schedules the periodic check of a mailing that has just been handed over. */
export async function scheduleStatusPoll(db: Queryable, q: { mailingId: string; inSeconds: number }): Promise<void> {
  await db
    .update(mailings)
    .set({ nextStatusPollAt: sql`now() + make_interval(secs => ${q.inSeconds}::float8)` })
    .where(eq(mailings.id, q.mailingId));
}

/**
 * Claims the mailings whose periodic status check is due, pushing their due time forward in the
 * same statement, so that of several app instances ticking at once only one enqueues each check.
 */
export async function claimDueStatusPolls(db: Queryable, q: { retryInSeconds: number }): Promise<string[]> {
  const rows = await db
    .update(mailings)
    .set({ nextStatusPollAt: sql`now() + make_interval(secs => ${q.retryInSeconds}::float8)` })
    .where(lte(mailings.nextStatusPollAt, sql`now()`))
    .returning({ id: mailings.id });
  return rows.map((r) => r.id);
}
