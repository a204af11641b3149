/**
 * Activity events (the contact-activity feed and webhooks) derived from the send records:
 * one event per reported status a recipient has reached (DELIVERED, READ, CLICKED, UNDELIVERED…).
 */
import { formatApiDateTime } from "./clock";
import { activityFor, longestLifecycleMs, stepTable } from "./lifecycle";
import type { SimState } from "./state";

export interface ActivityItem {
  activityStatus: string;
  activityDateTime: string;
  /** UNKNOWN(§8.7): the instance id is the send's requestId. */
  iid: string;
  /** UNKNOWN(§8.6): echoed in activity and webhooks. */
  externalRequestId?: string;
  mediaType: string;
  email?: string;
  sms?: string;
  contactId?: number;
  externalCustomerId?: string;
  messageId: number;
  messageInstanceId: number;
  messageName?: string;
  messageTag?: string;
  statusDescription?: string;
  /** Cursor of this item: `<record>-<step>`; pass it back as `offset` for the next page. */
  offset?: string;
}

/** Position in the feed: record sequence number, then step index. */
export interface Cursor {
  seq: number;
  step: number;
}

export function parseCursor(offset: string | null): Cursor | undefined | "invalid" {
  if (offset === null || offset === "") return undefined;
  const match = /^(\d+)-(\d+)$/.exec(offset);
  return match ? { seq: Number(match[1]), step: Number(match[2]) } : "invalid";
}

export interface EventWindow {
  /** Events strictly after `after` (ms), or at/after `from` when given. */
  from?: number;
  after?: number;
  /** Inclusive upper bound (ms). */
  to: number;
  /** Resume strictly after this position. */
  cursor?: Cursor;
}

/**
 * Visits events in feed order (by send, then by step) whose time is inside the window.
 * Return false from the visitor to stop.
 */
export function forEachEvent(state: SimState, window: EventWindow, visit: (item: ActivityItem) => boolean): void {
  const steps = stepTable(state.config.lifecycle);
  const lower = window.from ?? window.after ?? -Infinity;
  const lowerOk = window.from !== undefined ? (t: number) => t >= lower : (t: number) => t > lower;
  const { end } = state.records.range;
  // Records sent before `lower - longest lifecycle` have no event left inside the window.
  let seq = state.records.firstSentAtOrAfter(lower - longestLifecycleMs(state.config.lifecycle));
  if (window.cursor && window.cursor.seq > seq) seq = window.cursor.seq;
  for (; seq < end; seq++) {
    const record = state.records.get(seq);
    if (record.sentAt > window.to) break;
    const planSteps = steps[record.plan] ?? [];
    for (let step = 0; step < planSteps.length; step++) {
      if (window.cursor && seq === window.cursor.seq && step <= window.cursor.step) continue;
      const { atMs, status } = planSteps[step] as { atMs: number; status: string };
      const time = record.sentAt + atMs;
      if (!lowerOk(time) || time > window.to) continue;
      const activity = activityFor(status);
      if (!activity) continue;
      const message = state.messages.get(record.messageId);
      const contact = state.contacts.findByLocator(record.channel, record.locator);
      const item: ActivityItem = {
        ...activity,
        activityDateTime: formatApiDateTime(time),
        iid: record.requestId,
        mediaType: record.channel,
        [record.channel]: record.locator,
        messageId: record.messageId,
        messageInstanceId: record.messageId,
      };
      if (record.externalRequestId !== undefined) item.externalRequestId = record.externalRequestId;
      if (message) {
        item.messageName = message.data.name;
        if (message.data.tags.length > 0) item.messageTag = message.data.tags.join(",");
      }
      if (contact) {
        item.contactId = contact.id;
        if (contact.externalCustomerId !== undefined) item.externalCustomerId = contact.externalCustomerId;
      }
      item.offset = `${seq}-${step}`;
      if (!visit(item)) return;
    }
  }
}
