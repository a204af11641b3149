import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable, Tx } from "../types";
import { executeRows } from "../execute";
import {
  esputnikMessages,
  mailingEvents,
  mailingFiles,
  mailingRecipients,
  mailings,
  users,
  type Channel,
  type Mailing,
  type MailingStatus,
} from "../schema";
import { responseIn, responseSql, type Response } from "@/lib/mailings/responses";
import { audienceTally, countResponsesOfMailings, countTallied, countTalliedExclusions, countTalliedResponses, deleteTallies } from "./tallies";
import { containsPattern } from "@/lib/contacts/like-pattern";
import { addDays, type Day } from "@/lib/dashboards/period";
import { kyivDayStart } from "./dashboard";
import { recipientsOfMailing } from "./recipient-ids";


/** Recipients that count as the mailing's audience ("Кількість контактів"): everyone not excluded. */
export const audienceCount = (mailingId: SQL | typeof mailings.id) => audienceTally(sql`${mailingId}`);

export type MailingListFilter = {
  search?: string;
  status?: MailingStatus;
  channel?: Channel;
  createdBy?: string;
  messageId?: string;
  /** Creation days (YYYY-MM-DD, inclusive), in Kyiv time like the dashboards that link here. */
  from?: Day;
  to?: Day;
};
export type MailingSort = "name" | "createdAt" | "sentAt" | "status";
export type MailingListItem = {
  id: string;
  name: string;
  channel: Channel;
  status: MailingStatus;
  messageName: string | null;
  contactCount: number;
  sentAt: Date | null;
  createdAt: Date;
  createdByName: string | null;
};

function mailingWhere(f: MailingListFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.status) c.push(eq(mailings.status, f.status));
  if (f.channel) c.push(eq(mailings.channel, f.channel));
  if (f.createdBy) c.push(eq(mailings.createdBy, f.createdBy));
  if (f.messageId) c.push(eq(mailings.messageId, f.messageId));
  if (f.from) c.push(gte(mailings.createdAt, kyivDayStart(f.from)));
  if (f.to) c.push(lt(mailings.createdAt, kyivDayStart(addDays(f.to, 1))));
  const s = f.search?.trim();
  if (s) c.push(or(ilike(mailings.name, containsPattern(s)), ilike(mailings.esputnikGroup, containsPattern(s)))!);
  return c.length ? and(...c) : undefined;
}

