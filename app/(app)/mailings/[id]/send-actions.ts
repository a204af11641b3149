"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { commandContext } from "@/lib/jobs/runtime";
import { defineAction } from "@/lib/server/action";
import { cancelSend, requestReconcile, requestSend, requestStatusUpdate, resendInDoubt } from "@/lib/sending";

/**
 * "Run process" on a mailing. Each action decides at once and leaves the work to a background
 * job; the page follows it through the progress route. Identity comes from the session only.
 */
const mailingInput = z.object({ mailingId: z.uuid() });
const refresh = (mailingId: string) => revalidatePath(`/mailings/${mailingId}`);

export const sendMailingAction = defineAction({ permission: "manage", schema: mailingInput }, async ({ mailingId }, ctx) => {
  const result = await requestSend(await commandContext(ctx), { mailingId });
  refresh(mailingId);
  return result;
});

export const cancelSendAction = defineAction({ permission: "manage", schema: mailingInput }, async ({ mailingId }, ctx) => {
  const result = await cancelSend(await commandContext(ctx), { mailingId });
  refresh(mailingId);
  return result;
});

export const updateStatusAction = defineAction({ permission: "manage", schema: mailingInput }, async ({ mailingId }, ctx) => {
  await requestStatusUpdate(await commandContext(ctx), { mailingId });
  return null;
});

export const reconcileInDoubtAction = defineAction({ permission: "manage", schema: mailingInput }, async ({ mailingId }, ctx) => {
  await requestReconcile(await commandContext(ctx), { mailingId });
  return null;
});

export const resendInDoubtAction = defineAction({ permission: "manage", schema: mailingInput }, async ({ mailingId }, ctx) => {
  const result = await resendInDoubt(await commandContext(ctx), { mailingId });
  refresh(mailingId);
  return result;
});
