import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../types";
import { esputnikSettings, type EsputnikSettingsRow } from "../schema";

export async function getEsputnikSettingsRow(db: Queryable): Promise<EsputnikSettingsRow | undefined> {
  const [row] = await db.select().from(esputnikSettings).where(eq(esputnikSettings.id, 1)).limit(1);
  return row;
}

export async function upsertEsputnikSettings(
  db: Queryable,
  values: { apiUrl: string; login: string; passwordEncrypted?: string | null; updatedBy: string | null },
): Promise<void> {
  const set: Record<string, unknown> = { apiUrl: values.apiUrl, login: values.login, updatedBy: values.updatedBy, updatedAt: sql`now()` };
  // `undefined` means "keep the stored password"; `null` means "remove it".
  if (values.passwordEncrypted !== undefined) set.passwordEncrypted = values.passwordEncrypted;
  await db
    .insert(esputnikSettings)
    .values({ id: 1, apiUrl: values.apiUrl, login: values.login, passwordEncrypted: values.passwordEncrypted ?? null, updatedBy: values.updatedBy })
    .onConflictDoUpdate({ target: esputnikSettings.id, set });
}
