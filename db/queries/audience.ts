import { and, desc, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../types";
import { contacts, mailingRecipients, mailings, type Channel, type MailingStatus } from "../schema";
import { executeRows } from "../execute";
import { containsPattern } from "@/lib/contacts/like-pattern";
import { lastTakenRecipientId, recipientsOfMailing, takeRecipientIds } from "./recipient-ids";

/**
 * Adds contacts to a mailing's audience in ONE set-based statement, whatever their number:
 * `contactsWhere` is a condition on `contacts` (a group's filter, a selection, an earlier
 * mailing's recipients), evaluated inline — not `id in (<subquery>)`, whose self-join cost a tenth
 * of a large import. Each contact's address for the channel is copied, and a contact that cannot
 * receive the channel is stored as `excluded` with its reason, for the pre-flight summary.
 *
 * "Added once": a contact already in the audience is skipped, and so is an address already in it
 * from another contact (an address moves between contacts when one is edited). Within one import
 * no two contacts share an address (contacts' emails and phones are unique), so the rows go in as
 * a plain INSERT — no sort, no ON CONFLICT, whose speculative insertion cost a sixth of a large
 * import — and into an empty audience (the usual first import) with nothing else to check.
 *
 * Callers hold the mailing's row lock (lockDraft), and every recipient row is written here, so no
 * other import runs between the check and the insert: the lock is what adds a contact and an
 * address once. Unique indexes on (mailing, contact) and (mailing, address) did the same at half
 * the cost of a large import (`npm run bench:audience-costs`). That nobody is sent to twice is
 * still enforced by the database, where sending happens: the send engine's claim takes each
 * address in mailing_send_addresses (db/queries/sending.ts claimRecipients).
 */
export async function insertAudience(
  db: Queryable,
  { mailingId, channel, contactsWhere }: { mailingId: string; channel: Channel; contactsWhere: SQL },
): Promise<{ matched: number; added: number; excluded: number }> {
  const c = contacts;
  const r = mailingRecipients;
  const locator = channel === "email" ? sql`${c.email}` : sql`${c.mobilePhone}`;
  const reason =
    channel === "email"
      ? sql`case when ${c.email} is null then 'no_email' when ${c.doNotUseEmail} then 'do_not_email' when ${c.emailInvalid} then 'email_invalid' end`
      : sql`case when ${c.mobilePhone} is null then 'no_phone' when ${c.doNotUseSms} then 'do_not_sms' end`;
  const [audience] = await executeRows<{ nonEmpty: boolean }>(
    db,
    sql`select exists (select 1 from ${r} where ${recipientsOfMailing(mailingId)}) as "nonEmpty"`,
  );
  const nonEmpty = Boolean(audience?.nonEmpty);
  const source = sql`select ${c.id} as contact_id, ${c.fullName} as full_name, ${c.email} as email, ${c.mobilePhone} as phone,
                           ${c.language} as language, ${locator} as locator, ${reason} as reason
                    from ${c} where ${contactsWhere}`;
  // Ids continue the mailing's block (db/schema/mailings.ts RECIPIENT_ID_BLOCK) in the order rows
  // are inserted; takeRecipientIds records them below, under the same lock.
  const insert = (from: SQL) => sql`insert into ${r} (id, mailing_id, contact_id, full_name, email, phone, language, locator, state, exclusion_reason)
    select ${lastTakenRecipientId(mailingId)} + row_number() over (), ${mailingId}::uuid, contact_id, full_name, email, phone, language, locator,
           (case when reason is null then 'pending' else 'excluded' end)::recipient_state, reason::exclusion_reason
    from ${from}
    returning state`;
  const counts = sql`count(*) filter (where state = 'pending')::int as added, count(*) filter (where state = 'excluded')::int as excluded`;
  // Into an empty audience everyone matched is inserted, so the insert's own count is the match
  // count and the contacts stream straight into it. Otherwise the matches are counted apart from
  // what is inserted (the rest are duplicates), which holds them in a CTE.
  const statement = nonEmpty
    ? sql`with source as (${source}),
            present as (select ${r.contactId} as contact_id, ${r.locator} as locator from ${r} where ${recipientsOfMailing(mailingId)}),
            inserted as (${insert(sql`source
              where not exists (select 1 from present where present.contact_id = source.contact_id)
                and not exists (select 1 from present where present.locator = source.locator)`)})
          select (select count(*)::int from source) as matched, ${counts} from inserted`
    : sql`with inserted as (${insert(sql`(${source}) as source`)})
          select count(*)::int as matched, ${counts} from inserted`;
  // With no index on (mailing, contact), a nested-loop anti-join would rescan the audience once per
  // new contact — quadratic, and the planner picks it when its statistics still see the audience
  // small (right after an earlier import). Hash or merge joins read the audience once. The setting
  // covers the whole statement, so a source that joins (a static group's members) is hashed too: a
  // scan of the contacts, linear, where a handful of members could have been looked up one by one.
  // Only imports into an audience that already has rows pay it.
  if (nonEmpty) await db.execute(sql`set local enable_nestloop = off`);
  // The statement trigger's transition table (mailing_recipient_tallies) and the counted rows hold
  // every inserted row: with the default 4 MB they spill to temporary files from about 25,000 rows.
  await db.execute(sql`set local work_mem = '64MB'`);
  const [row] = await executeRows<{ matched: number; added: number; excluded: number }>(db, statement);
  await db.execute(sql`set local work_mem to default`);
  if (nonEmpty) await db.execute(sql`set local enable_nestloop to default`);
  const result = { matched: Number(row?.matched ?? 0), added: Number(row?.added ?? 0), excluded: Number(row?.excluded ?? 0) };
  if (result.added + result.excluded > 0) await takeRecipientIds(db, { mailingId, count: result.added + result.excluded });
  return result;
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
