"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/server/action";
import { accountIdInput, accountNameInput, changeAccountName, createAccount, removeAccount, renameAccountInput } from "@/lib/contacts/manage-accounts";

export const createAccountAction = defineAction({ permission: "manage", schema: accountNameInput }, async (input, ctx) => {
  const account = await createAccount(ctx, input);
  revalidatePath("/accounts");
  return { name: account.name };
});

export const renameAccountAction = defineAction({ permission: "manage", schema: renameAccountInput }, async (input, ctx) => {
  const account = await changeAccountName(ctx, input);
  revalidatePath(`/accounts/${account.id}`);
  return { name: account.name };
});

export const deleteAccountAction = defineAction({ permission: "manage", schema: accountIdInput }, async (input, ctx) => {
  await removeAccount(ctx, input);
  revalidatePath("/accounts");
  redirect("/accounts");
});
