import type { Db } from "@/db/types";
import { EsputnikError } from "@/lib/esputnik";
import { DomainError } from "@/lib/errors";
import { esputnikClientFromSettings } from "./esputnik-client";

export type ConnectionReport = { organisation: string; email: string; balance: number; currency: string };

/**
 * The Settings "Test connection" check: account info (the documented way to test credentials)
 * and the balance. Every failure becomes a translated reason, never a raw error.
 */
export async function testEsputnikConnection(ctx: {
  db: Db;
  encryptionKey: Buffer | null;
  timeoutMs: number;
}): Promise<ConnectionReport> {
  const client = await esputnikClientFromSettings(ctx, { timeoutMs: ctx.timeoutMs, retry: { attempts: 1 } });
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
  return new DomainError(`esputnikErrors.${err.kind}`, {
    status: err.status ?? 0,
    detail: (err.body ?? err.message).slice(0, 300),
  });
}
