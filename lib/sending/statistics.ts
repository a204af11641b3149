/**
 * A send rewrites the state of every recipient of a mailing, a status check their status; for a
 * large mailing that makes the planner's statistics wrong until autovacuum catches up (minutes on
 * a busy server). With statistics that still say "nothing is accepted", the status check's page
 * query walked the wrong index: a second per page instead of a millisecond, over 5,000 pages for a
 * million recipients. Re-analyzing after such a change costs a fraction of a second.
 */
import { analyzeRecipients } from "@/db/queries/sending";
import type { SendingContext } from "./context";

/** Rows changed at once beyond which the statistics are refreshed. */
const ANALYZE_AFTER_ROWS = 10_000;

export async function refreshStatisticsAfter(ctx: Pick<SendingContext, "db" | "logger">, changedRows: number): Promise<void> {
  if (changedRows < ANALYZE_AFTER_ROWS) return;
  try {
    await analyzeRecipients(ctx.db);
  } catch (err) {
    // Only the planner's comfort is at stake; autovacuum will get there.
    ctx.logger.warn("could not analyze mailing_recipients", { error: err });
  }
}
