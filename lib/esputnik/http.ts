/**
 * One HTTP exchange with eSputnik: rate limit, Basic auth, timeout, error mapping and retries.
 * Knows nothing about individual endpoints; ./client.ts does.
 */
import type { z } from "zod";
import { EsputnikError, kindForStatus } from "./errors";
import type { Clock, EsputnikLimiter, LimiterBucket } from "./limiter";
import { backoffDelayMs, parseRetryAfterMs, wasNeverSent, type ResolvedRetryOptions } from "./retry";

export interface Transport {
  baseUrl: string;
  authorization: string;
  timeoutMs: number;
  retry: ResolvedRetryOptions;
  limiter: EsputnikLimiter;
  fetch: typeof fetch;
  clock: Clock;
}

export interface ApiRequest {
  method: "GET" | "POST";
  /** Path after the base URL, e.g. `/v1/account/info`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Already-encoded query appended after `query` (lets `ids=a,b` keep its raw commas). */
  rawQuery?: string;
  body?: unknown;
  bucket?: LimiterBucket;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Attempts it took, retries included. */
  attempts: number;
}

export function basicAuthorization(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`, "utf8").toString("base64")}`;
}

/** GET is the only method retried after the server may have seen it. */
const isIdempotent = (request: ApiRequest): boolean => request.method === "GET";

function buildUrl(baseUrl: string, request: ApiRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const query = [params.toString(), request.rawQuery ?? ""].filter((part) => part !== "").join("&");
  return `${baseUrl}${request.path}${query ? `?${query}` : ""}`;
}

type Attempt =
  | { ok: true; response: ApiResponse }
  | { ok: false; error: EsputnikError; retryable: boolean; retryAfterMs?: number };

async function attemptOnce(transport: Transport, request: ApiRequest, url: string, attempts: number): Promise<Attempt> {
  const { method, path } = request;
  const idempotent = isIdempotent(request);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, transport.timeoutMs);

  try {
    const headers: Record<string, string> = { Authorization: transport.authorization, Accept: "application/json" };
    if (request.body !== undefined) headers["Content-Type"] = "application/json; charset=UTF-8";
    const response = await transport.fetch(url, {
      method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    });
    // The body is read under the same timeout: a server can stall after sending headers.
    const text = await response.text();
    if (response.status >= 200 && response.status < 300) {
      return { ok: true, response: { status: response.status, headers: response.headers, text, attempts } };
    }

    const status = response.status;
    const kind = kindForStatus(status);
    // 429: rejected before processing (any method may retry). 5xx: the server may have done the
    // work before failing, so a POST is in doubt and only a GET may retry.
    const retryable = kind === "rate_limited" || (kind === "server_error" && idempotent);
    const inDoubt = kind === "server_error" && !idempotent;
    const summary = text.trim().slice(0, 300) || response.statusText;
    return {
      ok: false,
      retryable,
      retryAfterMs: kind === "rate_limited" ? parseRetryAfterMs(response.headers.get("retry-after")) : undefined,
      error: new EsputnikError({
        kind,
        status,
        body: text,
        inDoubt,
        method,
        path,
        attempts,
        message: `eSputnik ${method} ${path} failed with HTTP ${status}: ${summary}`,
      }),
    };
  } catch (cause) {
    if (timedOut) {
      return {
        ok: false,
        retryable: idempotent,
        error: new EsputnikError({
          kind: "timeout",
          inDoubt: !idempotent,
          method,
          path,
          attempts,
          cause,
          message: `eSputnik ${method} ${path} timed out after ${transport.timeoutMs} ms`,
        }),
      };
    }
    // A refused connection never carried the request; any other failure (reset, "other side
    // closed") may have happened after the server received it.
    const neverSent = wasNeverSent(cause);
    const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    return {
      ok: false,
      retryable: neverSent || idempotent,
      error: new EsputnikError({
        kind: "network",
        inDoubt: !neverSent && !idempotent,
        method,
        path,
        attempts,
        cause,
        message: `eSputnik ${method} ${path} network error: ${detail}`,
      }),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Sends the request, retrying where that cannot duplicate work. Throws EsputnikError on failure. */
export async function send(transport: Transport, request: ApiRequest): Promise<ApiResponse> {
  const url = buildUrl(transport.baseUrl, request);
  for (let attempt = 1; ; attempt++) {
    await transport.limiter.acquire(request.bucket ?? "default");
    const result = await attemptOnce(transport, request, url, attempt);
    if (result.ok) return result.response;
    if (!result.retryable || attempt >= transport.retry.attempts) throw result.error;
    await transport.clock.sleep(backoffDelayMs(attempt, transport.retry, result.retryAfterMs));
  }
}

/**
 * Parses a 2xx body with a schema. JSON is tried whatever the Content-Type says (the API labels
 * plain text as JSON and vice versa). An unreadable 2xx to a POST is in doubt: the work was done.
 */
export function parseBody<S extends z.ZodType>(request: ApiRequest, response: ApiResponse, schema: S): z.output<S> {
  let value: unknown = undefined;
  const trimmed = response.text.trim();
  if (trimmed !== "") {
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw invalidResponse(request, response, "body is not JSON");
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ");
    throw invalidResponse(request, response, issues);
  }
  return parsed.data;
}

function invalidResponse(request: ApiRequest, response: ApiResponse, reason: string): EsputnikError {
  return new EsputnikError({
    kind: "invalid_response",
    status: response.status,
    body: response.text,
    inDoubt: !isIdempotent(request),
    method: request.method,
    path: request.path,
    attempts: response.attempts,
    message: `eSputnik ${request.method} ${request.path} returned an unexpected body (${reason})`,
  });
}

/** The `TotalCount` header as a number, if present and numeric. */
export function totalCountHeader(response: ApiResponse): number | undefined {
  const header = response.headers.get("totalcount");
  if (header === null || header.trim() === "") return undefined;
  const total = Number(header);
  return Number.isFinite(total) ? total : undefined;
}
