/**
 * Reading and compacting mailing_recipient_tallies: per-mailing recipient counts kept by triggers
 * as signed deltas (see db/schema/mailings.ts). Every count here is `sum(n)` over a mailing's
 * rows — a few dozen at most once compacted — instead of a pass over up to a million recipients.
 */
import { and, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { executeRows } from "../execute";
import type { Queryable } from "../types";
import { mailingRecipientTallies, type RecipientState } from "../schema";
import { RESPONSES, responseIn, responseSql, type Response } from "@/lib/mailings/responses";

const t = mailingRecipientTallies;

/** The sum of the deltas, as a number (bigint arrives as a string from some drivers). */
export const tallyTotal = () => sql<number>`coalesce(sum(${t.n}), 0)::bigint`.mapWith(Number);

/** A correlated subquery: the mailing's recipients matching `where` (all of them without it). */
export const tallySubquery = (mailingId: SQL, where?: SQL) =>
  sql<number>`(select coalesce(sum(${t.n}), 0)::int from ${t} where ${t.mailingId} = ${mailingId}${where ? sql` and ${where}` : sql``})`.mapWith(Number);

/** Recipients that count as the mailing's audience ("Кількість контактів"): everyone not excluded. */
export const audienceTally = (mailingId: SQL) => tallySubquery(mailingId, ne(t.state, "excluded"));

export async function countTallied(db: Queryable, { mailingId, state, done }: { mailingId: string; state?: RecipientState; done?: boolean }): Promise<number> {
  const [row] = await db
    .select({ n: tallyTotal() })
    .from(t)
    .where(and(eq(t.mailingId, mailingId), state ? eq(t.state, state) : undefined, done === undefined ? undefined : eq(t.done, done)));
  return row?.n ?? 0;
}

/** Recipients per response of a few mailings at once (one mailing's Summary, a page of a table), keyed by mailing. */
export async function countResponsesOfMailings(db: Queryable, { mailingIds }: { mailingIds: string[] }): Promise<Map<string, Record<Response, number>>> {
  const out = new Map(mailingIds.map((id) => [id, Object.fromEntries(RESPONSES.map((r) => [r, 0])) as Record<Response, number>]));
  if (mailingIds.length === 0) return out;
  const rows = await db
    .select({ mailingId: t.mailingId, response: responseSql(t), n: tallyTotal() })
    .from(t)
    .where(inArray(t.mailingId, mailingIds))
    .groupBy(sql`1, 2`);
  for (const r of rows) out.get(r.mailingId)![r.response] = r.n;
  return out;
}

/** The mailing's recipients whose response is one of these (all of them without a list): the Audience tab's total. */
export async function countTalliedResponses(db: Queryable, { mailingId, responses }: { mailingId: string; responses?: Response[] }): Promise<number> {
  const [row] = await db
    .select({ n: tallyTotal() })
    .from(t)
    .where(and(eq(t.mailingId, mailingId), responses?.length ? responseIn(responses, t) : undefined));
  return row?.n ?? 0;
}

/** Exclusions per reason (the pre-flight summary). */
export async function countTalliedExclusions(db: Queryable, { mailingId }: { mailingId: string }): Promise<Record<string, number>> {
  const rows = await db
    .select({ reason: t.exclusionReason, n: tallyTotal() })
    .from(t)
    .where(and(eq(t.mailingId, mailingId), eq(t.state, "excluded")))
    .groupBy(t.exclusionReason)
    .having(sql`sum(${t.n}) <> 0`);
  return Object.fromEntries(rows.map((r) => [r.reason ?? "unknown", r.n]));
}

export type TallyGroup = { state: RecipientState; esputnikStatus: string | null; failed: boolean; delivered: boolean; done: boolean; n: number };

/** The mailing's counts per combination of counted columns (exclusion reasons folded together). */
export async function readTallyGroups(db: Queryable, { mailingId }: { mailingId: string }): Promise<TallyGroup[]> {
  return db
    .select({ state: t.state, esputnikStatus: t.esputnikStatus, failed: t.failed, delivered: t.delivered, done: t.done, n: tallyTotal() })
    .from(t)
    .where(eq(t.mailingId, mailingId))
    .groupBy(t.state, t.esputnikStatus, t.failed, t.delivered, t.done)
    .having(sql`sum(${t.n}) <> 0`);
}

/**
 * Folds the mailing's deltas into one row per combination, in one statement: the rows it deletes
 * are exactly the rows it sums, so deltas appended meanwhile by other transactions are kept, and
 * two compactions at once cannot count a delta twice (the second skips rows the first deleted).
 */
export async function compactTallies(db: Queryable, { mailingIds }: { mailingIds: string[] }): Promise<void> {
  if (mailingIds.length === 0) return;
  await db.execute(sql`
    with folded as (
      delete from ${t} where ${inArray(t.mailingId, mailingIds)}
      returning mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, n
    )
    insert into ${t} (mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, n)
    select mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, sum(n)
    from folded group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0`);
}

/** Mailings whose deltas have piled up (busy sending or status updates): the periodic job compacts them. */
export async function findTalliesToCompact(db: Queryable, { minRows, limit }: { minRows: number; limit: number }): Promise<string[]> {
  const rows = await executeRows<{ mailing_id: string }>(
    db,
    sql`select mailing_id from ${t} group by mailing_id having count(*) >= ${minRows} limit ${limit}`,
  );
  return rows.map((r) => r.mailing_id);
}

/** Drops a deleted mailing's counts (its recipients are deleted in the same transaction). */
export async function deleteTallies(db: Queryable, { mailingId }: { mailingId: string }): Promise<void> {
  await db.delete(t).where(eq(t.mailingId, mailingId));
}
