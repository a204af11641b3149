import { z } from "zod";
import type { Account } from "@/db/schema";
import { deleteAccount, insertAccount, renameAccount } from "@/db/queries/accounts";
import { DomainError } from "@/lib/errors";
import type { ContactsCtx } from "./manage-contacts";
import { translatingUniqueViolations } from "./unique-violation";

const ACCOUNT_UNIQUE_ERRORS = { accounts_name_lower_uq: "accounts.errors.nameTaken" };

export const accountNameInput = z.object({ name: z.string().trim().min(1).max(200) });
export const renameAccountInput = accountNameInput.extend({ id: z.uuid() });
export const accountIdInput = z.object({ id: z.uuid() });

export function createAccount(ctx: ContactsCtx, input: z.output<typeof accountNameInput>): Promise<Account> {
  return translatingUniqueViolations(() => insertAccount(ctx.db, { name: input.name, createdBy: ctx.actor.id }), ACCOUNT_UNIQUE_ERRORS);
}

export async function changeAccountName(ctx: ContactsCtx, input: z.output<typeof renameAccountInput>): Promise<Account> {
  const row = await translatingUniqueViolations(() => renameAccount(ctx.db, input), ACCOUNT_UNIQUE_ERRORS);
  if (!row) throw new DomainError("accounts.errors.notFound");
  return row;
}

/** The account goes; its contacts stay, without an account. */
export async function removeAccount(ctx: ContactsCtx, { id }: { id: string }): Promise<void> {
  if (!(await deleteAccount(ctx.db, { id }))) throw new DomainError("accounts.errors.notFound");
}
