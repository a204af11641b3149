"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listMessages } from "@/db/queries/messages";
import { isEsputnikError } from "@/lib/esputnik";
import { defineAction } from "@/lib/server/action";
import { esputnikFactory } from "@/lib/server/esputnik";
import { CHANNELS, createMessage, deleteMessage, listLiveMessages, messageInput, updateMessage } from "@/lib/messages/messages";
import { esputnikDomainError } from "@/lib/settings/test-connection";

export const saveMessage = defineAction(
  { permission: "manage", schema: messageInput.extend({ id: z.union([z.uuid(), z.literal("")]).optional() }) },
  async ({ id, ...input }, ctx) => {
    const verbCtx = { ...ctx, esputnik: esputnikFactory(ctx.db) };
    const message = id ? await updateMessage(verbCtx, { id, ...input }) : await createMessage(verbCtx, input);
    revalidatePath("/messages");
    return { id: message.id, name: message.name, esputnikId: message.esputnikId, channel: message.channel };
  },
);

export const removeMessage = defineAction({ permission: "manage", schema: z.object({ id: z.uuid() }) }, async ({ id }, ctx) => {
  await deleteMessage(ctx, { id });
  revalidatePath("/messages");
  return null;
});

/** The account's messages, live from eSputnik, for the picker. */
export const searchLiveMessages = defineAction(
  {
    permission: "manage",
    kind: "query",
    schema: z.object({
      channel: z.enum(CHANNELS),
      search: z.string().trim().max(200).default(""),
      page: z.coerce.number().int().min(1).max(10_000).default(1),
    }),
  },
  async (input, ctx) => {
    try {
      return await listLiveMessages(await esputnikFactory(ctx.db)(), { ...input, pageSize: 20 });
    } catch (err) {
      if (isEsputnikError(err)) throw esputnikDomainError(err);
      throw err;
    }
  },
);

/** Saved message references, for the lookup dialog of a mailing. */
export const findMessages = defineAction(
  {
    permission: "read",
    kind: "query",
    schema: z.object({
      search: z.string().trim().max(200).default(""),
      channel: z.enum(CHANNELS).optional().or(z.literal("").transform(() => undefined)),
    }),
  },
  async (input, ctx) => {
    const { rows, total } = await listMessages(ctx.db, { ...input, page: 1, pageSize: 50 });
    return { total, items: rows.map((m) => ({ id: m.id, name: m.name, esputnikId: m.esputnikId, channel: m.channel, description: m.description })) };
  },
);