export async function listMailings(
  db: Queryable,
  q: { filter: MailingListFilter; sort: MailingSort; dir: "asc" | "desc"; page: number; pageSize: number },
): Promise<{ rows: MailingListItem[]; total: number }> {
  const where = mailingWhere(q.filter);
  const sortColumn = { name: mailings.name, createdAt: mailings.createdAt, sentAt: mailings.sentAt, status: mailings.status }[q.sort];
  const order = q.dir === "asc" ? asc(sortColumn) : sql`${sortColumn} desc nulls last`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: mailings.id,
        name: mailings.name,
        channel: mailings.channel,
        status: mailings.status,
        messageName: esputnikMessages.name,
        contactCount: audienceCount(mailings.id),
        sentAt: mailings.sentAt,
        createdAt: mailings.createdAt,
        createdByName: users.name,
      })
      .from(mailings)
      .leftJoin(esputnikMessages, eq(esputnikMessages.id, mailings.messageId))
      .leftJoin(users, eq(users.id, mailings.createdBy))
      .where(where)
      .orderBy(order, desc(mailings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(mailings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type MailingDetail = Mailing & {
  messageName: string | null;
  messageEsputnikId: number | null;
  createdByName: string | null;
  sendRequestedByName: string | null;
  parentName: string | null;
  contactCount: number;
};

export async function getMailing(db: Queryable, { id }: { id: string }): Promise<MailingDetail | undefined> {
  const creator = alias(users, "creator");
  const sender = alias(users, "sender");
  const parent = alias(mailings, "parent");
  const [row] = await db
    .select({
      mailing: mailings,
      messageName: esputnikMessages.name,
      messageEsputnikId: esputnikMessages.esputnikId,
      createdByName: creator.name,
      sendRequestedByName: sender.name,
      parentName: parent.name,
      contactCount: audienceCount(mailings.id),
    })
    .from(mailings)
    .leftJoin(esputnikMessages, eq(esputnikMessages.id, mailings.messageId))
    .leftJoin(creator, eq(creator.id, mailings.createdBy))
    .leftJoin(sender, eq(sender.id, mailings.sendRequestedBy))
    .leftJoin(parent, eq(parent.id, mailings.parentId))
    .where(eq(mailings.id, id))
    .limit(1);
  if (!row) return undefined;
  const { mailing, ...rest } = row;
  return { ...mailing, ...rest };
}

/** Locks the mailing row for the rest of the transaction: state checks and writes cannot interleave. */
export async function lockMailing(tx: Queryable, { id }: { id: string }): Promise<Mailing | undefined> {
  const [row] = await tx.select().from(mailings).where(eq(mailings.id, id)).for("update");
  return row;
}

export async function insertMailing(db: Queryable, values: typeof mailings.$inferInsert): Promise<Mailing> {
  const [row] = await db.insert(mailings).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateMailingRow(db: Queryable, { id, patch }: { id: string; patch: Partial<typeof mailings.$inferInsert> }): Promise<void> {
  await db
    .update(mailings)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(mailings.id, id));
}

/** Deletes a mailing with its recipients and their counts (the recipients have no cascading key: see the schema). */
export async function deleteMailingRow(tx: Tx, { id }: { id: string }): Promise<void> {
  await tx.delete(mailingRecipients).where(recipientsOfMailing(id));
  await deleteTallies(tx, { mailingId: id });
  await tx.delete(mailings).where(eq(mailings.id, id));
}

export type RecipientRow = {
  id: number;
  contactId: string | null;
  fullName: string;
  email: string | null;
  phone: string | null;
  response: Response;
  exclusionReason: string | null;
  rejectReason: string | null;
  esputnikStatus: string | null;
  statusAt: Date | null;
  done: boolean;
};

export async function listRecipients(
  db: Queryable,
  q: { mailingId: string; responses?: Response[]; search?: string; page: number; pageSize: number },
): Promise<{ rows: RecipientRow[]; total: number }> {
  const c: SQL[] = [recipientsOfMailing(q.mailingId)];
  if (q.responses?.length) c.push(responseIn(q.responses));
  const s = q.search?.trim();
  if (s) {
    const p = containsPattern(s);
    c.push(or(ilike(mailingRecipients.fullName, p), ilike(mailingRecipients.email, p), ilike(mailingRecipients.phone, p))!);
  }
  const where = and(...c);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: mailingRecipients.id,
        contactId: mailingRecipients.contactId,
        fullName: mailingRecipients.fullName,
        email: mailingRecipients.email,
        phone: mailingRecipients.phone,
        response: responseSql(),
        exclusionReason: mailingRecipients.exclusionReason,
        rejectReason: mailingRecipients.rejectReason,
        esputnikStatus: mailingRecipients.esputnikStatus,
        statusAt: mailingRecipients.statusAt,
        done: mailingRecipients.done,
      })
      .from(mailingRecipients)
      .where(where)
      .orderBy(asc(mailingRecipients.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    // Without a search the total comes from the tallies: counting a million rows per page view would not.
    s ? db.select({ n: count() }).from(mailingRecipients).where(where) : countTalliedResponses(db, q).then((n) => [{ n }]),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Counts per response, in one pass over the mailing's recipient rows. */
/** The mailing's recipients per response, from the tallies (one short GROUP BY at any audience size). */
export async function countResponses(db: Queryable, { mailingId }: { mailingId: string }): Promise<Record<Response, number>> {
  return (await countResponsesOfMailings(db, { mailingIds: [mailingId] })).get(mailingId)!;
}

export async function countRecipients(db: Queryable, { mailingId }: { mailingId: string }): Promise<number> {
  return countTallied(db, { mailingId });
}

/** How many recipients were kept out, per reason (the pre-flight summary). */
export async function countExclusions(db: Queryable, { mailingId }: { mailingId: string }): Promise<Record<string, number>> {
  return countTalliedExclusions(db, { mailingId });
}

export async function deleteRecipients(
  db: Queryable,
  { mailingId, ids }: { mailingId: string; ids: number[] | "all" },
): Promise<number> {
  const where =
    ids === "all"
      ? recipientsOfMailing(mailingId)
      : and(recipientsOfMailing(mailingId), inArray(mailingRecipients.id, ids));
  // Counted in the database: "all" may be a million rows, whose ids the caller does not need.
  const [row] = await executeRows<{ removed: number }>(
    db,
    sql`with removed as (delete from ${mailingRecipients} where ${where} returning 1) select count(*)::int as removed from removed`,
  );
  return Number(row?.removed ?? 0);
}

export async function insertEvent(db: Queryable, values: typeof mailingEvents.$inferInsert): Promise<void> {
  await db.insert(mailingEvents).values(values);
}

export type FeedItem = { id: number; kind: string; text: string; data: Record<string, unknown>; createdAt: Date; actorName: string | null };

export async function listFeed(db: Queryable, { mailingId, limit }: { mailingId: string; limit: number }): Promise<FeedItem[]> {
  return db
    .select({
      id: mailingEvents.id,
      kind: mailingEvents.kind,
      text: mailingEvents.text,
      data: mailingEvents.data,
      createdAt: mailingEvents.createdAt,
      actorName: users.name,
    })
    .from(mailingEvents)
    .leftJoin(users, eq(users.id, mailingEvents.actorId))
    .where(eq(mailingEvents.mailingId, mailingId))
    .orderBy(desc(mailingEvents.createdAt), desc(mailingEvents.id))
    .limit(limit);
}

export type FileItem = { id: string; name: string; mimeType: string; size: number; createdAt: Date; createdByName: string | null };

export async function listFiles(db: Queryable, { mailingId }: { mailingId: string }): Promise<FileItem[]> {
  return db
    .select({
      id: mailingFiles.id,
      name: mailingFiles.name,
      mimeType: mailingFiles.mimeType,
      size: mailingFiles.size,
      createdAt: mailingFiles.createdAt,
      createdByName: users.name,
    })
    .from(mailingFiles)
    .leftJoin(users, eq(users.id, mailingFiles.createdBy))
    .where(eq(mailingFiles.mailingId, mailingId))
    .orderBy(desc(mailingFiles.createdAt));
}

export async function getFile(db: Queryable, { mailingId, fileId }: { mailingId: string; fileId: string }) {
  const [row] = await db
    .select()
    .from(mailingFiles)
    .where(and(eq(mailingFiles.id, fileId), eq(mailingFiles.mailingId, mailingId)))
    .limit(1);
  return row;
}

export async function insertFile(db: Queryable, values: typeof mailingFiles.$inferInsert): Promise<{ id: string }> {
  const [row] = await db.insert(mailingFiles).values(values).returning({ id: mailingFiles.id });
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Deletes a mailing's file; its name, or null when the mailing has no such file. */
export async function deleteFileRow(db: Queryable, { mailingId, fileId }: { mailingId: string; fileId: string }): Promise<{ name: string } | null> {
  const [row] = await db
    .delete(mailingFiles)
    .where(and(eq(mailingFiles.id, fileId), eq(mailingFiles.mailingId, mailingId)))
    .returning({ name: mailingFiles.name });
  return row ?? null;
}

export async function listCreators(db: Queryable): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(mailings, eq(mailings.createdBy, users.id))
    .orderBy(asc(users.name));
}
