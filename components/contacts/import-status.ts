import type { ContactImport } from "@/db/schema";

/** A running import whose browser has not sent a batch for this long was abandoned (tab closed). */
const ABANDONED_AFTER_MS = 2 * 60_000;

export type ImportStatusKey = ContactImport["status"] | "interrupted";

export function importStatus(job: Pick<ContactImport, "status" | "updatedAt">, now: Date): ImportStatusKey {
  return job.status === "running" && now.getTime() - job.updatedAt.getTime() > ABANDONED_AFTER_MS ? "interrupted" : job.status;
}
