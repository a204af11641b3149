import type { Queryable } from "@/db/types";
import type { Contact } from "@/db/schema";
import { findOrCreateAccountIds } from "@/db/queries/accounts";
import { deleteContacts, findContactsByKeys, insertContact, updateContact as updateContactRow, type ContactValues } from "@/db/queries/contacts";
import type { Actor } from "@/lib/server/actor";
import { DomainError } from "@/lib/errors";
import type { ContactInput } from "./contact-input";
import { translatingUniqueViolations } from "./unique-violation";

export type ContactsCtx = { db: Queryable; actor: Pick<Actor, "id"> };

/** A unique constraint on contacts → what the user reads. */
export const CONTACT_UNIQUE_ERRORS = {
  contacts_email_uq: "contacts.errors.emailTaken",
  contacts_mobile_phone_uq: "contacts.errors.phoneTaken",
};

export async function createContact(ctx: ContactsCtx, input: ContactInput): Promise<Contact> {
  return ctx.db.transaction(async (tx) => {
    await assertKeysFree(tx, input);
    const values = { ...(await contactValues(tx, input, ctx.actor.id)), createdBy: ctx.actor.id };
    return translatingUniqueViolations(() => insertContact(tx, values), CONTACT_UNIQUE_ERRORS);
  });
}

export async function updateContact(ctx: ContactsCtx, input: ContactInput & { id: string }): Promise<Contact> {
  return ctx.db.transaction(async (tx) => {
    await assertKeysFree(tx, input, input.id);
    const values = await contactValues(tx, input, ctx.actor.id);
    const row = await translatingUniqueViolations(() => updateContactRow(tx, { id: input.id, values }), CONTACT_UNIQUE_ERRORS);
    if (!row) throw new DomainError("contacts.errors.notFound");
    return row;
  });
}

export async function removeContacts(ctx: ContactsCtx, input: { ids: string[] }): Promise<number> {
  return deleteContacts(ctx.db, { ids: input.ids });
}

/** The friendly check before the write; the unique constraints still decide a race. */
async function assertKeysFree(db: Queryable, input: ContactInput, exceptId?: string) {
  const taken = await findContactsByKeys(db, {
    emails: input.email ? [input.email] : [],
    phones: input.mobilePhone ? [input.mobilePhone] : [],
    exceptId,
  });
  if (taken.some((c) => c.email !== null && c.email === input.email)) throw new DomainError(CONTACT_UNIQUE_ERRORS.contacts_email_uq);
  if (taken.length > 0) throw new DomainError(CONTACT_UNIQUE_ERRORS.contacts_mobile_phone_uq);
}

/** The account is named, not chosen: a new name creates the account (as an import does). */
async function contactValues(db: Queryable, input: ContactInput, actorId: string): Promise<Omit<ContactValues, "createdBy">> {
  const { accountName, ...fields } = input;
  const accountIds = accountName ? await findOrCreateAccountIds(db, { names: [accountName], createdBy: actorId }) : new Map<string, string>();
  return { ...fields, accountId: accountName ? (accountIds.get(accountName.toLowerCase()) ?? null) : null };
}
