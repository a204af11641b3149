import { and, asc, desc, eq, gt, inArray, lt, lte, sql } from "drizzle-orm";
import type { Queryable } from "../types";
import { contactImportChunks, contactImportRejections, contactImports, type ContactImport, type ContactImportRejection, type ImportFileRow } from "../schema";

export async function insertImport(
  db: Queryable,
  values: Pick<ContactImport, "fileName" | "mapping" | "groupId" | "totalRows" | "createdBy" | "status">,
): Promise<ContactImport> {
  const [row] = await db.insert(contactImports).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findImport(db: Queryable, { id }: { id: string }): Promise<ContactImport | undefined> {
  const [row] = await db.select().from(contactImports).where(eq(contactImports.id, id)).limit(1);
  return row;
}

/** Locks the import for one batch or upload: two batches of the same import never run at once. */
export async function lockImport(db: Queryable, { id }: { id: string }): Promise<ContactImport | undefined> {
  const [row] = await db.select().from(contactImports).where(eq(contactImports.id, id)).for("update").limit(1);
  return row;
}

export async function recordImportBatch(
  db: Queryable,
  { id, processed, inserted, rejected, lastRowNumber }: { id: string; processed: number; inserted: number; rejected: number; lastRowNumber: number },
): Promise<ContactImport> {
  const [row] = await db
    .update(contactImports)
    .set({
      processedRows: sql`${contactImports.processedRows} + ${processed}`,
      insertedRows: sql`${contactImports.insertedRows} + ${inserted}`,
      rejectedRows: sql`${contactImports.rejectedRows} + ${rejected}`,
      lastRowNumber,
      failedRuns: 0,
      lastError: null,
      updatedAt: sql`now()`,
    })
    .where(eq(contactImports.id, id))
    .returning();
  if (!row) throw new Error("import vanished");
  return row;
}

/** One more job run ended in `error`; returns the import as it now is. */
export async function recordImportFailure(db: Queryable, { id, error }: { id: string; error: string }): Promise<ContactImport | undefined> {
  const [row] = await db
    .update(contactImports)
    .set({ failedRuns: sql`${contactImports.failedRuns} + 1`, lastError: error.slice(0, 2000), updatedAt: sql`now()` })
    .where(eq(contactImports.id, id))
    .returning();
  return row;
}

/** A new status; `updatedAt` moves too, so "no news for a while" can be told from it. */
export async function setImportStatus(db: Queryable, { id, status }: { id: string; status: ContactImport["status"] }): Promise<ContactImport | undefined> {
  const finished = status === "done" || status === "failed";
  const [row] = await db
    .update(contactImports)
    .set({ status, updatedAt: sql`now()`, finishedAt: finished ? sql`now()` : null })
    .where(eq(contactImports.id, id))
    .returning();
  return row;
}

/** Stores an uploaded chunk; one already there (an upload retried after a lost answer) is kept as it was. */
export async function insertImportChunk(db: Queryable, { importId, rows }: { importId: string; rows: ImportFileRow[] }): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(contactImportChunks)
    .values({ importId, firstRowNumber: rows[0]!.row, lastRowNumber: rows.at(-1)!.row, rowCount: rows.length, rows })
    .onConflictDoNothing();
  await db.update(contactImports).set({ updatedAt: sql`now()` }).where(eq(contactImports.id, importId));
}

export async function countUploadedRows(db: Queryable, { importId }: { importId: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${contactImportChunks.rowCount}), 0)::int` })
    .from(contactImportChunks)
    .where(eq(contactImportChunks.importId, importId));
  return row?.n ?? 0;
}

/** Up to `limit` uploaded rows after `afterRow`, in file order, from as many chunks as it takes. */
export async function listUploadedRowsAfter(
  db: Queryable,
  { importId, afterRow, limit }: { importId: string; afterRow: number; limit: number },
): Promise<ImportFileRow[]> {
  const out: ImportFileRow[] = [];
  for (let from = afterRow; out.length < limit; ) {
    const [chunk] = await db
      .select({ lastRowNumber: contactImportChunks.lastRowNumber, rows: contactImportChunks.rows })
      .from(contactImportChunks)
      .where(and(eq(contactImportChunks.importId, importId), gt(contactImportChunks.lastRowNumber, from)))
      .orderBy(asc(contactImportChunks.firstRowNumber))
      .limit(1);
    if (!chunk) break;
    // Strictly ascending, so that even overlapping chunks (a confused client) give each row once.
    for (const r of chunk.rows) if (out.length < limit && r.row > (out.at(-1)?.row ?? afterRow)) out.push(r);
    from = chunk.lastRowNumber;
  }
  return out;
}

/** Chunks whose rows are all imported (up to `upToRow`), or all of them. */
export async function deleteImportChunks(db: Queryable, { importId, upToRow }: { importId: string; upToRow?: number }): Promise<void> {
  await db
    .delete(contactImportChunks)
    .where(and(eq(contactImportChunks.importId, importId), upToRow === undefined ? undefined : lte(contactImportChunks.lastRowNumber, upToRow)));
}

/** Imports in `status` with no news (no batch, no upload) for `idleSeconds`. */
export async function listIdleImports(
  db: Queryable,
  { status, idleSeconds }: { status: ContactImport["status"]; idleSeconds: number },
): Promise<Pick<ContactImport, "id">[]> {
  return db
    .select({ id: contactImports.id })
    .from(contactImports)
    .where(and(eq(contactImports.status, status), lt(contactImports.updatedAt, sql`now() - ${idleSeconds}::int * interval '1 second'`)));
}

export async function insertRejections(db: Queryable, rows: ContactImportRejection[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(contactImportRejections).values(rows).onConflictDoNothing();
}

export async function listRejections(
  db: Queryable,
  { importId, offset, limit }: { importId: string; offset: number; limit: number },
): Promise<ContactImportRejection[]> {
  return db
    .select()
    .from(contactImportRejections)
    .where(eq(contactImportRejections.importId, importId))
    .orderBy(asc(contactImportRejections.rowNumber))
    .offset(offset)
    .limit(limit);
}

export async function listRecentImports(db: Queryable, { limit }: { limit: number }): Promise<ContactImport[]> {
  return db.select().from(contactImports).orderBy(desc(contactImports.createdAt)).limit(limit);
}

/** Imports still in progress (uploading or running), newest first: the import page lists them. */
export async function listUnfinishedImports(db: Queryable): Promise<ContactImport[]> {
  return db
    .select()
    .from(contactImports)
    .where(inArray(contactImports.status, ["uploading", "running"]))
    .orderBy(desc(contactImports.createdAt));
}
