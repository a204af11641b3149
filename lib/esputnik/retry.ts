/**
 * When a failed attempt may be retried, and how long to wait.
 *
 * The rule that matters: a retry must never be able to duplicate a send. So
 * - 429 is retried for every method (the request was rejected before processing);
 * - a connection that was never established (ECONNREFUSED & co.) is retried for every method;
 * - 5xx, timeouts and dropped connections are retried only for idempotent requests (GET).
 *   For a POST they mean "may have been processed": the caller gets an in-doubt error instead.
 */

export interface RetryOptions {
  /** Total attempts including the first. Default 4. 1 disables retries. */
  attempts?: number;
  /** First back-off ceiling in ms; doubles per attempt. Default 250. */
  baseDelayMs?: number;
  /** Back-off ceiling in ms; also caps a server's Retry-After. Default 10,000. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1). Default Math.random. */
  random?: () => number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    attempts: Math.max(1, Math.floor(options.attempts ?? 4)),
    baseDelayMs: options.baseDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 10_000,
    random: options.random ?? Math.random,
  };
}

/**
 * Exponential back-off with "equal jitter": a uniform delay in [ceiling/2, ceiling], where
 * ceiling = base·2^(attempt-1) capped at maxDelayMs. The floor keeps retries from hammering the
 * server; the spread keeps many clients from retrying in lock-step.
 */
export function backoffDelayMs(attempt: number, options: ResolvedRetryOptions, retryAfterMs?: number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = ceiling / 2 + (options.random() * ceiling) / 2;
  if (retryAfterMs !== undefined) return Math.min(options.maxDelayMs, Math.max(jittered, retryAfterMs));
  return jittered;
}

/** Parses a Retry-After header (seconds or HTTP date) into ms. UNKNOWN(§8.4): the API may not send it. */
export function parseRetryAfterMs(header: string | null, nowMs = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Socket error codes meaning the request never left this machine: safe to retry any method. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Finds a Node/undici error code anywhere in a fetch error's cause chain. */
export function networkErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string" && code !== "") return code;
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return undefined;
}

export function wasNeverSent(error: unknown): boolean {
  const code = networkErrorCode(error);
  return code !== undefined && NOT_SENT_CODES.has(code);
}
