"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { rotateWebhookCredentials } from "@/lib/sending";

/** New Basic-auth credentials for eSputnik's webhooks; the secret is returned this once only. */
export const rotateWebhookCredentialsAction = defineAction({ permission: "administer", schema: z.object({}) }, async (_input, ctx) => {
  const credentials = await rotateWebhookCredentials(ctx.db, { actorId: ctx.actor.id });
  revalidatePath("/settings");
  return credentials;
});
