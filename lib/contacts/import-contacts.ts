import { z } from "zod";
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/types";
import { contacts, type ContactImport } from "@/db/schema";
import { findOrCreateAccountIds } from "@/db/queries/accounts";
import { findContactsByKeys, insertContactsSkippingDuplicates, type ContactValues } from "@/db/queries/contacts";
import { findImport, insertImport, insertRejections, lockImport, recordImportBatch, setImportStatus } from "@/db/queries/contacts-imports";
import { addGroupMembers, findGroupById } from "@/db/queries/groups";
import { DomainError } from "@/lib/errors";
import type { ContactsCtx } from "./manage-contacts";
import { createGroup } from "./manage-groups";
import { importMappingSchema, mappingProblem } from "./import-mapping";
import { readImportRow, rejectExisting, rejectRepeatsWithinBatch, type ReadRow } from "./import-rows";
import { IMPORT_BATCH_SIZE } from "./import-types";

/**
 * CSV import, driven by the browser: it parses the file (lib/contacts/csv.ts) and sends the rows
 * in batches of IMPORT_BATCH_SIZE (import-types.ts); the server validates, dedupes and inserts each batch in one
 * transaction with multi-row statements. The browser shows progress from each answer and stays
 * responsive; no request carries more than one batch (proxies limit request bodies to ~10 MB).
 */
/** Cells longer than this are not contact data. */
const MAX_CELL = 2000;

export type ImportProgress = Pick<
  ContactImport,
  "id" | "status" | "totalRows" | "processedRows" | "insertedRows" | "rejectedRows" | "lastRowNumber" | "groupId"
>;
const progressOf = (i: ContactImport): ImportProgress => ({
  id: i.id,
  status: i.status,
  totalRows: i.totalRows,
  processedRows: i.processedRows,
  insertedRows: i.insertedRows,
  rejectedRows: i.rejectedRows,
  lastRowNumber: i.lastRowNumber,
  groupId: i.groupId,
});

export const startImportInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  totalRows: z.coerce.number().int().min(1).max(2_000_000),
  mapping: importMappingSchema,
  /** Also add the imported contacts to this static group… */
  groupId: z.uuid().optional(),
  /** …or to a new static group of this name. */
  newGroupName: z.string().trim().max(120).optional(),
});

export async function startContactImport(ctx: ContactsCtx, input: z.output<typeof startImportInput>): Promise<ImportProgress> {
  const problem = mappingProblem(input.mapping);
  if (problem) throw new DomainError(problem);
  return ctx.db.transaction(async (tx) => {
    const groupId = await targetGroupId({ ...ctx, db: tx }, input);
    const job = await insertImport(tx, { fileName: input.fileName, mapping: input.mapping, groupId, totalRows: input.totalRows, createdBy: ctx.actor.id });
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

export const importRowsInput = z.object({
  importId: z.uuid(),
  rows: z
    .array(z.object({ row: z.number().int().min(1), cells: z.array(z.string().max(MAX_CELL)).max(200) }))
    .min(1)
    .max(IMPORT_BATCH_SIZE),
});

/**
 * Imports one batch. Rows must come in file order: a batch that starts at or before the last row
 * already imported is a repeat (a retry after a lost answer) and changes nothing.
 */
export async function importContactRows(ctx: ContactsCtx, input: z.output<typeof importRowsInput>): Promise<ImportProgress> {
  return ctx.db.transaction(async (tx) => {
    const job = await lockImport(tx, { id: input.importId });
    if (!job) throw new DomainError("csv.errors.importNotFound");
    if (job.status !== "running") throw new DomainError("csv.errors.importFinished");
    const first = input.rows[0]!.row;
    if (first <= job.lastRowNumber) return progressOf(job);

    const rows = input.rows.map((r) => readImportRow(job.mapping, r.row, r.cells));
    rejectRepeatsWithinBatch(rows);
    const candidates = () => rows.filter((r): r is ReadRow & { contact: NonNullable<ReadRow["contact"]> } => r.contact !== null);
    rejectExisting(
      rows,
      await findContactsByKeys(tx, {
        emails: candidates().flatMap((r) => (r.contact.email ? [r.contact.email] : [])),
        phones: candidates().flatMap((r) => (r.contact.mobilePhone ? [r.contact.mobilePhone] : [])),
      }),
    );
    const inserted = await insertCandidates(tx, candidates(), ctx.actor.id);
    // A row the insert skipped lost a race with another import or form: it exists now.
    rejectExisting(
      rows,
      candidates().filter((r) => !inserted.rows.has(r)).map((r) => r.contact),
    );
    if (job.groupId && inserted.ids.length > 0) await addGroupMembers(tx, { groupId: job.groupId, where: inArray(contacts.id, inserted.ids) });
    const rejected = rows.filter((r) => r.contact === null);
    await insertRejections(
      tx,
      rejected.map((r) => ({ importId: job.id, rowNumber: r.row, problems: r.problems, cells: r.cells })),
    );
    const updated = await recordImportBatch(tx, {
      id: job.id,
      processed: rows.length,
      inserted: inserted.ids.length,
      rejected: rejected.length,
      lastRowNumber: input.rows.at(-1)!.row,
    });
    return progressOf(updated);
  });
}

/** Creates the batch's accounts, then inserts its contacts in one statement. */
async function insertCandidates(db: Queryable, rows: (ReadRow & { contact: NonNullable<ReadRow["contact"]> })[], actorId: string) {
  const accountIds = await findOrCreateAccountIds(db, {
    names: rows.flatMap((r) => (r.contact.accountName ? [r.contact.accountName] : [])),
    createdBy: actorId,
  });
  const values: ContactValues[] = rows.map(({ contact: { accountName, ...fields } }) => ({
    ...fields,
    accountId: accountName ? (accountIds.get(accountName.toLowerCase()) ?? null) : null,
    createdBy: actorId,
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

/** Marks the import done (all rows sent) or failed (the browser gave up). */
export async function finishContactImport(ctx: ContactsCtx, { importId, failed = false }: { importId: string; failed?: boolean }): Promise<ImportProgress> {
  const job = await findImport(ctx.db, { id: importId });
  if (!job) throw new DomainError("csv.errors.importNotFound");
  if (job.status !== "running") return progressOf(job);
  const updated = await setImportStatus(ctx.db, { id: importId, status: failed ? "failed" : "done" });
  return progressOf(updated ?? job);
}

/** The import preview: the first rows read exactly as the import will read them. */
export const previewImportInput = z.object({
  mapping: importMappingSchema,
  rows: z.array(z.object({ row: z.number().int().min(1), cells: z.array(z.string().max(MAX_CELL)).max(200) })).max(50),
});

export function previewImportRows(input: z.output<typeof previewImportInput>): ReadRow[] {
  const rows = input.rows.map((r) => readImportRow(input.mapping, r.row, r.cells));
  rejectRepeatsWithinBatch(rows);
  return rows;
}
