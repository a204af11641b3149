"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/server/action";
import { z } from "zod";
import { CONTACTS_COUNT_CAP } from "@/components/contacts/contacts-table-config";
import {
  countFilterMatches,
  countGroupMembersUpTo,
  createGroup,
  createGroupInput,
  groupIdInput,
  previewFilterInput,
  removeGroup,
  updateGroup,
  updateGroupInput,
} from "@/lib/contacts/manage-groups";

export const createGroupAction = defineAction({ permission: "manage", schema: createGroupInput }, async (input, ctx) => {
  const group = await createGroup(ctx, input);
  revalidatePath("/contacts");
  redirect(`/contacts?group=${group.id}`);
});

export const updateGroupAction = defineAction({ permission: "manage", schema: updateGroupInput }, async (input, ctx) => {
  const group = await updateGroup(ctx, input);
  revalidatePath("/contacts");
  redirect(`/contacts?group=${group.id}`);
});

export const deleteGroupAction = defineAction({ permission: "manage", schema: groupIdInput }, async (input, ctx) => {
  await removeGroup(ctx, input);
  revalidatePath("/contacts");
  redirect("/contacts");
});

/** The live count under the filter builder. */
export const countFilterAction = defineAction({ permission: "read", kind: "query", schema: previewFilterInput }, async (input, ctx) => ({
  count: await countFilterMatches(ctx.db, input),
}));

/** A group's size in the groups list (dynamic groups: when pointed at), capped like the table's count. */
export const countGroupAction = defineAction({ permission: "read", kind: "query", schema: z.object({ groupId: z.uuid() }) }, async (input, ctx) =>
  countGroupMembersUpTo(ctx.db, { groupId: input.groupId, cap: CONTACTS_COUNT_CAP }),
);
