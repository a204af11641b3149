import { z } from "zod";
import type { Db, Tx } from "@/db/types";
import type { Mailing, MailingStatus } from "@/db/schema";
import { getMessage } from "@/db/queries/messages";
import { countRecipients, deleteMailingRow, insertEvent, insertMailing, lockMailing, updateMailingRow } from "@/db/queries/mailings";
import { DomainError } from "@/lib/errors";

export type MailingCtx = { db: Db; actor: { id: string }; now: () => Date };

/** States in which the audience and the message may still change: nothing has left for eSputnik. */
export const EDITABLE_STATUSES: readonly MailingStatus[] = ["draft"];

const alphaName = z
  .string()
  .trim()
  .max(11, { message: "validation.alphaName" })
  .regex(/^(?![0-9]+$)[A-Za-z0-9 ._-]*$/, { message: "validation.alphaName" })
  .default("");

export const mailingInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** Defaults to the name, as in the seed manual. */
  esputnikGroup: z.string().trim().max(200).default(""),
  /** Chosen in the lookup; nothing chosen is "choose a message", not a format error. */
  messageId: z.string().trim().min(1, { message: "validation.chooseMessage" }).pipe(z.uuid()),
  alphaName,
});
export type MailingInput = z.output<typeof mailingInput>;

export const mailingUpdateInput = mailingInput.extend({ id: z.uuid() });

async function messageFor(db: Db | Tx, messageId: string) {
  const message = await getMessage(db, { id: messageId });
  if (!message) throw new DomainError("mailings.errors.messageNotFound");
  return message;
}

export async function createMailing(ctx: MailingCtx, input: MailingInput & { parentId?: string }): Promise<Mailing> {
  return ctx.db.transaction(async (tx) => {
    const message = await messageFor(tx, input.messageId);
    const mailing = await insertMailing(tx, {
      name: input.name,
      esputnikGroup: input.esputnikGroup || input.name,
      messageId: message.id,
      channel: message.channel,
      alphaName: message.channel === "sms" ? input.alphaName : "",
      parentId: input.parentId ?? null,
      createdBy: ctx.actor.id,
    });
    await insertEvent(tx, { mailingId: mailing.id, kind: "created", actorId: ctx.actor.id });
    return mailing;
  });
}

/** Loads and locks a mailing that must still be a draft; anything else is refused. */
export async function lockDraft(tx: Tx, mailingId: string): Promise<Mailing> {
  const mailing = await lockMailing(tx, { id: mailingId });
  if (!mailing) throw new DomainError("mailings.errors.notFound");
  if (!EDITABLE_STATUSES.includes(mailing.status)) throw new DomainError("mailings.errors.notDraft");
  return mailing;
}

export async function updateMailing(ctx: MailingCtx, input: z.output<typeof mailingUpdateInput>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const mailing = await lockDraft(tx, input.id);
    const message = await messageFor(tx, input.messageId);
    // The audience's addresses and exclusions were computed for one channel.
    if (message.channel !== mailing.channel) {
      if ((await countRecipients(tx, { mailingId: mailing.id })) > 0) throw new DomainError("mailings.errors.channelChangeWithAudience");
    }
    await updateMailingRow(tx, {
      id: mailing.id,
      patch: {
        name: input.name,
        esputnikGroup: input.esputnikGroup || input.name,
        messageId: message.id,
        channel: message.channel,
        alphaName: message.channel === "sms" ? input.alphaName : "",
      },
    });
  });
}

export async function deleteMailing(ctx: MailingCtx, { id }: { id: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockDraft(tx, id);
    await deleteMailingRow(tx, { id });
  });
}

export const notesInput = z.object({ id: z.uuid(), notes: z.string().max(20_000) });

/** Notes are free text about the mailing; they may change at any time, even after sending. */
export async function saveMailingNotes(ctx: MailingCtx, input: z.output<typeof notesInput>): Promise<void> {
  const mailing = await lockMailing(ctx.db, { id: input.id });
  if (!mailing) throw new DomainError("mailings.errors.notFound");
  await updateMailingRow(ctx.db, { id: input.id, patch: { notes: input.notes } });
}
