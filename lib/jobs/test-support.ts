/** pg-boss on a test database (either backend), for tests of the job wiring. */
import type { TestDatabase } from "@/test/db";
import type { BossTarget } from "./boss";

export function bossTargetFor(t: TestDatabase): BossTarget {
  if (t.kind === "pglite") return { kind: "pglite", client: t.client };
  // createTestDatabase made a database of its own on the server at TEST_DATABASE_URL.
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/${t.client.options.database}`;
  return { kind: "postgres", url: url.toString(), poolSize: 3 };
}
