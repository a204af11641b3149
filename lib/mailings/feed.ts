import { z } from "zod";
import { getFile, insertEvent, insertFile, deleteFileRow, lockMailing } from "@/db/queries/mailings";
import { DomainError } from "@/lib/errors";
import type { MailingCtx } from "./mailings";

export const commentInput = z.object({ mailingId: z.uuid(), text: z.string().trim().min(1).max(5000) });

export async function addComment(ctx: MailingCtx, input: z.output<typeof commentInput>): Promise<void> {
  if (!(await lockMailing(ctx.db, { id: input.mailingId }))) throw new DomainError("mailings.errors.notFound");
  await insertEvent(ctx.db, { mailingId: input.mailingId, kind: "comment", actorId: ctx.actor.id, text: input.text });
}

/** Files live in the database (bytea), so backups and several app instances need nothing more. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const fileInput = z.object({
  mailingId: z.uuid(),
  file: z
    .instanceof(File, { message: "validation.required" })
    .refine((f) => f.size > 0, { message: "validation.required" })
    .refine((f) => f.size <= MAX_FILE_BYTES, { message: "validation.fileTooLarge" }),
});

export async function attachFile(ctx: MailingCtx, input: z.output<typeof fileInput>): Promise<{ id: string }> {
  const content = Buffer.from(await input.file.arrayBuffer());
  return ctx.db.transaction(async (tx) => {
    if (!(await lockMailing(tx, { id: input.mailingId }))) throw new DomainError("mailings.errors.notFound");
    const name = input.file.name.replace(/[\\/\u0000-\u001f]/g, "_").slice(0, 255) || "file";
    const row = await insertFile(tx, {
      mailingId: input.mailingId,
      name,
      mimeType: input.file.type || "application/octet-stream",
      size: content.length,
      content,
      createdBy: ctx.actor.id,
    });
    await insertEvent(tx, { mailingId: input.mailingId, kind: "file_attached", actorId: ctx.actor.id, data: { name, size: content.length } });
    return row;
  });
}

export const deleteFileInput = z.object({ mailingId: z.uuid(), fileId: z.uuid() });

/** Removes a file; the feed keeps a line saying which and who, as it does for attaching one. */
export async function deleteFile(ctx: MailingCtx, input: z.output<typeof deleteFileInput>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await lockMailing(tx, { id: input.mailingId }))) throw new DomainError("mailings.errors.notFound");
    const file = await deleteFileRow(tx, input);
    if (!file) throw new DomainError("mailings.errors.fileNotFound");
    await insertEvent(tx, { mailingId: input.mailingId, kind: "file_deleted", actorId: ctx.actor.id, data: { name: file.name } });
  });
}

export { getFile };
