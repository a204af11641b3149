"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import {
  changeUserRole,
  changeUserRoleInput,
  createUser,
  createUserInput,
  setUserDisabled,
  setUserDisabledInput,
} from "@/lib/users/manage-users";

export const addUser = defineAction({ permission: "administer", schema: createUserInput }, async (input, ctx) => {
  const user = await createUser(ctx, input);
  revalidatePath("/settings/users");
  return { email: user.email };
});

export const updateRole = defineAction({ permission: "administer", schema: changeUserRoleInput }, async (input, ctx) => {
  await changeUserRole(ctx, input);
  revalidatePath("/settings/users");
  return null;
});

export const updateDisabled = defineAction({ permission: "administer", schema: setUserDisabledInput }, async (input, ctx) => {
  await setUserDisabled(ctx, input);
  revalidatePath("/settings/users");
  return null;
});
