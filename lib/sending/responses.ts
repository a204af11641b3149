/**
 * eSputnik statuses as the app shows them: the "response" (Відгук) of a recipient, the Done flag,
 * and the rank that keeps statuses from going backwards when polling and webhooks race.
 * Pure and client-safe (no server imports): the Audience tab and the progress bar use it too.
 */
import { classifyStatus } from "@/lib/esputnik/statuses";
import { RESPONSES, type Response } from "@/lib/mailings/response-keys";

/** The response keys are defined once, with the mailings (lib/mailings/response-keys.ts). */
export const RESPONSE_KEYS = RESPONSES;
export type ResponseKey = Response;

/** The response for an eSputnik status alone. Unknown and in-progress statuses read "in queue". */
export type StatusResponse = Extract<ResponseKey, "in_queue" | "delivered" | "read" | "clicked" | "not_delivered">;

/**
 * Ranks: a status may replace the stored one only with a strictly higher rank. Delivery outcomes
 * share one rank, so the first outcome wins (a late UNDELIVERED cannot undo DELIVERED, nor the
 * reverse), and engagement (READ, then CLICKED) can only follow. A replayed webhook or a poll that
 * returns an older picture has a rank ≤ the stored one and changes nothing.
 */
export const STATUS_RANK = {
  unknown: 0,
  IN_QUEUE: 10,
  PENDING: 20,
  outcome: 30,
  READ: 40,
  CLICKED: 50,
} as const;

export function statusRank(status: string): number {
  if (status === "READ") return STATUS_RANK.READ;
  if (status === "CLICKED") return STATUS_RANK.CLICKED;
  if (status === "IN_QUEUE") return STATUS_RANK.IN_QUEUE;
  if (status === "PENDING") return STATUS_RANK.PENDING;
  const { final } = classifyStatus(status);
  return final ? STATUS_RANK.outcome : STATUS_RANK.unknown;
}

export function responseOf(status: string): StatusResponse {
  if (status === "CLICKED") return "clicked";
  if (status === "READ") return "read";
  const { delivered, failed } = classifyStatus(status);
  if (failed) return "not_delivered";
  if (delivered) return "delivered";
  return "in_queue";
}

/** Done (Виконано): the delivery outcome is final; only engagement (READ, CLICKED) may still follow. */
export const isDoneStatus = (status: string): boolean => classifyStatus(status).final;

/** What is stored for a recipient when a status arrives (polling, webhook or reconciliation). */
export interface StatusFacts {
  status: string;
  rank: number;
  delivered: boolean;
  failed: boolean;
  done: boolean;
}

export function statusFacts(status: string): StatusFacts {
  const { delivered, failed, final } = classifyStatus(status);
  return { status, rank: statusRank(status), delivered, failed, done: final };
}

/** The response of a recipient row: our send state first, then eSputnik's status. */
export function recipientResponse(r: { state: string; esputnikStatus: string | null }): ResponseKey {
  switch (r.state) {
    case "excluded":
      return "excluded";
    case "pending":
      return "not_sent";
    case "sending":
      return "sending";
    case "in_doubt":
      return "in_doubt";
    case "rejected":
      return "rejected";
    default:
      return r.esputnikStatus ? responseOf(r.esputnikStatus) : "in_queue";
  }
}

/**
 * Webhook and contact-activity events name what happened (`activityStatus`), which is not always
 * a message/status value. Maps them onto statuses; null for events that say nothing about delivery.
 */
export function statusOfActivity(activityStatus: string): string | null {
  switch (activityStatus.toUpperCase()) {
    case "DELIVERED":
    case "READ":
    case "CLICKED":
    case "UNDELIVERED":
    case "UNSUBSCRIBED":
    case "SPAM":
      return activityStatus.toUpperCase();
    default:
      // SENT (mobile push only), SUBSCRIPTION_CHANGED and anything new: not a delivery fact.
      return null;
  }
}
