import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { mailingRecipients } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { insertAudience } from "@/db/queries/audience";
import { countExclusions, countRecipients, deleteRecipients, insertEvent } from "@/db/queries/mailings";
import { contactFilterSchema } from "@/lib/contacts/filter";
import { contactsMatchingQuery } from "@/lib/contacts/matching";
import { DomainError } from "@/lib/errors";
import { lockDraft, type MailingCtx } from "./mailings";
import { RESPONSES, responseIn, type Response } from "./responses";

/** Where new recipients come from: a group, an ad-hoc filter, picked contacts, or an earlier mailing's results. */
export const audienceSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("group"), groupId: z.uuid() }),
  z.object({ kind: z.literal("filter"), filter: contactFilterSchema }),
  z.object({ kind: z.literal("contacts"), contactIds: z.array(z.uuid()).min(1).max(10_000) }),
  z.object({ kind: z.literal("mailing"), mailingId: z.uuid(), responses: z.array(z.enum(RESPONSES)).min(1) }),
]);
export type AudienceSource = z.output<typeof audienceSource>;

export type ImportResult = { matched: number; added: number; excluded: number; duplicates: number };

/** The contact ids of a source, as a subquery: nothing is loaded into memory. */
async function contactIdsOf(db: Queryable, source: AudienceSource): Promise<SQL> {
  switch (source.kind) {
    case "group":
      return contactsMatchingQuery(db, { groupId: source.groupId });
    case "filter":
      return contactsMatchingQuery(db, { filter: source.filter });
    case "contacts":
      return contactsMatchingQuery(db, { contactIds: source.contactIds });
    case "mailing":
      return sql`select ${mailingRecipients.contactId} from ${mailingRecipients}
                 where ${and(eq(mailingRecipients.mailingId, source.mailingId), isNotNull(mailingRecipients.contactId), responseIn(source.responses as Response[]))}`;
  }
}

/**
 * Adds recipients to a draft mailing in one statement (see insertAudience) and records it in the
 * feed, in one transaction with the mailing row locked: an import cannot race with Send.
 */
export async function importAudience(ctx: MailingCtx, { mailingId, source }: { mailingId: string; source: AudienceSource }): Promise<ImportResult> {
  return ctx.db.transaction(async (tx) => {
    const mailing = await lockDraft(tx, mailingId);
    const result = await insertAudience(tx, { mailingId, channel: mailing.channel, contactIds: await contactIdsOf(tx, source) });
    const duplicates = result.matched - result.added - result.excluded;
    await insertEvent(tx, {
      mailingId,
      kind: "audience_imported",
      actorId: ctx.actor.id,
      data: { source: source.kind, added: result.added, excluded: result.excluded, duplicates },
    });
    return { ...result, duplicates };
  });
}

export const removeRecipientsInput = z.object({
  mailingId: z.uuid(),
  ids: z.union([z.literal("all"), z.array(z.coerce.number().int().positive()).min(1).max(1000)]),
});

export async function removeRecipients(ctx: MailingCtx, input: z.output<typeof removeRecipientsInput>): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await lockDraft(tx, input.mailingId);
    const removed = await deleteRecipients(tx, { mailingId: input.mailingId, ids: input.ids });
    if (removed > 0) await insertEvent(tx, { mailingId: input.mailingId, kind: "audience_removed", actorId: ctx.actor.id, data: { removed } });
    return removed;
  });
}

export type Preflight = { total: number; willReceive: number; excluded: number; byReason: Record<string, number> };

/** "N will receive, M excluded: no phone 3, do-not-SMS 1 …" — shown before anything is sent. */
export async function getPreflight(db: MailingCtx["db"], { mailingId }: { mailingId: string }): Promise<Preflight> {
  const [total, byReason, [pending]] = await Promise.all([
    countRecipients(db, { mailingId }),
    countExclusions(db, { mailingId }),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(mailingRecipients)
      .where(and(eq(mailingRecipients.mailingId, mailingId), eq(mailingRecipients.state, "pending"))),
  ]);
  if (total === 0 && !Object.keys(byReason).length) return { total: 0, willReceive: 0, excluded: 0, byReason: {} };
  const excluded = Object.values(byReason).reduce((a, b) => a + b, 0);
  return { total, willReceive: pending?.n ?? 0, excluded, byReason };
}

export function assertAudienceNotEmpty(p: Preflight) {
  if (p.willReceive === 0) throw new DomainError("mailings.errors.emptyAudience");
}
