import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { contacts, mailingRecipients } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { insertAudience, listAudienceTargets, type AudienceTarget } from "@/db/queries/audience";
import { countExclusions, countRecipients, deleteRecipients, insertEvent } from "@/db/queries/mailings";
import { countTallied } from "@/db/queries/tallies";
import { contactFilterSchema } from "@/lib/contacts/filter";
import { contactsSpecCondition, contactsViewCondition, type ContactsView } from "@/lib/contacts/matching";
import { DomainError } from "@/lib/errors";
import { EDITABLE_STATUSES, lockDraft, type MailingCtx } from "./mailings";
import { RESPONSES, responseIn, type Response } from "./responses";
import { recipientsOfMailing } from "@/db/queries/recipient-ids";

/** Where new recipients come from: a group, an ad-hoc filter, picked contacts, or an earlier mailing's results. */
export const audienceSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("group"), groupId: z.uuid() }),
  z.object({ kind: z.literal("filter"), filter: contactFilterSchema }),
  z.object({ kind: z.literal("contacts"), contactIds: z.array(z.uuid()).min(1).max(10_000) }),
  z.object({ kind: z.literal("mailing"), mailingId: z.uuid(), responses: z.array(z.enum(RESPONSES)).min(1) }),
]);
export type AudienceSource = z.output<typeof audienceSource>;

/**
 * Sources the server builds itself and never parses from a request: the contacts table's current
 * view (group, account, column filters, search), read from its URL by the action.
 */
export type ImportSource = AudienceSource | { kind: "view"; view: ContactsView };

export type ImportResult = { matched: number; added: number; excluded: number; duplicates: number };

/** Which contacts a source names, as a condition on `contacts`: nothing is loaded into memory. */
async function contactsWhereOf(db: Queryable, source: ImportSource): Promise<SQL> {
  switch (source.kind) {
    case "group":
      return (await contactsSpecCondition(db, { groupId: source.groupId })) ?? sql`true`;
    case "filter":
      return (await contactsSpecCondition(db, { filter: source.filter })) ?? sql`true`;
    case "contacts":
      return (await contactsSpecCondition(db, { contactIds: source.contactIds })) ?? sql`false`;
    case "mailing":
      return sql`${contacts.id} in (select ${mailingRecipients.contactId} from ${mailingRecipients}
                 where ${and(recipientsOfMailing(source.mailingId), isNotNull(mailingRecipients.contactId), responseIn(source.responses as Response[]))})`;
    case "view":
      return (await contactsViewCondition(db, source.view)) ?? sql`true`;
  }
}

/**
 * Adds recipients to a draft mailing in one statement (see insertAudience) and records it in the
 * feed, in one transaction with the mailing row locked: an import cannot race with Send.
 */
export async function importAudience(ctx: MailingCtx, { mailingId, source }: { mailingId: string; source: ImportSource }): Promise<ImportResult> {
  return ctx.db.transaction(async (tx) => {
    const mailing = await lockDraft(tx, mailingId);
    const result = await insertAudience(tx, { mailingId, channel: mailing.channel, contactsWhere: await contactsWhereOf(tx, source) });
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

export type ImportReport = ImportResult & { excludedByReason: Record<string, number> };

/**
 * importAudience for a person pressing Import: also says why this import's contacts were kept out
 * ("+12 added, 3 excluded: no email 2, do-not-email 1"). The reasons are the difference of the
 * mailing's exclusion counts around the import, taken in one transaction that holds the mailing's
 * lock first, so no other import or removal can land in between. The lock also refuses a mailing
 * that is no longer a draft before anything is counted.
 */
export async function importAudienceWithReasons(ctx: MailingCtx, input: { mailingId: string; source: ImportSource }): Promise<ImportReport> {
  return ctx.db.transaction(async (tx) => {
    await lockDraft(tx, input.mailingId);
    const before = await countExclusions(tx, { mailingId: input.mailingId });
    const result = await importAudience({ ...ctx, db: tx }, input);
    const after = result.excluded > 0 ? await countExclusions(tx, { mailingId: input.mailingId }) : before;
    const excludedByReason = Object.fromEntries(
      Object.entries(after)
        .map(([reason, n]) => [reason, n - (before[reason] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
    return { ...result, excludedByReason };
  });
}

/** Drafts that contacts can still be added to, newest first: "Add to mailing" in the contacts table. */
export async function listImportTargets(db: Queryable, { search }: { search: string }): Promise<AudienceTarget[]> {
  return listAudienceTargets(db, { statuses: EDITABLE_STATUSES, search, limit: 50 });
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
  const [total, byReason, pending] = await Promise.all([
    countRecipients(db, { mailingId }),
    countExclusions(db, { mailingId }),
    countTallied(db, { mailingId, state: "pending" }),
  ]);
  if (total === 0 && !Object.keys(byReason).length) return { total: 0, willReceive: 0, excluded: 0, byReason: {} };
  const excluded = Object.values(byReason).reduce((a, b) => a + b, 0);
  return { total, willReceive: pending, excluded, byReason };
}

export function assertAudienceNotEmpty(p: Preflight) {
  if (p.willReceive === 0) throw new DomainError("mailings.errors.emptyAudience");
}
