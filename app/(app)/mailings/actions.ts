"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { createMailing, deleteMailing, mailingInput, mailingUpdateInput, notesInput, saveMailingNotes, updateMailing } from "@/lib/mailings/mailings";
import { audienceSource, importAudienceWithReasons, listImportTargets, removeRecipients, removeRecipientsInput } from "@/lib/mailings/audience";
import { addComment, attachFile, commentInput, deleteFile, deleteFileInput, fileInput } from "@/lib/mailings/feed";
import { createFollowUp, followUpInput } from "@/lib/mailings/follow-up";
import { searchContactsForPicker } from "@/lib/mailings/contact-picker";
import { listGroups } from "@/db/queries/groups";
import { contactsViewFromQuery } from "@/components/contacts/contacts-table-config";

const mailingPath = (id: string) => `/mailings/${id}`;

export const createMailingAction = defineAction({ permission: "manage", schema: mailingInput }, async (input, ctx) => {
  const mailing = await createMailing(ctx, input);
  revalidatePath("/mailings");
  redirect(mailingPath(mailing.id));
});

export const updateMailingAction = defineAction({ permission: "manage", schema: mailingUpdateInput }, async (input, ctx) => {
  await updateMailing(ctx, input);
  revalidatePath(mailingPath(input.id));
  return null;
});

export const deleteMailingAction = defineAction({ permission: "manage", schema: z.object({ id: z.uuid() }) }, async ({ id }, ctx) => {
  await deleteMailing(ctx, { id });
  revalidatePath("/mailings");
  redirect("/mailings");
});

/** The JSON payload travels as one form field: a source may carry a whole filter tree. */
const importInput = z.object({
  mailingId: z.uuid(),
  source: z.preprocess((v) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return undefined;
    }
  }, audienceSource),
});

export const importAudienceAction = defineAction({ permission: "manage", schema: importInput }, async (input, ctx) => {
  const result = await importAudienceWithReasons(ctx, input);
  revalidatePath(mailingPath(input.mailingId));
  return result;
});

export const removeRecipientsAction = defineAction(
  {
    permission: "manage",
    schema: z.object({
      mailingId: z.uuid(),
      ids: z.preprocess((v) => (v === "all" ? "all" : typeof v === "string" ? v.split(",").filter(Boolean) : v), removeRecipientsInput.shape.ids),
    }),
  },
  async (input, ctx) => {
    const removed = await removeRecipients(ctx, input);
    revalidatePath(mailingPath(input.mailingId));
    return { removed };
  },
);

export const addCommentAction = defineAction({ permission: "manage", schema: commentInput }, async (input, ctx) => {
  await addComment(ctx, input);
  revalidatePath(mailingPath(input.mailingId));
  return null;
});

export const attachFileAction = defineAction({ permission: "manage", schema: fileInput }, async (input, ctx) => {
  const file = await attachFile(ctx, input);
  revalidatePath(mailingPath(input.mailingId));
  return file;
});

export const deleteFileAction = defineAction({ permission: "manage", schema: deleteFileInput }, async (input, ctx) => {
  await deleteFile(ctx, input);
  revalidatePath(mailingPath(input.mailingId));
  return null;
});

export const saveNotesAction = defineAction({ permission: "manage", schema: notesInput }, async (input, ctx) => {
  await saveMailingNotes(ctx, input);
  revalidatePath(mailingPath(input.id));
  return null;
});

export const createFollowUpAction = defineAction({ permission: "manage", schema: followUpInput }, async (input, ctx) => {
  const { mailing } = await createFollowUp(ctx, input);
  revalidatePath("/mailings");
  redirect(mailingPath(mailing.id));
});

/** Contacts for the "import selected" / "add one contact" pickers. */
export const pickContactsAction = defineAction(
  {
    permission: "manage",
    kind: "query",
    schema: z.object({ search: z.string().trim().max(200).default(""), page: z.coerce.number().int().min(1).max(10_000).default(1) }),
  },
  async (input, ctx) => searchContactsForPicker(ctx.db, { ...input, pageSize: 20 }),
);

/** Static and dynamic groups for "import by filter". */
export const groupsForImportAction = defineAction({ permission: "manage", kind: "query", schema: z.object({}) }, async (_input, ctx) =>
  listGroups(ctx.db),
);

/** Drafts for "Add to mailing" in the contacts table (only a draft's audience may still change). */
export const importTargetsAction = defineAction(
  { permission: "manage", kind: "query", schema: z.object({ search: z.string().trim().max(200).default("") }) },
  async (input, ctx) => listImportTargets(ctx.db, input),
);

/**
 * "Add to mailing" from the contacts table: the ticked contacts, or every contact of the table's
 * current view (its URL query, read as the export and "add all found to a group" read it), go into
 * a draft by the same verb as the Audience tab's import. A mailing that left the draft state in
 * the meantime is refused by that verb.
 */
export const addContactsToMailingAction = defineAction(
  {
    permission: "manage",
    schema: z.union([
      z.object({ mailingId: z.uuid(), contactIds: z.array(z.uuid()).min(1).max(10_000) }),
      z.object({ mailingId: z.uuid(), viewQuery: z.string().max(4000) }),
    ]),
  },
  async (input, ctx) => {
    const source =
      "contactIds" in input
        ? { kind: "contacts" as const, contactIds: input.contactIds }
        : { kind: "view" as const, view: contactsViewFromQuery(new URLSearchParams(input.viewQuery)) };
    const result = await importAudienceWithReasons(ctx, { mailingId: input.mailingId, source });
    revalidatePath(mailingPath(input.mailingId));
    return { ...result, mailingId: input.mailingId };
  },
);
