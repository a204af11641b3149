import { z } from "zod";
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { contacts, type ContactImport } from "@/db/schema";
import { findOrCreateAccountIds } from "@/db/queries/accounts";
import { findContactsByKeys, insertContactsSkippingDuplicates, type ContactValues } from "@/db/queries/contacts";
import {
  countUploadedRows,
  deleteImportChunks,
  findImport,
  insertImport,
  insertImportChunk,
  insertRejections,
  listIdleImports,
  listUploadedRowsAfter,
  lockImport,
  recordImportBatch,
  recordImportFailure,
  setImportStatus,
} from "@/db/queries/contacts-imports";
import { addGroupMembers, findGroupById } from "@/db/queries/groups";
import { DomainError } from "@/lib/errors";
import type { ContactsCtx } from "./manage-contacts";
import { createGroup } from "./manage-groups";
import { importMappingSchema, mappingProblem } from "./import-mapping";
import { readImportRow, rejectExisting, rejectRepeatsWithinBatch, type ReadRow } from "./import-rows";
import { IMPORT_BATCH_SIZE, MAX_FAILED_RUNS, UPLOAD_CHUNK_ROWS } from "./import-types";

/**
 * CSV import, done by the server so that it survives the tab being closed:
 *   1. the browser parses the file (lib/contacts/csv.ts), shows the mapping and a preview, and
 *      starts an import (status "uploading");
 *   2. it uploads the rows once, in chunks of UPLOAD_CHUNK_ROWS, into contact_import_chunks;
 *   3. it queues the import ("running"): a durable background job (pg-boss, lib/jobs) validates,
 *      dedupes and inserts the rows in batches of IMPORT_BATCH_SIZE, each batch in one
 *      transaction together with the import's counters;
 *   4. the browser — this one, a reloaded one or another — polls the counters for the progress bar.
 * A job killed midway rolls its batch back; the next run (a pg-boss retry, or the periodic
 * resumeContactImports) starts after `lastRowNumber`, so no row is imported twice or lost.
 */
/** Cells longer than this are not contact data. */
const MAX_CELL = 2000;

/** The background work an import asks for: pg-boss in the app, inline in tests and benchmarks. */
export interface ContactImportJobs {
  enqueueImport(importId: string): Promise<void>;
}

export type ImportProgress = Pick<
  ContactImport,
  "id" | "status" | "totalRows" | "processedRows" | "insertedRows" | "rejectedRows" | "lastRowNumber" | "groupId" | "updatedAt" | "failedRuns"
>;
export const progressOf = (i: ContactImport): ImportProgress => ({
  id: i.id,
  status: i.status,
  totalRows: i.totalRows,
  processedRows: i.processedRows,
  insertedRows: i.insertedRows,
  rejectedRows: i.rejectedRows,
  lastRowNumber: i.lastRowNumber,
  groupId: i.groupId,
  updatedAt: i.updatedAt,
  failedRuns: i.failedRuns,
});

const fileRow = z.object({ row: z.number().int().min(1), cells: z.array(z.string().max(MAX_CELL)).max(200) });

export const startImportInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  totalRows: z.coerce.number().int().min(1).max(2_000_000),
  mapping: importMappingSchema,
  /** Also add the imported contacts to this static group… */
  groupId: z.uuid().optional(),
  /**
   * …or to a new static group of this name. The rules of a group's name (groupFields in
   * manage-groups.ts): a blank name is refused here, with a field error the wizard shows by the
   * name, rather than read as "no group".
   */
  newGroupName: z.string().trim().min(1, "validation.groupNameRequired").max(120).optional(),
});

/** A new import, waiting for its rows. */
export async function startContactImport(ctx: ContactsCtx, input: z.output<typeof startImportInput>): Promise<ImportProgress> {
  const problem = mappingProblem(input.mapping);
  if (problem) throw new DomainError(problem);
  return ctx.db.transaction(async (tx) => {
    const groupId = await targetGroupId({ ...ctx, db: tx }, input);
    const job = await insertImport(tx, {
      fileName: input.fileName,
      mapping: input.mapping,
      groupId,
      totalRows: input.totalRows,
      createdBy: ctx.actor.id,
      status: "uploading",
    });
    return progressOf(job);
  });
}

