/**
 * eSputnik activity webhooks: a POST of a JSON array of events (DELIVERED, READ, CLICKED,
 * UNDELIVERED…), Basic auth with credentials generated here. Events update the same recipient rows
 * as polling, through the same rank guard, so retries and replays change nothing and polling and
 * webhooks can arrive in any order. An event for a recipient in doubt proves it was sent.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/types";
import { applyActivityStatuses, inDoubtNamedByActivity, lockRecipientsNamedByActivity, type ActivityStatusRow } from "@/db/queries/sending-status";
import { insertEvent, lockMailing } from "@/db/queries/mailings";
import { getWebhookCredentials, saveWebhookCredentials } from "@/db/queries/sending-webhook";
import { refreshFinalStatus } from "./mailing-status";
import { statusFacts, statusOfActivity } from "./responses";

export const WEBHOOK_PATH = "/api/esputnik/webhook";
const WEBHOOK_USERNAME = "esputnik";

const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** New credentials; the secret is returned once and only its hash is stored. */
export async function rotateWebhookCredentials(db: Db, { actorId }: { actorId: string | null }): Promise<{ username: string; secret: string }> {
  const secret = randomBytes(24).toString("base64url");
  await saveWebhookCredentials(db, { username: WEBHOOK_USERNAME, secretHash: hashSecret(secret), createdBy: actorId });
  return { username: WEBHOOK_USERNAME, secret };
}

export async function webhookCredentialsInfo(db: Db): Promise<{ username: string; createdAt: Date } | null> {
  const row = await getWebhookCredentials(db);
  return row ? { username: row.username, createdAt: row.createdAt } : null;
}

/** Checks an Authorization header against the stored credentials (constant-time on the secret). */
export async function isAuthorizedWebhook(db: Db, authorization: string | null): Promise<boolean> {
  const match = /^Basic\s+(.+)$/i.exec(authorization ?? "");
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  const stored = await getWebhookCredentials(db);
  if (!stored) return false;
  const given = Buffer.from(hashSecret(decoded.slice(colon + 1)), "hex");
  const expected = Buffer.from(stored.secretHash, "hex");
  return decoded.slice(0, colon) === stored.username && given.length === expected.length && timingSafeEqual(given, expected);
}

const idLike = z.union([z.string(), z.number()]).transform(String);

/** The fields we use of an activity event; everything else eSputnik sends is ignored. */
export const activityEventSchema = z.looseObject({
  activityStatus: z.string(),
  activityDateTime: z.string().optional(),
  externalRequestId: idLike.optional(),
  iid: idLike.optional(),
});
export const webhookPayloadSchema = z.array(z.unknown()).max(100_000);

export type WebhookResult = { received: number; applied: number; ignored: number };

/** Applies a webhook delivery. Unreadable or irrelevant events are counted and skipped, never fatal. */
export async function applyActivityWebhook(db: Db, events: unknown[], now: Date): Promise<WebhookResult> {
  const byId = new Map<number, ActivityStatusRow>();
  const byRequestId = new Map<string, ActivityStatusRow>();
  let ignored = 0;
  for (const raw of events) {
    const parsed = activityEventSchema.safeParse(raw);
    const status = parsed.success ? statusOfActivity(parsed.data.activityStatus) : null;
    if (!parsed.success || status === null) {
      ignored++;
      continue;
    }
    const { externalRequestId, iid, activityDateTime } = parsed.data;
    const id = externalRequestId !== undefined && /^\d{1,15}$/.test(externalRequestId) ? Number(externalRequestId) : null;
    if (id === null && !iid) {
      ignored++;
      continue;
    }
    const row: ActivityStatusRow = { ...statusFacts(status), id, requestId: iid ?? null, at: eventTime(activityDateTime, now) };
    // Several events for one recipient in one delivery: keep the furthest (the update sees one row per recipient).
    if (id !== null) keepHighest(byId, id, row);
    else keepHighest(byRequestId, iid!, row);
  }
  const statuses = { byId: [...byId.values()], byRequestId: [...byRequestId.values()] };
  const applied = await db.transaction(async (tx) => {
    // Recipients in doubt that an event names were sent after all: they become accepted, and their
    // mailing's status (Partially sent may become Sent) and feed follow in the same transaction.
    // Mailing rows are locked first, as every other writer of a mailing does, so none deadlocks.
    const candidates = await inDoubtNamedByActivity(tx, statuses);
    for (const { mailingId } of candidates) await lockMailing(tx, { id: mailingId });
    // The recipients are then locked in id order, and read again under the lock: a resend or
    // reconcile that committed in between has changed them. Only the mailings locked above follow.
    const locked = new Set(candidates.map((c) => c.mailingId));
    const resolving = (await lockRecipientsNamedByActivity(tx, statuses)).filter((r) => locked.has(r.mailingId));
    const changed = await applyActivityStatuses(tx, statuses);
    for (const { mailingId, recipients } of resolving) {
      await refreshFinalStatus(tx, mailingId);
      await insertEvent(tx, { mailingId, kind: "in_doubt_resolved", actorId: null, data: { action: "webhook", resolved: recipients } });
    }
    return changed;
  });
  return { received: events.length, applied, ignored };
}

function keepHighest<K>(map: Map<K, ActivityStatusRow>, key: K, row: ActivityStatusRow): void {
  const current = map.get(key);
  if (!current || row.rank > current.rank) map.set(key, row);
}

/** `2023-09-14T08:30:03` (the account's time zone; UTC assumed) → Date; now when missing or unreadable. */
function eventTime(value: string | undefined, now: Date): Date {
  if (!value) return now;
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? now : date;
}
