/**
 * Delivery status values of `GET /v1/message/status`, per channel, and how to read them.
 * Source: the OpenAPI spec's InstantMessagesStatusDto (see /work/shared/esputnik-api.md §3.4.1).
 */

export const EMAIL_STATUSES = [
  "IN_QUEUE",
  "DELIVERED",
  "UNDELIVERED",
  "BLACKLISTED",
  "NOT_CONFIRMED",
  "UNSUBSCRIBED",
  "SPAM",
  "READ",
  "CLICKED",
  "NO_MONEY",
  "ERROR",
] as const;

export const SMS_STATUSES = [
  "IN_QUEUE",
  "PENDING",
  "DELIVERED",
  "SMS_UNDELIVERED_STATE",
  "EXPIRED",
  "NO_MONEY",
] as const;

export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export type SmsStatus = (typeof SMS_STATUSES)[number];
/**
 * `MESSAGE_NOT_FOUND` is not in the spec; some clients handle it for unknown or expired ids.
 * Any other string may still arrive (new channel or new status), hence `(string & {})`.
 */
export type MessageStatusValue = EmailStatus | SmsStatus | "MESSAGE_NOT_FOUND" | (string & {});

export interface StatusClassification {
  /** The delivery outcome will not change any more. Engagement (READ, CLICKED) may still follow DELIVERED. */
  final: boolean;
  /** Reached the recipient: DELIVERED, READ or CLICKED. */
  delivered: boolean;
  /** Will never be delivered; the reason is the status itself. */
  failed: boolean;
}

const IN_FLIGHT = new Set<string>(["IN_QUEUE", "PENDING"]);
const DELIVERED = new Set<string>(["DELIVERED", "READ", "CLICKED"]);
const FAILED = new Set<string>([
  "UNDELIVERED",
  "BLACKLISTED",
  "NOT_CONFIRMED",
  "UNSUBSCRIBED",
  "SPAM",
  "NO_MONEY",
  "ERROR",
  "SMS_UNDELIVERED_STATE",
  "EXPIRED",
]);

/**
 * Classifies a status string. Unknown strings (including MESSAGE_NOT_FOUND) are neither final,
 * delivered nor failed: the caller decides whether to keep polling or reconcile another way.
 */
export function classifyStatus(status: string): StatusClassification {
  if (DELIVERED.has(status)) return { final: true, delivered: true, failed: false };
  if (FAILED.has(status)) return { final: true, delivered: false, failed: true };
  return { final: false, delivered: false, failed: false };
}

export const isFinalStatus = (status: string): boolean => classifyStatus(status).final;
export const isDeliveredStatus = (status: string): boolean => DELIVERED.has(status);
export const isFailedStatus = (status: string): boolean => FAILED.has(status);
/** True for the status values listed in the spec (either channel). */
export const isKnownStatus = (status: string): boolean =>
  IN_FLIGHT.has(status) || DELIVERED.has(status) || FAILED.has(status);
