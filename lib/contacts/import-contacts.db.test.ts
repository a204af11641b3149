import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import type { Db } from "@/db/types";
import { contactImports, contacts } from "@/db/schema";
import { countUploadedRows, findImport, listRejections } from "@/db/queries/contacts-imports";
import { findContactsByKeys } from "@/db/queries/contacts";
import { countContacts } from "@/db/queries/contacts-list";
import { contactsSpecCondition } from "./matching";
import { parseCsv } from "./csv";
import { guessMapping } from "./import-mapping";
import {
  cancelContactImport,
  importContactRows,
  importNextBatch,
  previewImportRows,
  queueContactImport,
  resumeContactImports,
  runContactImport,
  startContactImport,
  uploadImportRows,
  UPLOAD_ABANDONED_SECONDS,
  type ContactImportJobs,
} from "./import-contacts";
import { addContact, contactsTestActor } from "./testing";

let t: TestDatabase;
let ctx: Awaited<ReturnType<typeof contactsTestActor>>;
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = await contactsTestActor(t.db);
  await addContact(ctx, { fullName: "Already Here", email: "known@example.com", mobilePhone: "+380501112233" });
});
afterAll(() => t?.destroy());

/** The job queue, recorded: tests run the job themselves. */
function recordingJobs(): ContactImportJobs & { queued: string[] } {
  const queued: string[] = [];
  return { queued, enqueueImport: async (id) => void queued.push(id) };
}

const FILE = [
  "ПІБ;Email;Мобільний телефон;Контрагент;Мова;Не використовувати SMS",
  "Петренко Іван;Ivan@Example.com;067 123 45 67;Infocom;укр;ні",
  "Без імені;;050 000;Infocom;;",
  ";nobody@example.com;;;;",
  "Коваль Олена;olena@example.com;+380 63 111 22 33;Нова Логістика;ru;так",
  "Двійник Івана;IVAN@example.com;;;;",
  "Стара знайома;known@example.com;;;;",
  "Andrew Barber;a.barber@example.com;0501112233;Axiom;en;",
  "Bad Email;not-an-email;;;;maybe",
  "",
  "Grace Stewart;grace@example.com;;Axiom;en;",
  "Grace Again;GRACE@example.com;;;;",
  "Телефон Олени;;063 111 22 33;;;",
].join("\n");

function fileRows() {
  const [header, ...rest] = [...parseCsv(FILE)];
  return { header: header!.cells, rows: rest.filter((r) => r.cells.some((c) => c.trim())).map((r) => ({ row: r.line, cells: r.cells })) };
}

/** n rows: every 7th has a bad phone; from the 45th, every 5th repeats the email of the row 41 before it (never itself a repeat). */
function generatedRows(n: number, tag: string, phoneCode: string) {
  return Array.from({ length: n }, (_, i) => {
    const emailOf = i % 5 === 0 && i >= 45 ? i - 41 : i;
    return { row: i + 2, cells: [`${tag} ${i}`, `${tag}.${emailOf}@example.com`, i % 7 === 0 ? "12345" : `+380${phoneCode}${String(i).padStart(7, "0")}`] };
  });
}
const GENERATED_MAPPING = { columns: ["fullName", "email", "mobilePhone"] as ("fullName" | "email" | "mobilePhone")[] };

async function uploadAll(importId: string, rows: { row: number; cells: string[] }[], chunk = 25) {
  for (let i = 0; i < rows.length; i += chunk) await uploadImportRows(ctx, { importId, rows: rows.slice(i, i + chunk) });
}

/**
 * The database as a job killed just before the commit of its `dieAt`-th transaction sees it:
 * the batch's writes are made, then rolled back. (What SIGKILL does to an open transaction.)
 */
function dyingDb(db: Db, dieAt: number): Db {
  let transactions = 0;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "transaction") return Reflect.get(target, prop, receiver);
      return (run: (tx: unknown) => Promise<unknown>) =>
        target.transaction(async (tx) => {
          const result = await run(tx);
          if (++transactions === dieAt) throw new Error("killed before commit");
          return result;
        });
    },
  });
}

