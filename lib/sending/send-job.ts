/**
 * The background send job of one mailing: take the lease, recover what a dead runner left,
 * check with eSputnik, then upload contacts and smartsend side by side until every recipient is
 * settled. Safe to run twice at once (the second finds the lease taken) and to resume after any
 * crash (only unsent recipients go; possibly-sent ones are in doubt).
 */
import type { MailingStatus } from "@/db/schema";
import { countSendErrorRun, recoverStaleBatches } from "@/db/queries/sending";
import { compactTallies } from "@/db/queries/tallies";
import type { EsputnikClient } from "@/lib/esputnik/client";
import { DomainError } from "@/lib/errors";
import type { SendingContext } from "./context";
import { MailingFailure } from "./failures";
import { SendLease } from "./lease";
import { failSending, finishSending, startSending } from "./mailing-status";
import { preflight } from "./preflight";
import { SendRun } from "./send-run";
import { sendAllBatches } from "./smartsend";
import { uploadAudience } from "./upload";

export type SendJobResult =
  | { outcome: "busy" }
  | { outcome: "not_active" }
  | { outcome: "failed"; code: string }
  | { outcome: "interrupted" }
  | { outcome: "finished"; status: MailingStatus };

export async function runSendJob(ctx: SendingContext, { mailingId }: { mailingId: string }): Promise<SendJobResult> {
  const lease = await SendLease.acquire(ctx, mailingId);
  if (!lease) return { outcome: "busy" };
  try {
    return await runHoldingLease(ctx, mailingId, lease);
  } catch (err) {
    // Not eSputnik's answer nor a known reason: a bug or the database gone. The job is retried and
    // the tick resumes the mailing, which rides out a passing outage; an error that comes back
    // every run would resume it forever, so after a few the mailing fails, visibly, with its
    // unsent recipients still pending for a Send after the fix. The error itself goes to the log,
    // not to the page.
    ctx.logger.error("send run failed unexpectedly", err);
    const runs = await countSendErrorRun(ctx.db, { mailingId }).catch(() => 0);
    if (runs >= ctx.config.maxErrorRuns) {
      await fail(ctx, mailingId, new MailingFailure("sending.failure.internal", `${runs} runs`));
      return { outcome: "failed", code: "sending.failure.internal" };
    }
    throw err;
  } finally {
    await lease.release();
    // A million recipients leave a few thousand count deltas behind: fold them while we know.
    await compactTallies(ctx.db, { mailingIds: [mailingId] });
  }
}

async function runHoldingLease(ctx: SendingContext, mailingId: string, lease: SendLease): Promise<SendJobResult> {
  const recovered = await ctx.db.transaction((tx) => recoverStaleBatches(tx, { mailingId }));
  if (recovered.released > 0 || recovered.inDoubt > 0) ctx.logger.warn("resumed an interrupted send", { mailingId, ...recovered });

  const start = await startSending(ctx, mailingId);
  if ("skip" in start) return { outcome: start.skip };
  if ("failure" in start) return fail(ctx, mailingId, new MailingFailure(start.failure));

  let client: EsputnikClient;
  try {
    client = await ctx.esputnik();
    await preflight(client, start.plan);
  } catch (err) {
    if (err instanceof MailingFailure) return fail(ctx, mailingId, err);
    if (err instanceof DomainError) return fail(ctx, mailingId, new MailingFailure(err.code));
    throw err;
  }

  const run = new SendRun(ctx, client, start.plan, lease);
  const uploads = uploadAudience(run);
  // Sending settles the mailing's status on its own; the imports may take a while longer.
  const sending = sendAllBatches(run).then(() => (run.stopped ? null : finishSending(ctx, mailingId)));
  const [sent, uploaded] = await Promise.allSettled([sending, uploads]);
  for (const result of [sent, uploaded]) if (result.status === "rejected") throw result.reason;
  if (run.failure) return fail(ctx, mailingId, run.failure);
  const status = sent.status === "fulfilled" ? sent.value : null;
  return status ? { outcome: "finished", status } : { outcome: "interrupted" };
}

async function fail(ctx: SendingContext, mailingId: string, failure: MailingFailure): Promise<SendJobResult> {
  ctx.logger.warn("mailing failed", { mailingId, code: failure.code, detail: failure.detail });
  await failSending(ctx, mailingId, failure);
  return { outcome: "failed", code: failure.code };
}
