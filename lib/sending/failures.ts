/**
 * What an error during sending means for the mailing. Three answers:
 *  - in doubt: the call may have reached eSputnik (timeout, 5xx, dropped connection after the
 *    request was written): the batch's recipients are never resent automatically;
 *  - retry: nothing was processed (429, connection refused): put the batch back, back off, go on;
 *  - fatal: the mailing cannot be sent as it is (credentials, unknown message, type mismatch…):
 *    stop, keep every unsent recipient pending, and show the reason (an i18n key).
 */
import { EsputnikError } from "@/lib/esputnik/errors";
import { DomainError } from "@/lib/errors";

/**
 * A mailing-level failure. `code` is an i18n key without placeholders (stored as the mailing's
 * failureCode); `detail` is eSputnik's own words or the offending value (its failureDetail).
 */
export class MailingFailure extends Error {
  constructor(
    readonly code: string,
    readonly detail: string = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.name = "MailingFailure";
  }
}

export type ErrorVerdict =
  | { kind: "in_doubt"; error: EsputnikError; detail: string }
  | { kind: "retry"; error: EsputnikError; detail: string }
  | { kind: "fatal"; failure: MailingFailure };

const detailOf = (err: EsputnikError): string => (err.body || err.message).trim().slice(0, 500);

/** Turns an eSputnik error into the mailing-level reason shown to the user. */
export function failureOf(err: EsputnikError): MailingFailure {
  const detail = detailOf(err);
  if (err.kind === "not_found") return new MailingFailure("sending.failure.messageNotFound", detail);
  // UNKNOWN(§8.5): the simulator answers 400 "Message type mismatch"; the real wording is unknown.
  if (err.kind === "bad_request" && /type mismatch/i.test(err.body)) return new MailingFailure("sending.failure.messageTypeMismatch", detail);
  return new MailingFailure(`sending.failure.${err.kind}`, detail || (err.status ? `HTTP ${err.status}` : ""));
}

/** Verdict for a failed write (smartsend). Reads and idempotent uploads use `isRetryable` instead. */
export function verdictOfSendError(err: unknown): ErrorVerdict {
  if (err instanceof MailingFailure) return { kind: "fatal", failure: err };
  if (err instanceof DomainError) return { kind: "fatal", failure: new MailingFailure(err.code) };
  if (!(err instanceof EsputnikError)) throw err;
  if (err.inDoubt) return { kind: "in_doubt", error: err, detail: detailOf(err) };
  if (isRetryable(err)) return { kind: "retry", error: err, detail: detailOf(err) };
  return { kind: "fatal", failure: failureOf(err) };
}

/** Nothing was processed and trying again later may work. */
export function isRetryable(err: EsputnikError): boolean {
  return err.kind === "rate_limited" || err.kind === "network" || err.kind === "timeout" || err.kind === "server_error" || err.kind === "invalid_response";
}

/** Exponential back-off with jitter for the n-th failure in a row (1-based). */
export function backoffMs(failures: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}