async function reasonsOf(importId: string) {
  const rejections = await listRejections(t.db, { importId, offset: 0, limit: 1000 });
  return Object.fromEntries(rejections.map((r) => [r.rowNumber, r.problems.map((p) => `${p.field}:${p.key}${p.values?.row ? `:${p.values.row}` : ""}`)]));
}

describe(`CSV import (${process.env.TEST_DB})`, () => {
  it("uploads, queues, and the job imports good rows, refuses bad ones with a reason per row, dedupes, adds to a new group", async () => {
    const { header, rows } = fileRows();
    const mapping = guessMapping(header);
    const jobs = recordingJobs();
    const job = await startContactImport(ctx, { fileName: "contacts.csv", totalRows: rows.length, mapping, newGroupName: "Imported" });
    expect(job.status).toBe("uploading");
    await uploadAll(job.id, rows, 5);
    expect(await queueContactImport({ ...ctx, jobs }, { importId: job.id })).toMatchObject({ status: "running" });
    expect(jobs.queued).toEqual([job.id]);
    // Batches of 4 rows: rows 2–5, 6–9, 11–13. Row 6 repeats row 2 and row 13 repeats row 5, each
    // from an earlier batch; row 12 repeats row 11 in its own batch.
    const progress = await runContactImport({ db: t.db }, { importId: job.id, batchSize: 4 });
    expect(progress).toMatchObject({ status: "done", totalRows: 11, processedRows: 11, insertedRows: 3, rejectedRows: 8, lastRowNumber: 13 });

    expect(await reasonsOf(job.id)).toEqual({
      3: ["mobilePhone:validation.phone"],
      4: ["fullName:validation.required"],
      6: ["email:csv.reasons.repeatsRow:2"],
      7: ["email:csv.reasons.emailExists"],
      8: ["mobilePhone:csv.reasons.phoneExists"],
      9: ["email:validation.email", "doNotUseSms:validation.yesNo"],
      12: ["email:csv.reasons.repeatsRow:11"],
      13: ["mobilePhone:csv.reasons.repeatsRow:5"],
    });
    const rejections = await listRejections(t.db, { importId: job.id, offset: 0, limit: 100 });
    expect(rejections.find((r) => r.rowNumber === 9)?.cells).toEqual(["Bad Email", "not-an-email", "", "", "", "maybe"]);

    const [ivan] = await findContactsByKeys(t.db, { emails: ["ivan@example.com"], phones: [] });
    expect(ivan).toMatchObject({ mobilePhone: "+380671234567", importId: job.id, importRowNumber: 2 });
    expect(progress.groupId).not.toBeNull();
    expect(await countContacts(t.db, { where: await contactsSpecCondition(t.db, { groupId: progress.groupId! }) })).toBe(3);
    // Done: the uploaded rows are gone, and nothing more can be uploaded.
    expect(await countUploadedRows(t.db, { importId: job.id })).toBe(0);
    await expect(uploadImportRows(ctx, { importId: job.id, rows: rows.slice(0, 1) })).rejects.toMatchObject({ code: "csv.errors.importFinished" });
  });

  it("only the manager who started an upload may add rows to it or hand it over", async () => {
    const rows = generatedRows(3, "owner", "96");
    const job = await startContactImport(ctx, { fileName: "mine.csv", totalRows: rows.length, mapping: GENERATED_MAPPING });
    const other = await contactsTestActor(t.db, "other-manager@contacts.test");
    await expect(uploadImportRows(other, { importId: job.id, rows })).rejects.toMatchObject({ code: "csv.errors.importNotFound" });
    await uploadImportRows(ctx, { importId: job.id, rows });
    await expect(queueContactImport({ ...other, jobs: { enqueueImport: async () => {} } }, { importId: job.id })).rejects.toMatchObject({
      code: "csv.errors.importNotFound",
    });
    expect(await countUploadedRows(t.db, { importId: job.id })).toBe(3);
  });

  it("a job killed mid-import resumes where it stopped: no row imported twice, none lost", async () => {
    const rows = generatedRows(230, "killed", "97");
    const jobs = recordingJobs();
    const job = await startContactImport(ctx, { fileName: "killed.csv", totalRows: rows.length, mapping: GENERATED_MAPPING });
    await uploadAll(job.id, rows);
    await queueContactImport({ ...ctx, jobs }, { importId: job.id });

    // Killed during its third batch: two batches (100 rows) are in, the third left no trace.
    await expect(runContactImport({ db: dyingDb(t.db, 3) }, { importId: job.id, batchSize: 50 })).rejects.toThrow("killed before commit");
    const halfway = await findImport(t.db, { id: job.id });
    expect(halfway).toMatchObject({ status: "running", processedRows: 100, lastRowNumber: 101 });
    const importedSoFar = await countContacts(t.db, { where: eq(contacts.importId, job.id) });
    expect(importedSoFar).toBe(halfway!.insertedRows);
    // The chunks the two batches used up are gone; the third batch's deletion was rolled back with it.
    expect(await countUploadedRows(t.db, { importId: job.id })).toBe(130);

    // Two runners at once (the retried job and the one the safety net queued): batches take turns.
    const [a, b] = await Promise.all([
      runContactImport({ db: t.db }, { importId: job.id, batchSize: 50 }),
      runContactImport({ db: t.db }, { importId: job.id, batchSize: 50 }),
    ]);
    expect(a.status).toBe("done");
    expect(b).toEqual(a);

    // Every row accounted for once: 1 in 7 has a bad phone; of the others, the repeats of an imported row.
    const badPhone = rows.filter((_, i) => i % 7 === 0).length;
    const repeats = rows.filter((_, i) => i % 7 !== 0 && i % 5 === 0 && i >= 45 && (i - 41) % 7 !== 0).length;
    expect(a).toMatchObject({ processedRows: 230, rejectedRows: badPhone + repeats, insertedRows: 230 - badPhone - repeats });
    expect(await countContacts(t.db, { where: eq(contacts.importId, job.id) })).toBe(a.insertedRows);
    const rejections = await listRejections(t.db, { importId: job.id, offset: 0, limit: 1000 });
    expect(rejections).toHaveLength(a.rejectedRows);
    // Row 112 (i = 110), imported after the kill, repeats row 71 (i = 69), imported before it.
    expect((await reasonsOf(job.id))[112]).toEqual(["email:csv.reasons.repeatsRow:71"]);
  });

  it("the safety net queues a running import that made no progress, and drops abandoned uploads", async () => {
    const jobs = recordingJobs();
    const running = await startContactImport(ctx, { fileName: "stalled.csv", totalRows: 3, mapping: GENERATED_MAPPING });
    await uploadAll(running.id, generatedRows(3, "stalled", "96"));
    await queueContactImport({ ...ctx, jobs: recordingJobs() }, { importId: running.id });
    const abandoned = await startContactImport(ctx, { fileName: "abandoned.csv", totalRows: 10, mapping: GENERATED_MAPPING });
    await uploadAll(abandoned.id, generatedRows(4, "abandoned", "95"));

    expect(await resumeContactImports({ db: t.db, jobs })).toEqual({ resumed: [], abandoned: [] });
    await t.db.update(contactImports).set({ updatedAt: sql`now() - interval '2 minutes'` }).where(eq(contactImports.id, running.id));
    await t.db
      .update(contactImports)
      .set({ updatedAt: sql`now() - ${UPLOAD_ABANDONED_SECONDS + 60}::int * interval '1 second'` })
      .where(eq(contactImports.id, abandoned.id));
    expect(await resumeContactImports({ db: t.db, jobs })).toEqual({ resumed: [running.id], abandoned: [abandoned.id] });
    expect(jobs.queued).toEqual([running.id]);
    expect(await findImport(t.db, { id: abandoned.id })).toMatchObject({ status: "failed" });
    expect(await countUploadedRows(t.db, { importId: abandoned.id })).toBe(0);
    expect(await runContactImport({ db: t.db }, { importId: running.id })).toMatchObject({ status: "done", insertedRows: 2, rejectedRows: 1 });
  });

  it("refuses to queue an incomplete upload; a chunk sent twice is stored once", async () => {
    const rows = generatedRows(10, "partial", "93");
    const job = await startContactImport(ctx, { fileName: "partial.csv", totalRows: 10, mapping: GENERATED_MAPPING });
    await uploadImportRows(ctx, { importId: job.id, rows: rows.slice(0, 6) });
    await uploadImportRows(ctx, { importId: job.id, rows: rows.slice(0, 6) });
    await expect(queueContactImport({ ...ctx, jobs: recordingJobs() }, { importId: job.id })).rejects.toMatchObject({
      code: "csv.errors.uploadIncomplete",
      values: { uploaded: 6, total: 10 },
    });
    await uploadImportRows(ctx, { importId: job.id, rows: rows.slice(6) });
    const jobs = recordingJobs();
    await queueContactImport({ ...ctx, jobs }, { importId: job.id });
    // Queued twice (a retry): the import stays as it is, and the job queue collapses the second.
    expect(await queueContactImport({ ...ctx, jobs }, { importId: job.id })).toMatchObject({ status: "running" });
    await expect(uploadImportRows(ctx, { importId: job.id, rows: rows.slice(0, 1) })).rejects.toMatchObject({ code: "csv.errors.importStarted" });
    expect(await runContactImport({ db: t.db }, { importId: job.id })).toMatchObject({ processedRows: 10 });
  });

  it("a cancelled import keeps what it imported and drops the rest", async () => {
    const job = await startContactImport(ctx, { fileName: "cancel.csv", totalRows: 120, mapping: GENERATED_MAPPING });
    await uploadAll(job.id, generatedRows(120, "cancel", "68"));
    await queueContactImport({ ...ctx, jobs: recordingJobs() }, { importId: job.id });
    await importNextBatch({ db: t.db }, { importId: job.id, batchSize: 50 });
    const cancelled = await cancelContactImport(ctx, { importId: job.id });
    expect(cancelled).toMatchObject({ status: "failed", processedRows: 50 });
    expect(await runContactImport({ db: t.db }, { importId: job.id })).toEqual(cancelled);
    expect(await countUploadedRows(t.db, { importId: job.id })).toBe(0);
  });

  it("imports rows at once without the queue (scripts, the benchmark); a repeated batch changes nothing", async () => {
    const job = await startContactImport(ctx, { fileName: "again.csv", totalRows: 1, mapping: { columns: ["fullName", "email"] } });
    const batch = { importId: job.id, rows: [{ row: 2, cells: ["Retry Person", "retry@example.com"] }] };
    const { updatedAt: _, ...once } = await importContactRows(ctx, batch);
    const { updatedAt: __, ...twice } = await importContactRows(ctx, batch);
    expect(twice).toEqual(once);
    expect(twice).toMatchObject({ insertedRows: 1, rejectedRows: 0 });
  });

  it("refuses a mapping without the name", async () => {
    await expect(startContactImport(ctx, { fileName: "x.csv", totalRows: 1, mapping: { columns: ["email"] } })).rejects.toMatchObject({ code: "csv.errors.nameNotMapped" });
  });

  it("previews rows exactly as the import reads them", () => {
    const preview = previewImportRows({ mapping: { columns: ["fullName", "mobilePhone"] }, rows: [{ row: 2, cells: ["A", "067 123 45 67"] }, { row: 3, cells: ["B", "1"] }] });
    expect(preview.map((r) => [r.contact?.mobilePhone ?? null, r.problems.map((p) => p.key)])).toEqual([
      ["+380671234567", []],
      [null, ["validation.phone"]],
    ]);
  });
});
