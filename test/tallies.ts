import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { executeRows } from "@/db/execute";
import type { Queryable } from "@/db/types";

/** The same combination of counted columns, as one comparable string. */
const KEY = sql.raw(`state || '|' || coalesce(exclusion_reason::text, '-') || '|' || coalesce(esputnik_status, '-') || '|' || failed || '|' || delivered || '|' || done`);

/**
 * The trigger-kept tallies say exactly what a recount of the recipient rows says (optionally for
 * one mailing): the invariant every count on the summaries, pre-flight and dashboards relies on.
 */
export async function expectTalliesMatchRows(db: Queryable, mailingId?: string): Promise<void> {
  const where = mailingId ? sql`where mailing_id = ${mailingId}` : sql``;
  const recount = await executeRows<{ mailing_id: string; key: string; n: unknown }>(
    db,
    sql`select mailing_id, ${KEY} as key, count(*) as n from mailing_recipients ${where} group by 1, 2`,
  );
  const tallied = await executeRows<{ mailing_id: string; key: string; n: unknown }>(
    db,
    sql`select mailing_id, ${KEY} as key, sum(n) as n from mailing_recipient_tallies ${where} group by 1, 2 having sum(n) <> 0`,
  );
  const asMap = (rows: { mailing_id: string; key: string; n: unknown }[]) => Object.fromEntries(rows.map((r) => [`${r.mailing_id} ${r.key}`, Number(r.n)]));
  expect(asMap(tallied)).toEqual(asMap(recount));
}