async function targetGroupId(ctx: ContactsCtx, input: { groupId?: string; newGroupName?: string }): Promise<string | null> {
  if (input.newGroupName) return (await createGroup(ctx, { kind: "static", name: input.newGroupName, folder: null, isFavourite: false })).id;
  if (!input.groupId) return null;
  const group = await findGroupById(ctx.db, { id: input.groupId });
  if (group?.kind !== "static") throw new DomainError("groups.errors.notStatic");
  return group.id;
}

export const uploadRowsInput = z.object({
  importId: z.uuid(),
  rows: z
    .array(fileRow)
    .min(1)
    .max(UPLOAD_CHUNK_ROWS)
    .refine((rows) => rows.every((r, i) => i === 0 || r.row > rows[i - 1]!.row), "validation.invalid"),
});

/** Stores a chunk of the file's rows. A chunk sent twice (a retry after a lost answer) changes nothing. */
export async function uploadImportRows(ctx: ContactsCtx, input: z.output<typeof uploadRowsInput>): Promise<{ importId: string }> {
  return ctx.db.transaction(async (tx) => {
    const job = await lockImport(tx, { id: input.importId });
    // Only the one who started an upload adds rows to it or hands it over (others may watch and stop it).
    if (!job || job.createdBy !== ctx.actor.id) throw new DomainError("csv.errors.importNotFound");
    if (job.status !== "uploading") throw new DomainError(job.status === "running" ? "csv.errors.importStarted" : "csv.errors.importFinished");
    // A chunk already imported (sent again after a lost answer, by a script importing as it goes) is not stored again.
    if (input.rows.at(-1)!.row > job.lastRowNumber) await insertImportChunk(tx, { importId: job.id, rows: input.rows });
    return { importId: job.id };
  });
}

export const importIdInput = z.object({ importId: z.uuid() });

/**
 * Every row is uploaded: hand the import to the background job. The rows are counted first, so
 * that a chunk lost on the way fails loudly here instead of being silently missing. Queueing twice
 * is harmless.
 */
export async function queueContactImport(ctx: ContactsCtx & { jobs: ContactImportJobs }, { importId }: z.output<typeof importIdInput>): Promise<ImportProgress> {
  const queued = await ctx.db.transaction(async (tx) => {
    const job = await lockImport(tx, { id: importId });
    if (!job || job.createdBy !== ctx.actor.id) throw new DomainError("csv.errors.importNotFound");
    if (job.status !== "uploading") return job;
    const uploaded = await countUploadedRows(tx, { importId });
    if (uploaded !== job.totalRows) throw new DomainError("csv.errors.uploadIncomplete", { uploaded, total: job.totalRows });
    return (await setImportStatus(tx, { id: importId, status: "running" })) ?? job;
  });
  // After the commit, so the job finds the import running. Should this enqueue be lost, the
  // periodic resumeContactImports finds the import idle and queues it again.
  if (queued.status === "running") await ctx.jobs.enqueueImport(importId);
  return progressOf(queued);
}

/** The background job: imports the uploaded rows batch after batch, to the end. */
export async function runContactImport(ctx: { db: Queryable }, { importId, batchSize }: { importId: string; batchSize?: number }): Promise<ImportProgress> {
  let ahead: Promise<ReadBatch | null> | undefined;
  for (;;) {
    const step = await importNextBatch(ctx, { importId, batchSize, ahead });
    if (!step.more) return step.progress;
    ahead = step.ahead;
  }
}

/** Rows of the file after `afterRow`, read and validated (everything that does not depend on the base). */
type ReadBatch = { afterRow: number; rows: ReadRow[] };

async function readBatch(db: Queryable, job: Pick<ContactImport, "id" | "mapping">, { afterRow, limit }: { afterRow: number; limit: number }): Promise<ReadBatch> {
  const listed = await listUploadedRowsAfter(db, { importId: job.id, afterRow, limit });
  const rows = listed.map((r) => readImportRow(job.mapping, r.row, r.cells));
  rejectRepeatsWithinBatch(rows);
  return { afterRow, rows };
}

/**
 * Imports the next batch of uploaded rows — those after `lastRowNumber`, in file order — in one
 * transaction with the counters, deleting the chunks it used up. Once a running import has no rows
 * left, it is done. `more` says whether to call again; `ahead` is the next batch, already
 * being read and validated on another connection while this one is written (on PostgreSQL the
 * validation then overlaps the insert: about a tenth of a batch's time). It is used only if the
 * import is still exactly where it was expected to be.
 */
