import type { Db } from "@/db/types";
import { createEsputnikClient, type EsputnikClient, type EsputnikClientOptions } from "@/lib/esputnik";
import { loadEsputnikConnection, type EsputnikConnection } from "./esputnik-settings";

/**
 * An eSputnik client built from the saved settings (decrypted password, server-side only), or from
 * a connection resolved by the caller (the Settings form's typed values).
 */
export async function esputnikClientFromSettings(
  ctx: { db: Db; encryptionKey: Buffer | null },
  options: Omit<EsputnikClientOptions, "baseUrl" | "login" | "password"> = {},
  connection?: EsputnikConnection,
): Promise<EsputnikClient> {
  return createEsputnikClient({ ...(connection ?? (await loadEsputnikConnection(ctx))), ...options });
}
