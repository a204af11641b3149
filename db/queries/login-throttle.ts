import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../types";
import { loginThrottle } from "../schema";

/** Failures per key within the current window (windows older than `windowSeconds` count as 0). */
export async function getLoginFailures(
  db: Queryable,
  { keys, now, windowSeconds }: { keys: string[]; now: Date; windowSeconds: number },
): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - windowSeconds * 1000);
  const rows = await db
    .select({ key: loginThrottle.key, failures: loginThrottle.failures })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.windowStartedAt, since)));
  return new Map(rows.map((r) => [r.key, r.failures]));
}

/** Counts one failure, starting a new window when the old one has expired. One statement: race-free. */
export async function recordLoginFailure(
  db: Queryable,
  { key, now, windowSeconds }: { key: string; now: Date; windowSeconds: number },
): Promise<void> {
  const since = new Date(now.getTime() - windowSeconds * 1000);
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} <= ${since.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} <= ${since.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginThrottle.windowStartedAt} end`,
      },
    });
}

export async function clearLoginFailures(db: Queryable, { key }: { key: string }): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
