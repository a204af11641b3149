/**
 * Every recipient "response" key (translated under `responses.*`), in display order. Plain data, so
 * client components and the send engine can import it without the SQL in ./responses.ts.
 */
export const RESPONSES = [
  "not_sent",
  "excluded",
  "sending",
  "in_doubt",
  "rejected",
  "in_queue",
  "delivered",
  "read",
  "clicked",
  "not_delivered",
] as const;
export type Response = (typeof RESPONSES)[number];

/**
 * The responses a follow-up mailing may be built from: outcomes of a call eSputnik accepted or
 * refused. Not "not sent", "sending" or "in doubt": those recipients still belong to the earlier
 * mailing (its Send again, reconcile or resend reaches them), and a follow-up taking them too
 * would send them the message twice.
 */
export const FOLLOW_UP_RESPONSES = ["not_delivered", "delivered", "read", "clicked", "in_queue", "rejected"] as const satisfies readonly Response[];

/** An SMS is never "read" and has no link to click: its follow-up offers only what it can have. */
export function followUpResponsesFor(channel: "email" | "sms"): readonly (typeof FOLLOW_UP_RESPONSES)[number][] {
  return channel === "sms" ? FOLLOW_UP_RESPONSES.filter((r) => r !== "read" && r !== "clicked") : FOLLOW_UP_RESPONSES;
}
