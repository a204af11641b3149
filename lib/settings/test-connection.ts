import type { Db } from "@/db/types";
import { EsputnikError } from "@/lib/esputnik";
import { DomainError } from "@/lib/errors";
import { esputnikClientFromSettings } from "./esputnik-client";
import { typedEsputnikConnection, type EsputnikSettingsInput } from "./esputnik-settings";

export type ConnectionReport = { organisation: string; email: string; balance: number; currency: string };

/**
 * The Settings "Test connection" check: account info (the documented way to test credentials)
 * and the balance — of the settings as typed in the form when given (typedEsputnikConnection),
 * else as saved. Every failure becomes a translated reason, never a raw error.
 */
export async function testEsputnikConnection(
  ctx: { db: Db; encryptionKey: Buffer | null; timeoutMs: number },
  typed?: EsputnikSettingsInput,
): Promise<ConnectionReport> {
  const connection = typed ? await typedEsputnikConnection(ctx, typed) : undefined;
  const client = await esputnikClientFromSettings(ctx, { timeoutMs: ctx.timeoutMs, retry: { attempts: 1 } }, connection);
  try {
    const [info, balance] = await Promise.all([client.accountInfo(), client.balance()]);
    return {
      organisation: info.organisationName,
      email: info.userEmail,
      balance: balance.currentBalance,
      currency: balance.currency,
    };
  } catch (err) {
    if (err instanceof EsputnikError) throw esputnikDomainError(err);
    throw err;
  }
}

/** Maps a client error to the message shown to a user. */
export function esputnikDomainError(err: EsputnikError): DomainError {
  return new DomainError(`esputnikErrors.${err.kind}`, { status: err.status ?? 0, detail: refusalDetail(err) });
}

const MAX_DETAIL_CHARS = 160;

/**
 * What a refusal says, for the person who caused it: eSputnik explains a 4xx in one short line of
 * plain text ("The event should have the following params: …"). Anything else — markup, JSON, more
 * lines — is not shown: the API address is whatever an admin typed, and its answers must not turn
 * Test connection into a way to read other servers' pages. The status stands in for it.
 */
export function refusalDetail(err: Pick<EsputnikError, "body" | "status">): string {
  const text = err.body.trim();
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const plain = text !== "" && firstLine === text && !/^[<{[]/.test(text) && !/[\u0000-\u001f\u007f]/.test(text);
  if (!plain) return `HTTP ${err.status ?? "—"}`;
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS - 1)}…` : text;
}
