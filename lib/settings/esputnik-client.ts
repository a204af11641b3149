import type { Db } from "@/db/types";
import { createEsputnikClient, type EsputnikClient, type EsputnikClientOptions } from "@/lib/esputnik";
import { loadEsputnikConnection } from "./esputnik-settings";

/** An eSputnik client built from the saved settings (decrypted password, server-side only). */
export async function esputnikClientFromSettings(
  ctx: { db: Db; encryptionKey: Buffer | null },
  options: Omit<EsputnikClientOptions, "baseUrl" | "login" | "password"> = {},
): Promise<EsputnikClient> {
  return createEsputnikClient({ ...(await loadEsputnikConnection(ctx)), ...options });
}
