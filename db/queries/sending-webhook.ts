import { eq } from "drizzle-orm";
import type { Queryable } from "../types";
import { esputnikWebhookCredentials, type EsputnikWebhookCredentials } from "../schema";

export async function getWebhookCredentials(db: Queryable): Promise<EsputnikWebhookCredentials | undefined> {
  const [row] = await db.select().from(esputnikWebhookCredentials).where(eq(esputnikWebhookCredentials.id, 1)).limit(1);
  return row;
}

/** Replaces the credentials (the previous secret stops working at once). */
export async function saveWebhookCredentials(db: Queryable, values: { username: string; secretHash: string; createdBy: string | null }): Promise<void> {
  await db
    .insert(esputnikWebhookCredentials)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: esputnikWebhookCredentials.id, set: { ...values, createdAt: new Date() } });
}
