import { asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../types";
import { contactImportRejections, contactImports, type ContactImport, type ContactImportRejection } from "../schema";

export async function insertImport(
  db: Queryable,
  values: Pick<ContactImport, "fileName" | "mapping" | "groupId" | "totalRows" | "createdBy">,
): Promise<ContactImport> {
  const [row] = await db.insert(contactImports).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findImport(db: Queryable, { id }: { id: string }): Promise<ContactImport | undefined> {
  const [row] = await db.select().from(contactImports).where(eq(contactImports.id, id)).limit(1);
  return row;
}

/** Locks the import for one batch: two batches of the same import never run at once. */
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
      updatedAt: sql`now()`,
    })
    .where(eq(contactImports.id, id))
    .returning();
  if (!row) throw new Error("import vanished");
  return row;
}

export async function setImportStatus(db: Queryable, { id, status }: { id: string; status: ContactImport["status"] }): Promise<ContactImport | undefined> {
  const [row] = await db
    .update(contactImports)
    .set({ status, updatedAt: sql`now()`, finishedAt: status === "running" ? null : sql`now()` })
    .where(eq(contactImports.id, id))
    .returning();
  return row;
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
