"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { contactInput, updateContactInput } from "@/lib/contacts/contact-input";
import { createContact, removeContacts, updateContact } from "@/lib/contacts/manage-contacts";
import { addContactsToGroup, addToGroupInput, addViewToGroup, removeContactsFromGroup, removeFromGroupInput } from "@/lib/contacts/manage-groups";
import { contactsViewFromQuery } from "@/components/contacts/contacts-table-config";

// Changes show on every page under /contacts (a contact's groups, a group's table), hence "layout".

export const createContactAction = defineAction({ permission: "manage", schema: contactInput }, async (input, ctx) => {
  const contact = await createContact(ctx, input);
  revalidatePath("/contacts", "layout");
  redirect(`/contacts/${contact.id}`);
});

export const updateContactAction = defineAction({ permission: "manage", schema: updateContactInput }, async (input, ctx) => {
  const contact = await updateContact(ctx, input);
  revalidatePath("/contacts", "layout");
  redirect(`/contacts/${contact.id}`);
});

export const deleteContactAction = defineAction({ permission: "manage", schema: z.object({ id: z.uuid() }) }, async ({ id }, ctx) => {
  await removeContacts(ctx, { ids: [id] });
  revalidatePath("/contacts", "layout");
  redirect("/contacts");
});

/** Ticked contacts into a static group (an existing one, or a new one named on the spot). */
export const addToGroupAction = defineAction({ permission: "manage", schema: addToGroupInput }, async (input, ctx) => {
  const result = await addContactsToGroup(ctx, input);
  revalidatePath("/contacts", "layout");
  return result;
});

/** Every contact of the table's current view (its URL query) into a static group. */
export const addViewToGroupAction = defineAction(
  { permission: "manage", schema: z.object({ groupId: z.uuid(), viewQuery: z.string().max(4000) }) },
  async ({ groupId, viewQuery }, ctx) => {
    const added = await addViewToGroup(ctx, { groupId, view: contactsViewFromQuery(new URLSearchParams(viewQuery)) });
    revalidatePath("/contacts", "layout");
    return { added };
  },
);

export const removeFromGroupAction = defineAction({ permission: "manage", schema: removeFromGroupInput }, async (input, ctx) => {
  const removed = await removeContactsFromGroup(ctx, input);
  revalidatePath("/contacts", "layout");
  return { removed };
});
