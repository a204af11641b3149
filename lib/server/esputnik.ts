import "server-only";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import type { EsputnikClient } from "@/lib/esputnik";
import { esputnikClientFromSettings } from "@/lib/settings/esputnik-client";
import { settingsEncryptionKey } from "@/lib/settings/encryption-key";

/** A lazy eSputnik client for domain verbs: built from the saved settings only when a verb needs it. */
export function esputnikFactory(db: Db): () => Promise<EsputnikClient> {
  return () => esputnikClientFromSettings({ db, encryptionKey: settingsEncryptionKey() }, { timeoutMs: env.ESPUTNIK_TIMEOUT_MS });
}
