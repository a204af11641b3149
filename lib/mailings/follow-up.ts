import { z } from "zod";
import type { Mailing } from "@/db/schema";
import { insertEvent, lockMailing } from "@/db/queries/mailings";
import { DomainError } from "@/lib/errors";
import { importAudience } from "./audience";
import { createMailing, mailingInput, type MailingCtx } from "./mailings";
import { FOLLOW_UP_RESPONSES } from "./response-keys";

export const followUpInput = mailingInput.extend({
  parentId: z.uuid(),
  responses: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.enum(FOLLOW_UP_RESPONSES)).min(1)),
});

/**
 * "Надсилання розсилки за результатами попередньої": a new draft, linked to its parent, whose
 * audience is the parent's recipients with the chosen responses (e.g. only "not delivered"),
 * re-read from the contacts so that today's opt-outs are respected. Only outcomes count (see
 * FOLLOW_UP_RESPONSES), so nobody the parent may still send to is copied. One transaction: when the
 * import fails, or nobody has the chosen responses, no empty draft is left behind.
 */
export async function createFollowUp(ctx: MailingCtx, input: z.output<typeof followUpInput>): Promise<{ mailing: Mailing; added: number; excluded: number }> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // Locked: the parent's results cannot change status under the copy (a resend, a reconcile).
    const parent = await lockMailing(tx, { id: input.parentId });
    if (!parent) throw new DomainError("mailings.errors.notFound");
    if (parent.status === "draft") throw new DomainError("mailings.errors.followUpDraft");
    const mailing = await createMailing(txCtx, { ...input, parentId: parent.id });
    const result = await importAudience(txCtx, { mailingId: mailing.id, source: { kind: "mailing", mailingId: parent.id, responses: input.responses } });
    if (result.matched === 0) throw new DomainError("mailings.errors.followUpEmpty");
    await insertEvent(tx, {
      mailingId: parent.id,
      kind: "follow_up_created",
      actorId: ctx.actor.id,
      data: { followUpId: mailing.id, name: mailing.name, responses: input.responses, added: result.added },
    });
    return { mailing, added: result.added, excluded: result.excluded };
  });
}
