import { and, desc, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../types";
import { contacts, mailingRecipients, mailings, type Channel, type MailingStatus } from "../schema";
import { executeRows } from "../execute";
import { containsPattern } from "@/lib/contacts/like-pattern";

/**
 * Adds contacts to a mailing's audience in ONE set-based statement, whatever their number:
 * `contactIds` is a subquery of contact ids (a group, a filter, a selection, an earlier mailing).
 * Each contact's address for the channel is copied, and a contact that cannot receive the
 * channel is stored as `excluded` with its reason, for the pre-flight summary.
 *
 * "Added once": a contact already in the audience is skipped, and so is an address already in it
 * from another contact (an address moves between contacts when one is edited). Within one import
 * no two contacts share an address — contacts' emails and phones are unique — so these two
 * anti-joins are all the dedupe there is to do, and the rows go in as a plain INSERT: no sort, no
 * ON CONFLICT, whose speculative insertion cost a sixth of a large import. Callers hold the
 * mailing's row lock, so no other import runs between the check and the insert; were one to, the
 * unique indexes on (mailing, contact) and (mailing, address) would refuse it rather than add
 * anyone twice.
 */
export async function insertAudience(
  db: Queryable,
  { mailingId, channel, contactIds }: { mailingId: string; channel: Channel; contactIds: SQL },
): Promise<{ matched: number; added: number; excluded: number }> {
  const c = contacts;
  const locator = channel === "email" ? sql`${c.email}` : sql`${c.mobilePhone}`;
  const reason =
    channel === "email"
      ? sql`case when ${c.email} is null then 'no_email' when ${c.doNotUseEmail} then 'do_not_email' when ${c.emailInvalid} then 'email_invalid' end`
      : sql`case when ${c.mobilePhone} is null then 'no_phone' when ${c.doNotUseSms} then 'do_not_sms' end`;
  const r = mailingRecipients;
  const [row] = await executeRows<{ matched: number; added: number; excluded: number }>(
    db,
    sql`with source as (
          select ${c.id} as contact_id, ${c.fullName} as full_name, ${c.email} as email, ${c.mobilePhone} as phone,
                 ${c.language} as language, ${locator} as locator, ${reason} as reason
          from ${c}
          where ${c.id} in (${contactIds})
        ),
        inserted as (
          insert into ${r} (mailing_id, contact_id, full_name, email, phone, language, locator, state, exclusion_reason)
          select ${mailingId}::uuid, contact_id, full_name, email, phone, language, locator,
                 (case when reason is null then 'pending' else 'excluded' end)::recipient_state,
                 reason::exclusion_reason
          from source
          where not exists (select 1 from ${r} existing where existing.mailing_id = ${mailingId}::uuid and existing.contact_id = source.contact_id)
            and not exists (select 1 from ${r} existing where existing.mailing_id = ${mailingId}::uuid and existing.locator = source.locator)
          returning state
        )
        select (select count(*)::int from source) as matched,
               (select count(*)::int from inserted where state = 'pending') as added,
               (select count(*)::int from inserted where state = 'excluded') as excluded`,
  );
  return { matched: Number(row?.matched ?? 0), added: Number(row?.added ?? 0), excluded: Number(row?.excluded ?? 0) };
}

export type AudienceTarget = { id: string; name: string; channel: Channel };

/**
 * Mailings whose audience may still receive contacts (the caller says which statuses those are),
 * newest first, optionally narrowed by name: the choice behind "Add to mailing" in the contacts
 * table. No recipient counts — a draft may already hold a million rows.
 */
export async function listAudienceTargets(
  db: Queryable,
  { statuses, search, limit }: { statuses: readonly MailingStatus[]; search: string; limit: number },
): Promise<AudienceTarget[]> {
  return db
    .select({ id: mailings.id, name: mailings.name, channel: mailings.channel })
    .from(mailings)
    .where(and(inArray(mailings.status, [...statuses]), search ? ilike(mailings.name, containsPattern(search)) : undefined))
    .orderBy(desc(mailings.createdAt), desc(mailings.id))
    .limit(limit);
}
