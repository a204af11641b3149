import { and, asc, count, desc, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../types";
import { containsPattern } from "@/lib/contacts/like-pattern";
import { esputnikMessages, mailings, type Channel, type EsputnikMessage } from "../schema";

export type MessageListQuery = { search?: string; channel?: Channel; page: number; pageSize: number };

function messageFilter(q: { search?: string; channel?: Channel }): SQL | undefined {
  const conditions: SQL[] = [];
  if (q.channel) conditions.push(eq(esputnikMessages.channel, q.channel));
  const search = q.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    const byId = /^\d{1,9}$/.test(search) ? eq(esputnikMessages.esputnikId, Number(search)) : undefined;
    conditions.push(or(ilike(esputnikMessages.name, pattern), ilike(esputnikMessages.description, pattern), byId)!);
  }
  return conditions.length ? and(...conditions) : undefined;
}

export async function listMessages(db: Queryable, q: MessageListQuery): Promise<{ rows: EsputnikMessage[]; total: number }> {
  const where = messageFilter(q);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(esputnikMessages)
      .where(where)
      .orderBy(desc(esputnikMessages.updatedAt), asc(esputnikMessages.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(esputnikMessages).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function getMessage(db: Queryable, { id }: { id: string }): Promise<EsputnikMessage | undefined> {
  const [row] = await db.select().from(esputnikMessages).where(eq(esputnikMessages.id, id)).limit(1);
  return row;
}

export async function findMessageByEsputnikId(
  db: Queryable,
  { channel, esputnikId }: { channel: Channel; esputnikId: number },
): Promise<EsputnikMessage | undefined> {
  const [row] = await db
    .select()
    .from(esputnikMessages)
    .where(and(eq(esputnikMessages.channel, channel), eq(esputnikMessages.esputnikId, esputnikId)))
    .limit(1);
  return row;
}

export type MessageValues = Pick<EsputnikMessage, "name" | "esputnikId" | "channel" | "description" | "notes">;

export async function insertMessage(db: Queryable, values: MessageValues & { createdBy: string | null }): Promise<EsputnikMessage> {
  const [row] = await db.insert(esputnikMessages).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateMessageRow(db: Queryable, { id, values }: { id: string; values: MessageValues }): Promise<EsputnikMessage | undefined> {
  const [row] = await db
    .update(esputnikMessages)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(esputnikMessages.id, id))
    .returning();
  return row;
}

/** Mailings that use the message; `pastDraft`: only those whose sending has begun (their history names it). */
export async function countMailingsUsingMessage(db: Queryable, { id, pastDraft = false }: { id: string; pastDraft?: boolean }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mailings)
    .where(and(eq(mailings.messageId, id), pastDraft ? ne(mailings.status, "draft") : undefined));
  return row?.n ?? 0;
}

/** The message row, locked for the rest of the transaction (an edit or delete against a mailing picking it). */
export async function lockMessage(tx: Queryable, { id }: { id: string }): Promise<EsputnikMessage | undefined> {
  const [row] = await tx.select().from(esputnikMessages).where(eq(esputnikMessages.id, id)).for("update");
  return row;
}

export async function deleteMessageRow(db: Queryable, { id }: { id: string }): Promise<void> {
  await db.delete(esputnikMessages).where(eq(esputnikMessages.id, id));
}
