import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { contactImports } from "@/db/schema";
import { countUploadedRows, findImport } from "@/db/queries/contacts-imports";
import { startBoss } from "@/lib/jobs/boss";
import { bossImportJobs } from "@/lib/jobs/jobs-port";
import { bossTargetFor } from "@/lib/jobs/test-support";
import { startContactImportWorkers, type Workers } from "@/lib/jobs/workers";
import { quietLogger } from "@/lib/sending/test-support";
import { importProgress, queueContactImport, recordContactImportFailure, resumeContactImports, runContactImport, startContactImport, uploadImportRows } from "./import-contacts";
import { MAX_FAILED_RUNS } from "./import-types";
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

  it("a run that ends in an error is counted on the import, with the error kept; a batch that commits clears it", async () => {
    const importId = await uploadedImport("boom", 10);
    // Every write of this one row fails, as a broken database or a bug would.
    await t.db.execute(sql`create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.email = 'boom.3@example.com' then raise exception 'refused for the test'; end if; return new; end $$`);
    await t.db.execute(sql`create trigger refuse_boom before insert on contacts for each row execute function refuse_boom()`);
    try {
      await queueContactImport({ ...ctx, jobs: bossImportJobs(boss) }, { importId });
      const deadline = Date.now() + 30_000;
      while ((await findImport(t.db, { id: importId }))?.failedRuns !== 1) {
        if (Date.now() > deadline) throw new Error("the failed run was not recorded");
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await findImport(t.db, { id: importId })).toMatchObject({ status: "running", failedRuns: 1, lastError: expect.stringContaining("refused for the test") });
      expect((await importProgress(ctx, { importId })).failedRuns).toBe(1);
    } finally {
      await t.db.execute(sql`drop trigger refuse_boom on contacts`);
      await t.db.execute(sql`drop function refuse_boom()`);
    }
    // Fixed: the next run imports everything and the failures are forgotten.
    await expect(runContactImport({ db: t.db }, { importId })).resolves.toMatchObject({ status: "done", processedRows: 10, failedRuns: 0 });
    expect((await findImport(t.db, { id: importId }))?.lastError).toBeNull();
  });

  it(`after ${MAX_FAILED_RUNS} failed runs in a row the import stops for good, keeping its counts; its rows are dropped`, async () => {
    const importId = await uploadedImport("stuck", 20);
    await queueContactImport({ ...ctx, jobs: { enqueueImport: async () => {} } }, { importId });
    for (let run = 1; run < MAX_FAILED_RUNS; run++) {
      expect(await recordContactImportFailure({ db: t.db }, { importId, error: new Error(`run ${run}`) })).toMatchObject({ status: "running", failedRuns: run });
    }
    expect(await recordContactImportFailure({ db: t.db }, { importId, error: new Error("run 5") })).toMatchObject({ status: "failed", failedRuns: MAX_FAILED_RUNS });
    expect(await findImport(t.db, { id: importId })).toMatchObject({ status: "failed", lastError: "run 5", processedRows: 0 });
    expect(await countUploadedRows(t.db, { importId })).toBe(0);
    // Stopped is final: a late failure report changes nothing, and the safety net leaves it alone.
    expect(await recordContactImportFailure({ db: t.db }, { importId, error: new Error("late") })).toMatchObject({ status: "failed", failedRuns: MAX_FAILED_RUNS });
    await t.db.update(contactImports).set({ updatedAt: sql`now() - interval '5 minutes'` }).where(eq(contactImports.id, importId));
    expect((await resumeContactImports({ db: t.db, jobs: bossImportJobs(boss) })).resumed).not.toContain(importId);
  });
});
