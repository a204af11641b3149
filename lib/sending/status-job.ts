/**
 * "Update status": fetches eSputnik statuses of a mailing's accepted recipients in batched
 * message/status calls, several in flight, and applies each page with one set-based UPDATE
 * (rank-guarded, so a status never goes backwards). Records when the mailing was last checked and
 * when the next periodic check is due (none once every recipient has a final status).
 */
import { insertEvent } from "@/db/queries/mailings";
import { compactTallies } from "@/db/queries/tallies";
import { applyStatusesById, hasOpenRecipients, readAcceptedPage, recordStatusCheck, type StatusRow } from "@/db/queries/sending-status";
import type { EsputnikClient } from "@/lib/esputnik/client";
import { EsputnikError } from "@/lib/esputnik/errors";
import { DomainError } from "@/lib/errors";
import type { SendingContext, StatusUpdateRequest } from "./context";
import { failureOf } from "./failures";
import { Permits } from "./permits";
import { statusFacts } from "./responses";
import { refreshStatisticsAfter } from "./statistics";

export type StatusUpdateResult = { checked: number; changed: number; calls: number } | { failed: string };

export async function runStatusUpdate(
  ctx: SendingContext,
  { mailingId, scope, actorId }: { mailingId: string } & StatusUpdateRequest,
): Promise<StatusUpdateResult> {
  let result: StatusUpdateResult;
  try {
    result = await fetchStatuses(ctx, await ctx.esputnik(), mailingId, scope);
  } catch (err) {
    const code = err instanceof EsputnikError ? failureOf(err).code : err instanceof DomainError ? err.code : null;
    if (code === null) throw err;
    ctx.logger.warn("status update failed", { mailingId, code, error: err });
    result = { failed: code };
  }
  if ("changed" in result) await refreshStatisticsAfter(ctx, result.changed);
  await compactTallies(ctx.db, { mailingIds: [mailingId] });
  const checkedAt = ctx.clock.now();
  const open = await hasOpenRecipients(ctx.db, { mailingId });
  // Each page of statuses was applied on its own (a rerun repeats nothing: the rank guard); the
  // check's record and its line in the feed go together. Pressing the button is worth a line in the
  // feed; the periodic check is not.
  await ctx.db.transaction(async (tx) => {
    await recordStatusCheck(tx, { mailingId, checkedAt, nextPollInSeconds: open ? ctx.config.statusPollIntervalSeconds : null });
    if (actorId) await insertEvent(tx, { mailingId, kind: "status_updated", actorId, data: { ...result } });
  });
  return result;
}

async function fetchStatuses(ctx: SendingContext, client: EsputnikClient, mailingId: string, scope: "all" | "open") {
  const { config } = ctx;
  const permits = new Permits(config.concurrency);
  const pageLock = new Permits(1);
  let afterId = 0;
  let checked = 0;
  let changed = 0;
  let calls = 0;

  const nextPage = () =>
    pageLock.use(async () => {
      const page = await readAcceptedPage(ctx.db, { mailingId, afterId, limit: config.statusBatchSize, onlyOpen: scope === "open" });
      const last = page.at(-1);
      if (last) afterId = last.id;
      return page;
    });

  let failure: unknown;
  const loop = async () => {
    while (failure === undefined) {
      const page = await nextPage();
      if (page.length === 0) return;
      const idOf = new Map(page.map((r) => [r.requestId, r.id]));
      const statuses = await permits.use(() => {
        calls++;
        return client.messageStatus([...idOf.keys()]);
      });
      const rows: StatusRow[] = [];
      for (const s of statuses) {
        const id = idOf.get(s.requestId);
        if (id !== undefined) rows.push({ id, ...statusFacts(s.status) });
      }
      const applied = await applyStatusesById(ctx.db, { rows, at: ctx.clock.now() });
      checked += page.length;
      changed += applied;
    }
  };
  // More loops than permits, as in sending: reading and writing pages overlaps the calls.
  const loops = config.concurrency + Math.ceil(config.concurrency / 2);
  await Promise.all(
    Array.from({ length: loops }, () =>
      loop().catch((err: unknown) => {
        failure ??= err;
      }),
    ),
  );
  if (failure !== undefined) throw failure;
  return { checked, changed, calls };
}
