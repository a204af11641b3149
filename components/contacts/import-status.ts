import type { ContactImport } from "@/db/schema";

/**
 * An upload with no new chunk for this long was abandoned (the tab closed before the file was
 * uploaded). A running import is never "interrupted": its background job resumes it.
 */
const ABANDONED_AFTER_MS = 2 * 60_000;

export type ImportStatusKey = ContactImport["status"] | "interrupted";

export function importStatus(job: Pick<ContactImport, "status" | "updatedAt">, now: Date): ImportStatusKey {
  return job.status === "uploading" && now.getTime() - new Date(job.updatedAt).getTime() > ABANDONED_AFTER_MS ? "interrupted" : job.status;
}
