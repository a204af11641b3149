/**
 * Reconciliation of in-doubt recipients: their calls may have reached eSputnik. Contact activity
 * carries our externalRequestId, so any event found for one proves it was sent: it becomes
 * accepted, with eSputnik's id and status. Recipients without any event yet stay in doubt (a
 * message still queued has no activity); the manager may look again later or resend them.
 */
import { insertEvent, lockMailing } from "@/db/queries/mailings";
import { listInDoubt } from "@/db/queries/sending";
import { applyActivityStatuses, type ActivityStatusRow } from "@/db/queries/sending-status";
import type { ContactActivity } from "@/lib/esputnik/types";
import type { SendingContext } from "./context";
import { refreshFinalStatus } from "./mailing-status";
import { statusFacts, statusOfActivity } from "./responses";

/** More than this in doubt at once is beyond an activity search: resending is the way out. */
const MAX_RECONCILED = 100_000;
const DAY_MS = 86_400_000;

export async function runReconcile(ctx: SendingContext, { mailingId, actorId }: { mailingId: string; actorId: string | null }) {
  const { ids, since } = await listInDoubt(ctx.db, { mailingId, limit: MAX_RECONCILED });
  if (ids.length === 0) return { checked: 0, resolved: 0 };
  const client = await ctx.esputnik();
  const now = ctx.clock.now();
  const found = await client.findActivityByExternalRequestIds(
    ids.map(String),
    // A day of margin on both sides: the account's time zone is not ours.
    { dateFrom: new Date((since ?? now).getTime() - DAY_MS), dateTo: new Date(now.getTime() + DAY_MS) },
  );
  const rows: ActivityStatusRow[] = [];
  for (const [externalId, events] of found) {
    const best = furthest(events);
    if (best) rows.push({ ...best.facts, id: Number(externalId), requestId: best.event.iid ?? null, at: now });
  }
  // The recipients, the mailing's status and its feed change together or not at all.
  const resolved = await ctx.db.transaction(async (tx) => {
    await lockMailing(tx, { id: mailingId });
    const changed = await applyActivityStatuses(tx, { byId: rows, byRequestId: [] });
    await refreshFinalStatus(tx, mailingId);
    await insertEvent(tx, { mailingId, kind: "in_doubt_resolved", actorId, data: { action: "reconcile", checked: ids.length, resolved: changed } });
    return changed;
  });
  return { checked: ids.length, resolved };
}

function furthest(events: ContactActivity[]) {
  let best: { event: ContactActivity; facts: ReturnType<typeof statusFacts> } | undefined;
  for (const event of events) {
    const status = statusOfActivity(event.activityStatus);
    if (status === null) continue;
    const facts = statusFacts(status);
    if (!best || facts.rank > best.facts.rank) best = { event, facts };
  }
  return best;
}
