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