export async function importNextBatch(
  ctx: { db: Queryable },
  { importId, batchSize = IMPORT_BATCH_SIZE, ahead }: { importId: string; batchSize?: number; ahead?: Promise<ReadBatch | null> },
): Promise<{ progress: ImportProgress; more: boolean; ahead?: Promise<ReadBatch | null> }> {
  // Awaited before the transaction: PGlite runs one statement at a time, and the read must not queue behind it.
  const readAhead = await ahead;
  return ctx.db.transaction(async (tx) => {
    const job = await lockImport(tx, { id: importId });
    if (!job) throw new DomainError("csv.errors.importNotFound");
    if (job.status === "done" || job.status === "failed") return { progress: progressOf(job), more: false };
    const { rows } = readAhead?.afterRow === job.lastRowNumber ? readAhead : await readBatch(tx, job, { afterRow: job.lastRowNumber, limit: batchSize });
    const more = rows.length === batchSize;
    const next = more ? readBatch(ctx.db, job, { afterRow: rows.at(-1)!.row, limit: batchSize }).catch(() => null) : undefined;
    const updated = rows.length ? await importBatch(tx, job, rows) : job;
    if (rows.length) await deleteImportChunks(tx, { importId, upToRow: updated.lastRowNumber });
    // Fewer rows than asked for: that was the last batch (while uploading, only the last so far).
    if (!more && job.status === "running") {
      await deleteImportChunks(tx, { importId });
      return { progress: progressOf((await setImportStatus(tx, { id: importId, status: "done" })) ?? updated), more: false };
    }
    return { progress: progressOf(updated), more, ahead: next };
  });
}

/** Dedupes the batch against the base and inserts it; records its rejections and counters. */
async function importBatch(tx: Queryable, job: ContactImport, rows: ReadRow[]): Promise<ContactImport> {
  const candidates = () => rows.filter((r): r is ReadRow & { contact: NonNullable<ReadRow["contact"]> } => r.contact !== null);
  rejectExisting(
    rows,
    await findContactsByKeys(tx, {
      emails: candidates().flatMap((r) => (r.contact.email ? [r.contact.email] : [])),
      phones: candidates().flatMap((r) => (r.contact.mobilePhone ? [r.contact.mobilePhone] : [])),
    }),
    job.id,
  );
  const inserted = await insertCandidates(tx, candidates(), job);
  // A row the insert skipped lost a race with another import or form: it exists now.
  rejectExisting(
    rows,
    candidates()
      .filter((r) => !inserted.rows.has(r))
      .map((r) => ({ ...r.contact, importId: null, importRowNumber: null })),
    job.id,
  );
  if (job.groupId && inserted.ids.length > 0) await addGroupMembers(tx, { groupId: job.groupId, where: inArray(contacts.id, inserted.ids) });
  const rejected = rows.filter((r) => r.contact === null);
  await insertRejections(
    tx,
    rejected.map((r) => ({ importId: job.id, rowNumber: r.row, problems: r.problems, cells: r.cells })),
  );
  return recordImportBatch(tx, {
    id: job.id,
    processed: rows.length,
    inserted: inserted.ids.length,
    rejected: rejected.length,
    lastRowNumber: rows.at(-1)!.row,
  });
}

/** Creates the batch's accounts, then inserts its contacts in one statement. */
async function insertCandidates(db: Queryable, rows: (ReadRow & { contact: NonNullable<ReadRow["contact"]> })[], job: ContactImport) {
  const accountIds = await findOrCreateAccountIds(db, {
    names: rows.flatMap((r) => (r.contact.accountName ? [r.contact.accountName] : [])),
    createdBy: job.createdBy,
  });
  const values: ContactValues[] = rows.map(({ row, contact: { accountName, ...fields } }) => ({
    ...fields,
    accountId: accountName ? (accountIds.get(accountName.toLowerCase()) ?? null) : null,
    createdBy: job.createdBy,
    importId: job.id,
    importRowNumber: row,
  }));
  const returned = await insertContactsSkippingDuplicates(db, values);
  const emails = new Set(returned.map((c) => c.email));
  const phones = new Set(returned.map((c) => c.mobilePhone));
  // Within a batch emails and phones are unique by now, so either key finds the row.
  const insertedRows = new Set(
    rows.filter(({ contact: c }) => (c.email !== null && emails.has(c.email)) || (c.mobilePhone !== null && phones.has(c.mobilePhone)) || (c.email === null && c.mobilePhone === null)),
  );
  return { rows: insertedRows, ids: returned.map((c) => c.id) };
}

