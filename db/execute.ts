import type { SQL } from "drizzle-orm";
import type { Queryable } from "./types";

/**
 * Rows of a raw `db.execute(sql…)`: postgres.js returns an array, PGlite an object with `rows`.
 * Used for the few statements drizzle's builder cannot express (data-modifying CTEs).
 */
export async function executeRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
