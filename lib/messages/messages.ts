import { z } from "zod";
import type { Db } from "@/db/types";
import type { Channel, EsputnikMessage } from "@/db/schema";
import {
  countMailingsUsingMessage,
  deleteMessageRow,
  findMessageByEsputnikId,
  getMessage,
  insertMessage,
  lockMessage,
  updateMessageRow,
} from "@/db/queries/messages";
import type { EsputnikClient } from "@/lib/esputnik";
import { isEsputnikError } from "@/lib/esputnik";
import { DomainError } from "@/lib/errors";

export const CHANNELS = ["email", "sms"] as const satisfies readonly Channel[];

export const messageInput = z.object({
  name: z.string().trim().min(1).max(200),
  // A blank field is "required", not "at least 1" (which z.coerce would make of it: Number("") is 0).
  esputnikId: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z
      .number({ error: (issue) => (issue.code !== "invalid_type" ? undefined : issue.input === undefined ? "validation.required" : "validation.wholeNumber") })
      .int({ error: "validation.wholeNumber" })
      .min(1)
      .max(2_147_483_647),
  ),
  channel: z.enum(CHANNELS),
  description: z.string().trim().max(2000).default(""),
  notes: z.string().trim().max(10_000).default(""),
});
export type MessageInput = z.output<typeof messageInput>;

type Ctx = { db: Db; actor: { id: string }; esputnik: () => Promise<EsputnikClient | null> };

/**
 * A message id that eSputnik does not know is refused — but only when eSputnik can tell us: an
 * unreachable service or missing settings must not stop someone typing an id from the seed manual.
 */
async function assertExistsInAccount(ctx: Ctx, input: Pick<MessageInput, "channel" | "esputnikId">) {
  let client: EsputnikClient | null;
  try {
    client = await ctx.esputnik();
  } catch {
    return; // not configured: nothing to check against
  }
  if (!client) return;
  try {
    if (input.channel === "email") await client.getEmailMessage(input.esputnikId);
    else await client.getSmsMessage(input.esputnikId);
  } catch (err) {
    if (isEsputnikError(err) && err.kind === "not_found")
      throw new DomainError("messages.errors.notInAccount", { id: input.esputnikId, channel: input.channel.toUpperCase() });
    // Unreachable, throttled or unauthorised: accept the id; the send will check it again.
  }
}

async function assertUnique(ctx: Ctx, input: MessageInput, exceptId?: string) {
  const existing = await findMessageByEsputnikId(ctx.db, input);
  if (existing && existing.id !== exceptId) throw new DomainError("messages.errors.duplicate", { name: existing.name });
}

export async function createMessage(ctx: Ctx, input: MessageInput): Promise<EsputnikMessage> {
  await assertUnique(ctx, input);
  await assertExistsInAccount(ctx, input);
  return insertMessage(ctx.db, { ...input, createdBy: ctx.actor.id });
}

/**
 * Edits a message reference. Its eSputnik id and type are what a send hands over, so they cannot
 * change under mailings that rely on them: the type while any mailing uses the message, the id
 * once one has started sending (its runs, resends and history all name this message). The checks
 * and the update run in one transaction with the message row locked; the account check, a network
 * call, runs before it.
 */
export async function updateMessage(ctx: Ctx, { id, ...input }: MessageInput & { id: string }): Promise<EsputnikMessage> {
  const current = await getMessage(ctx.db, { id });
  if (!current) throw new DomainError("messages.errors.notFound");
  const idOrTypeChanges = current.esputnikId !== input.esputnikId || current.channel !== input.channel;
  if (idOrTypeChanges) await assertExistsInAccount(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockMessage(tx, { id });
    if (!locked) throw new DomainError("messages.errors.notFound");
    if (locked.channel !== input.channel && (await countMailingsUsingMessage(tx, { id })) > 0) throw new DomainError("messages.errors.channelInUse");
    if (locked.esputnikId !== input.esputnikId && (await countMailingsUsingMessage(tx, { id, pastDraft: true })) > 0)
      throw new DomainError("messages.errors.idInUse");
    await assertUnique({ ...ctx, db: tx }, input, id);
    const row = await updateMessageRow(tx, { id, values: input });
    if (!row) throw new DomainError("messages.errors.notFound");
    return row;
  });
}

/** Deletes a message no mailing uses; the row lock makes a mailing picking it meanwhile wait, then refuse the delete. */
export async function deleteMessage(ctx: Pick<Ctx, "db">, { id }: { id: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await lockMessage(tx, { id }))) return;
    if ((await countMailingsUsingMessage(tx, { id })) > 0) throw new DomainError("messages.errors.inUse");
    await deleteMessageRow(tx, { id });
  });
}

export type LiveMessage = { esputnikId: number; name: string; channel: Channel; detail: string; from: string; tags: string[] };

/** One page of the account's own messages, so nobody has to copy ids from eSputnik by hand. */
export async function listLiveMessages(
  client: EsputnikClient,
  q: { channel: Channel; search?: string; page: number; pageSize: number },
): Promise<{ items: LiveMessage[]; total: number }> {
  const query = { search: q.search?.trim() || undefined, startindex: (q.page - 1) * q.pageSize + 1, maxrows: q.pageSize };
  if (q.channel === "email") {
    const page = await client.listEmailMessages(query);
    return {
      total: page.total,
      items: page.items.map((m) => ({ esputnikId: m.id, name: m.name, channel: "email", detail: m.subject ?? "", from: m.from ?? "", tags: m.tags })),
    };
  }
  const page = await client.listSmsMessages(query);
  return {
    total: page.total,
    items: page.items.map((m) => ({ esputnikId: m.id, name: m.name, channel: "sms", detail: (m.text ?? "").slice(0, 160), from: m.from ?? "", tags: m.tags })),
  };
}