/**
 * Imports rows at once, in the caller's process — for scripts and the benchmark, which have no
 * job queue: uploads them, then imports them as the next batch. Sent again, a batch changes nothing.
 */
export async function importContactRows(ctx: ContactsCtx, input: z.output<typeof uploadRowsInput>): Promise<ImportProgress> {
  await uploadImportRows(ctx, input);
  return (await importNextBatch(ctx, { importId: input.importId, batchSize: input.rows.length })).progress;
}

/**
 * Stops an import: rows already imported stay, the rest are dropped. A batch in flight finishes
 * first (it holds the import's lock), then the job sees "failed" and ends.
 */
export async function cancelContactImport(ctx: ContactsCtx, { importId }: z.output<typeof importIdInput>): Promise<ImportProgress> {
  return progressOf(await stopImport(ctx.db, { importId, onlyIf: ["uploading", "running"] }));
}

export async function importProgress(ctx: { db: Queryable }, { importId }: z.output<typeof importIdInput>): Promise<ImportProgress> {
  const job = await findImport(ctx.db, { id: importId });
  if (!job) throw new DomainError("csv.errors.importNotFound");
  return progressOf(job);
}

/**
 * The job's run ended in an error: counted, with the error kept for the log reader. A passing
 * outage is ridden out (the job is retried and the tick re-queues the import), but an error that
 * comes back every run would re-queue it forever: after MAX_FAILED_RUNS in a row the import stops,
 * visibly, keeping what it imported. Returns the import as it now is.
 */
export async function recordContactImportFailure(ctx: { db: Queryable }, { importId, error }: { importId: string; error: unknown }): Promise<ImportProgress | null> {
  // A failed query's own message carries the query and its parameters (contact data): keep the
  // database's reason only.
  const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return ctx.db.transaction(async (tx) => {
    const job = await lockImport(tx, { id: importId });
    if (!job || job.status !== "running") return job ? progressOf(job) : null;
    const failed = (await recordImportFailure(tx, { id: importId, error: message })) ?? job;
    if (failed.failedRuns < MAX_FAILED_RUNS) return progressOf(failed);
    await deleteImportChunks(tx, { importId });
    return progressOf((await setImportStatus(tx, { id: importId, status: "failed" })) ?? failed);
  });
}

/** A running import with no batch for this long lost its job (killed, or the enqueue was lost). */
export const IMPORT_IDLE_SECONDS = 60;
/** An upload not finished in this long was abandoned (the tab closed midway): its rows are dropped. */
export const UPLOAD_ABANDONED_SECONDS = 24 * 3600;

/**
 * The periodic safety net, run by every app instance: queues again the running imports that made
 * no progress for a while (enqueueing twice is harmless: one job per import waits, and batches
 * lock the import), and gives up the uploads abandoned long ago.
 */
export async function resumeContactImports(ctx: { db: Queryable; jobs: ContactImportJobs }): Promise<{ resumed: string[]; abandoned: string[] }> {
  const resumed = (await listIdleImports(ctx.db, { status: "running", idleSeconds: IMPORT_IDLE_SECONDS })).map((i) => i.id);
  for (const id of resumed) await ctx.jobs.enqueueImport(id);
  const abandoned = (await listIdleImports(ctx.db, { status: "uploading", idleSeconds: UPLOAD_ABANDONED_SECONDS })).map((i) => i.id);
  for (const id of abandoned) await stopImport(ctx.db, { importId: id, onlyIf: ["uploading"] });
  return { resumed, abandoned };
}

/** Marks the import failed and drops its remaining rows, if it is (still) in one of `onlyIf`. */
async function stopImport(db: Queryable, { importId, onlyIf }: { importId: string; onlyIf: ContactImport["status"][] }): Promise<ContactImport> {
  return db.transaction(async (tx) => {
    const job = await lockImport(tx, { id: importId });
    if (!job) throw new DomainError("csv.errors.importNotFound");
    if (!onlyIf.includes(job.status)) return job;
    await deleteImportChunks(tx, { importId });
    return (await setImportStatus(tx, { id: importId, status: "failed" })) ?? job;
  });
}

/** The import preview: the first rows read exactly as the import will read them. */
export const previewImportInput = z.object({
  mapping: importMappingSchema,
  rows: z.array(fileRow).max(50),
});

export function previewImportRows(input: z.output<typeof previewImportInput>): ReadRow[] {
  const rows = input.rows.map((r) => readImportRow(input.mapping, r.row, r.cells));
  rejectRepeatsWithinBatch(rows);
  return rows;
}
