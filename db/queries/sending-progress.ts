/** Read models of sending: recipient counts per state and the recent send rate. */
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../types";
import { mailingRecipientTallies, sendBatches, type RecipientState } from "../schema";
import { tallyTotal } from "./tallies";

export type StateCounts = Record<RecipientState, number> & {
  /** Among accepted recipients: reached the person / will not / final status reached. */
  delivered: number;
  notDelivered: number;
  done: number;
};

/** From the tallies: a few rows per mailing, however many recipients it has (polled by the progress bar). */
export async function countRecipientStates(db: Queryable, { mailingId }: { mailingId: string }): Promise<StateCounts> {
  const t = mailingRecipientTallies;
  const rows = await db
    .select({
      state: t.state,
      n: tallyTotal(),
      delivered: sql<number>`coalesce(sum(${t.n}) filter (where ${t.delivered}), 0)::int`,
      notDelivered: sql<number>`coalesce(sum(${t.n}) filter (where ${t.failed}), 0)::int`,
      done: sql<number>`coalesce(sum(${t.n}) filter (where ${t.done} and ${t.state} = 'accepted'), 0)::int`,
    })
    .from(t)
    .where(eq(t.mailingId, mailingId))
    .groupBy(t.state);
  const counts: StateCounts = { pending: 0, excluded: 0, sending: 0, accepted: 0, rejected: 0, in_doubt: 0, delivered: 0, notDelivered: 0, done: 0 };
  for (const row of rows) {
    counts[row.state] = Number(row.n);
    counts.delivered += Number(row.delivered);
    counts.notDelivered += Number(row.notDelivered);
    counts.done += Number(row.done);
  }
  return counts;
}

/** Recipients whose smartsend batch ended (settled or in doubt) since `since`. */
export async function recipientsHandledSince(db: Queryable, { mailingId, since }: { mailingId: string; since: Date }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${sendBatches.size}), 0)::int` })
    .from(sendBatches)
    .where(
      and(
        eq(sendBatches.mailingId, mailingId),
        eq(sendBatches.kind, "smartsend"),
        inArray(sendBatches.state, ["settled", "in_doubt"]),
        gte(sendBatches.settledAt, since),
      ),
    );
  return Number(row?.n ?? 0);
}
