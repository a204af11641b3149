import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { contactImports } from "@/db/schema";
import { findImport } from "@/db/queries/contacts-imports";
import { startBoss } from "@/lib/jobs/boss";
import { bossImportJobs } from "@/lib/jobs/jobs-port";
import { bossTargetFor } from "@/lib/jobs/test-support";
import { startContactImportWorkers, type Workers } from "@/lib/jobs/workers";
import { quietLogger } from "@/lib/sending/test-support";
import { queueContactImport, resumeContactImports, startContactImport, uploadImportRows } from "./import-contacts";
import { contactsTestActor } from "./testing";

/** The import as the app runs it: the job queue (pg-boss) and its worker, on either database. */
let t: TestDatabase;
let boss: PgBoss;
let workers: Workers;
let ctx: Awaited<ReturnType<typeof contactsTestActor>>;
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = await contactsTestActor(t.db);
  boss = await startBoss(bossTargetFor(t), quietLogger);
  workers = await startContactImportWorkers(boss, { db: t.db, logger: quietLogger }, { tickMs: 0 });
});
afterAll(async () => {
  await workers?.stop();
  await boss?.stop({ graceful: false, close: true });
  await t?.destroy();
});

async function waitForStatus(importId: string, status: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await findImport(t.db, { id: importId });
    if (job?.status === status) return job;
    if (Date.now() > deadline) throw new Error(`import is ${job?.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function uploadedImport(tag: string, n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ row: i + 2, cells: [`${tag} ${i}`, `${tag}.${i}@example.com`] }));
  const job = await startContactImport(ctx, { fileName: `${tag}.csv`, totalRows: n, mapping: { columns: ["fullName", "email"] } });
  await uploadImportRows(ctx, { importId: job.id, rows });
  return job.id;
}

describe(`CSV import as a background job (${process.env.TEST_DB})`, () => {
  it("queued, the import runs in the worker to the end", async () => {
    const importId = await uploadedImport("queued", 4500);
    await queueContactImport({ ...ctx, jobs: bossImportJobs(boss) }, { importId });
    expect(await waitForStatus(importId, "done")).toMatchObject({ processedRows: 4500, insertedRows: 4500, rejectedRows: 0 });
  });

  it("an import whose job is gone (killed past its retries, enqueue lost) is queued again by the safety net", async () => {
    const importId = await uploadedImport("orphan", 30);
    // Queued, but the job never reached pg-boss; a minute later nothing has moved.
    await queueContactImport({ ...ctx, jobs: { enqueueImport: async () => {} } }, { importId });
    await t.db.update(contactImports).set({ updatedAt: sql`now() - interval '5 minutes'` }).where(eq(contactImports.id, importId));
    expect((await resumeContactImports({ db: t.db, jobs: bossImportJobs(boss) })).resumed).toEqual([importId]);
    expect(await waitForStatus(importId, "done")).toMatchObject({ processedRows: 30, insertedRows: 30 });
  });
});
