import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "../types";
import { mailingRecipients, mailings } from "../schema";
import { executeRows } from "../execute";

type RecipientColumns = { id: AnyPgColumn | SQL; mailingId: AnyPgColumn | SQL };

/**
 * "The recipients of this mailing", written so that the primary key finds them: a mailing's
 * recipient ids are one range, its block (db/schema/mailings.ts RECIPIENT_ID_BLOCK). Every query
 * that reads a mailing's recipients goes through this condition — `mailing_id = X` alone would
 * scan the whole table, as no index leads with the mailing. The block is read by two one-row
 * subqueries, which PostgreSQL runs once, before the index range scan. `columns` names the
 * recipients' columns when the query aliases the table.
 */
export function recipientsOfMailing(mailingId: string | AnyPgColumn | SQL, columns: RecipientColumns = mailingRecipients): SQL {
  const id = typeof mailingId === "string" ? sql`${mailingId}::uuid` : sql`${mailingId}`;
  // The subqueries alias mailings: a caller may pass a column of an outer `mailings` as the id.
  return sql`(${columns.mailingId} = ${id}
    and ${columns.id} >= (select block.recipient_id_from from ${mailings} as block where block.id = ${id})
    and ${columns.id} < (select block.recipient_id_from + block.recipient_id_span from ${mailings} as block where block.id = ${id}))`;
}

/**
 * The id the next recipient of the mailing gets, minus one: add 1, 2, … per row, then record how
 * many were taken with takeRecipientIds. Only under the mailing's row lock, which every writer of
 * recipient rows holds (db/queries/audience.ts insertAudience).
 */
export function lastTakenRecipientId(mailingId: string): SQL {
  return sql`(select block.recipient_id_from + block.recipient_ids_used from ${mailings} as block where block.id = ${mailingId}::uuid)`;
}

/**
 * Records that `count` more ids of the mailing's block were taken. A block that would overflow
 * fails the statement (check constraint mailings_recipient_ids_fit) and with it the transaction.
 * Returns the first of them.
 */
export async function takeRecipientIds(db: Queryable, { mailingId, count }: { mailingId: string; count: number }): Promise<number> {
  const [row] = await executeRows<{ first: unknown }>(
    db,
    sql`update ${mailings} set recipient_ids_used = recipient_ids_used + ${count}
        where ${mailings.id} = ${mailingId}::uuid
        returning recipient_id_from + recipient_ids_used - ${count} + 1 as first`,
  );
  if (!row) throw new Error(`no mailing ${mailingId}`);
  return Number(row.first);
}
