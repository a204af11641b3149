import { decodeKey, env } from "@/lib/env";

/** The AES key for secrets at rest, or null when the server has none (allowed outside production). */
export function settingsEncryptionKey(): Buffer | null {
  return env.SETTINGS_ENCRYPTION_KEY ? decodeKey(env.SETTINGS_ENCRYPTION_KEY) : null;
}
