import { z } from "zod";
import type { Db } from "@/db/types";
import { getEsputnikSettingsRow, upsertEsputnikSettings } from "@/db/queries/settings";
import { decryptSecret, encryptSecret, SecretBoxError } from "@/lib/crypto/secret-box";
import { DomainError } from "@/lib/errors";

/** What the browser may see of the settings: never the password, only whether one is stored. */
export type EsputnikSettingsView = { apiUrl: string; login: string; passwordSet: boolean; updatedAt: Date | null };

export const esputnikSettingsInput = z.object({
  apiUrl: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .pipe(z.url({ protocol: /^https?$/, message: "validation.url" })),
  login: z.string().trim().max(320).default(""),
  password: z.string().max(1000).default(""),
  clearPassword: z
    .enum(["on", "true", "1"])
    .optional()
    .transform((v) => v !== undefined),
});
export type EsputnikSettingsInput = z.output<typeof esputnikSettingsInput>;

export async function getEsputnikSettingsView(db: Db, { defaultUrl }: { defaultUrl: string }): Promise<EsputnikSettingsView> {
  const row = await getEsputnikSettingsRow(db);
  return {
    apiUrl: row?.apiUrl ?? defaultUrl,
    login: row?.login ?? "",
    passwordSet: Boolean(row?.passwordEncrypted),
    updatedAt: row?.updatedAt ?? null,
  };
}

/**
 * Saves the connection settings. An empty password keeps the stored one (the form never shows it)
 * — but only for the same server: the stored password belongs to the address it was given for, so
 * pointing the settings at another host (scheme, name or port) forgets it, and "Test connection"
 * can never carry it to a server of someone's choosing. The new server's password is typed again.
 */
export async function saveEsputnikSettings(
  ctx: { db: Db; actorId: string | null; encryptionKey: Buffer | null },
  input: EsputnikSettingsInput,
): Promise<EsputnikSettingsView> {
  const apiUrl = input.apiUrl.replace(/\/+$/, "");
  let passwordEncrypted: string | null | undefined;
  if (input.clearPassword) passwordEncrypted = null;
  else if (input.password !== "") {
    if (!ctx.encryptionKey) throw new DomainError("errors.encryptionKeyMissing");
    passwordEncrypted = encryptSecret(input.password, ctx.encryptionKey);
  } else {
    const stored = await getEsputnikSettingsRow(ctx.db);
    if (stored?.passwordEncrypted && new URL(stored.apiUrl).origin !== new URL(apiUrl).origin) passwordEncrypted = null;
  }
  await upsertEsputnikSettings(ctx.db, { apiUrl, login: input.login, passwordEncrypted, updatedBy: ctx.actorId });
  return getEsputnikSettingsView(ctx.db, { defaultUrl: apiUrl });
}

export type EsputnikConnection = { baseUrl: string; login: string; password: string };

/**
 * The connection the Settings form holds right now, for "Test connection" before saving: the
 * typed address and login, and the typed password — or, left blank, the stored one, but only for
 * the server it was stored for (as saving does), so typing another address can never send the
 * stored password there. A cleared password tests as none.
 */
export async function typedEsputnikConnection(
  ctx: { db: Db; encryptionKey: Buffer | null },
  input: EsputnikSettingsInput,
): Promise<EsputnikConnection> {
  const baseUrl = input.apiUrl.replace(/\/+$/, "");
  if (input.password !== "" && !input.clearPassword) return { baseUrl, login: input.login, password: input.password };
  // One read: the address compared and the password used come from the same row, even if another
  // admin saves other settings meanwhile.
  const stored = await getEsputnikSettingsRow(ctx.db);
  const sameServer = stored?.apiUrl !== undefined && new URL(stored.apiUrl).origin === new URL(baseUrl).origin;
  if (input.clearPassword || !sameServer) throw new DomainError("esputnikErrors.passwordForAddress");
  if (!stored.passwordEncrypted) throw new DomainError("esputnikErrors.notConfigured");
  return { baseUrl, login: input.login, password: decryptStored(stored.passwordEncrypted, ctx.encryptionKey) };
}

function decryptStored(passwordEncrypted: string, encryptionKey: Buffer | null): string {
  if (!encryptionKey) throw new DomainError("errors.encryptionKeyMissing");
  try {
    return decryptSecret(passwordEncrypted, encryptionKey);
  } catch (err) {
    if (err instanceof SecretBoxError) throw new DomainError("esputnikErrors.decrypt");
    throw err;
  }
}

/** The decrypted connection for server-side calls. Throws DomainError when it cannot be used. */
export async function loadEsputnikConnection(ctx: { db: Db; encryptionKey: Buffer | null }): Promise<EsputnikConnection> {
  const row = await getEsputnikSettingsRow(ctx.db);
  if (!row?.apiUrl || !row.passwordEncrypted) throw new DomainError("esputnikErrors.notConfigured");
  return { baseUrl: row.apiUrl, login: row.login, password: decryptStored(row.passwordEncrypted, ctx.encryptionKey) };
}
