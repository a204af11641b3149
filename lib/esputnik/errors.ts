export type EsputnikErrorKind =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "bad_request"
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "network"
  | "invalid_response";

export interface EsputnikErrorInit {
  kind: EsputnikErrorKind;
  message: string;
  method: string;
  /** API path without the base URL and query, e.g. `/v1/message/293/smartsend`. */
  path: string;
  status?: number | null;
  body?: string;
  inDoubt?: boolean;
  attempts?: number;
  cause?: unknown;
}

/** Error bodies can be whole HTML pages from a proxy; keep enough to diagnose, not megabytes. */
const MAX_BODY_CHARS = 4000;

/**
 * The only error type the client throws for API calls (argument errors are TypeError/RangeError).
 *
 * `inDoubt` is the flag to act on before resending: true means the request may have been
 * processed by eSputnik (a POST that timed out, got a 5xx, lost its connection after being
 * written, or got an unreadable 2xx). Never resend such a batch blindly; reconcile first
 * (e.g. contact activity by externalRequestId).
 */
export class EsputnikError extends Error {
  override readonly name = "EsputnikError";
  readonly kind: EsputnikErrorKind;
  /** HTTP status, or null when no response arrived (timeout, network). */
  readonly status: number | null;
  /** Response body text (truncated), "" when none. */
  readonly body: string;
  readonly inDoubt: boolean;
  readonly method: string;
  readonly path: string;
  /** How many HTTP attempts were made, retries included. */
  readonly attempts: number;

  constructor(init: EsputnikErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.body = (init.body ?? "").slice(0, MAX_BODY_CHARS);
    this.inDoubt = init.inDoubt ?? false;
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts ?? 1;
  }
}

export function isEsputnikError(value: unknown): value is EsputnikError {
  return value instanceof EsputnikError;
}

/** Maps an HTTP error status to an error kind. */
export function kindForStatus(status: number): EsputnikErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  // 400, 405, 409, 413, 415, ...: the request itself was rejected; the body says why.
  return "bad_request";
}
