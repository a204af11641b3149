import { DomainError } from "@/lib/errors";

/**
 * The constraint a write broke, when it was a unique violation (SQLSTATE 23505). drizzle wraps the
 * driver's error as `cause`; postgres.js names the constraint `constraint_name`, PGlite `constraint`.
 */
export function uniqueViolation(err: unknown): string | undefined {
  for (let e = err as Record<string, unknown> | undefined; e; e = e.cause as Record<string, unknown> | undefined) {
    if (e.code === "23505") return String(e.constraint_name ?? e.constraint ?? "");
  }
  return undefined;
}

/** Runs a write and turns a broken unique constraint into the DomainError the user should read. */
export async function translatingUniqueViolations<T>(write: () => Promise<T>, codes: Record<string, string>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const constraint = uniqueViolation(err);
    const code = constraint === undefined ? undefined : codes[constraint];
    if (code) throw new DomainError(code);
    throw err;
  }
}
