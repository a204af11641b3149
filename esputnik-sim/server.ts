/**
 * The simulator's HTTP server (node:http only). Request pipeline for /api routes:
 * count → Basic auth (401) → route (404/405) → rate limit (429) → content type (415) →
 * body (413/400) → faults → handler → JSON quirks → the answer leaves once the injected latency
 * has passed since the request arrived.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createControl, type SimControl } from "./control";
import type { SimConfig } from "./config";
import { controlRoutes } from "./routes/control";
import { apiRoutes } from "./routes/index";
import { matchRoute, text, type Reply, type Route } from "./router";
import { SimState, type SimStateOptions } from "./state";
import { WebhookEmitter } from "./webhooks";

export interface SimOptions extends SimStateOptions {
  /** Default 0: an ephemeral port (read it from the handle). */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** When set, /__sim/ requests need `Authorization: Bearer <token>` or `X-Sim-Token: <token>`. */
  controlToken?: string;
  /** Where unexpected handler errors are reported. Default console.error. */
  log?: (message: string, error?: unknown) => void;
}

export interface SimHandle {
  /** Base URL of the API, e.g. `http://127.0.0.1:8081/api` (paths like /v1/account/info follow). */
  url: string;
  port: number;
  host: string;
  state: SimState;
  control: SimControl;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

function authenticate(config: SimConfig, header: string | undefined): string | undefined {
  if (!header?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  // Any user name with the API key; or the legacy login:password pair.
  if (password === config.auth.apiKey) return `key:${password}`;
  if (config.auth.login !== null && user === config.auth.login && password === config.auth.password) return `login:${user}`;
  return undefined;
}

const stringifyScalars = (_key: string, value: unknown): unknown =>
  typeof value === "number" || typeof value === "boolean" ? String(value) : value;

function respond(state: SimState, res: http.ServerResponse, reply: Reply): void {
  write(state, res, render(state, reply));
}

function write(state: SimState, res: http.ServerResponse, { status, headers, body }: Rendered): void {
  state.countResponse(status);
  res.writeHead(status, headers);
  res.end(body);
}

type Rendered = { status: number; headers: http.OutgoingHttpHeaders; body: string };

function render(state: SimState, reply: Reply): Rendered {
  let body: string;
  let contentType: string;
  if (reply.json !== undefined) {
    body = state.config.quirks.stringScalars && !reply.plain ? JSON.stringify(reply.json, stringifyScalars) : JSON.stringify(reply.json);
    contentType = "application/json; charset=UTF-8";
  } else {
    body = reply.text ?? "";
    contentType = reply.contentType ?? state.config.quirks.textContentType;
  }
  return { status: reply.status, headers: { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body), ...reply.headers }, body };
}

function readBody(req: http.IncomingMessage): Promise<string | "too_large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? "too_large" : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Reads and parses a JSON body; a Reply when it cannot (415, 413, 400). */
async function jsonBody(req: http.IncomingMessage, requireJsonType: boolean): Promise<{ body: unknown } | Reply> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (requireJsonType && type !== "application/json") {
    return text(415, "Unsupported Media Type");
  }
  const raw = await readBody(req);
  if (raw === "too_large") return text(413, "Request Entity Too Large");
  if (raw.trim() === "") return { body: undefined };
  try {
    return { body: JSON.parse(raw) as unknown };
  } catch {
    return text(400, "Malformed JSON in request body");
  }
}

function rateLimited(state: SimState): Reply {
  const retryAfter = state.config.rateLimit.retryAfterSeconds;
  return { status: 429, text: "Too many requests", headers: retryAfter === null ? undefined : { "Retry-After": String(retryAfter) } };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function handleApi(state: SimState, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const arrivedAt = performance.now();
  const method = req.method ?? "GET";
  const match = matchRoute(apiRoutes, method, url.pathname);
  state.countCall(match.kind === "none" ? "unmatched" : match.kind === "found" ? match.route.name : match.name);

  const scope = authenticate(state.config, req.headers.authorization);
  // UNKNOWN(§8.4): short text body plus a WWW-Authenticate challenge, like a servlet Basic filter.
  if (scope === undefined) {
    return respond(state, res, { status: 401, text: "Unauthorized", headers: { "WWW-Authenticate": 'Basic realm="eSputnik API"' } });
  }
  if (match.kind === "none") return respond(state, res, text(404, "Not Found"));
  if (match.kind === "wrong_method") {
    return respond(state, res, { status: 405, text: "Method Not Allowed", headers: { Allow: match.allowed.join(", ") } });
  }
  const route: Route = match.route;
  const config = state.config;
  if (config.rateLimit.enabled) {
    const buckets = [{ name: "global", capacity: config.rateLimit.perSecond, perSecond: config.rateLimit.perSecond }, ...(route.limits?.(config) ?? [])];
    if (!state.limiter.allow(scope, buckets)) return respond(state, res, rateLimited(state));
  }

  let body: unknown;
  if (method === "POST" || method === "PUT") {
    const parsed = await jsonBody(req, true);
    if (!("body" in parsed)) return respond(state, res, parsed);
    body = parsed.body;
  }

  // The injected latency is eSputnik's response time as a client sees it: its own work (parsing,
  // queueing a thousand messages, writing the answer) happens within that time, not after it, as
  // on a real server whose latency includes its processing. An answer that takes longer to prepare
  // than the latency leaves when it is ready.
  const answerAt = arrivedAt + state.faults.latencyMs(route.name);
  const whenDue = async () => {
    const wait = answerAt - performance.now();
    if (wait > 0) await sleep(wait);
  };
  const fault = state.faults.decide(route.name);
  if (fault === "rate_limit") return whenDue().then(() => respond(state, res, rateLimited(state)));
  if (fault === "server_error") return whenDue().then(() => respond(state, res, text(500, "Internal Server Error")));
  if (fault === "drop_before") {
    await whenDue();
    res.socket?.destroy();
    return;
  }

  const reply = route.handler({ state, params: match.params, query: url.searchParams, body });

  if (fault === "drop_after") {
    await whenDue();
    res.socket?.destroy();
    return;
  }
  if (fault === "timeout") {
    // Processed, but the answer never comes: hang until the client gives up (bounded).
    const timer = setTimeout(() => res.socket?.destroy(), state.faults.config.hangMs);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  // Rendered before the wait: serialising a thousand results is part of the server's time.
  const rendered = render(state, reply);
  await whenDue();
  write(state, res, rendered);
}

async function handleControl(
  state: SimState,
  routes: Route[],
  token: string | undefined,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<void> {
  if (token !== undefined) {
    const given = req.headers["x-sim-token"] ?? req.headers.authorization?.replace(/^Bearer\s+/i, "");
    if (given !== token) return respond(state, res, { status: 401, json: { error: "control token required" }, plain: true });
  }
  const method = req.method ?? "GET";
  const match = matchRoute(routes, method, url.pathname);
  if (match.kind === "none") return respond(state, res, { status: 404, json: { error: "unknown control endpoint" }, plain: true });
  if (match.kind === "wrong_method") {
    return respond(state, res, { status: 405, json: { error: `use ${match.allowed.join(", ")}` }, plain: true });
  }
  let body: unknown;
  if (method === "POST" || method === "PUT") {
    const parsed = await jsonBody(req, false);
    if (!("body" in parsed)) return respond(state, res, { ...parsed, plain: true });
    body = parsed.body;
  }
  respond(state, res, match.route.handler({ state, params: match.params, query: url.searchParams, body }));
}

export async function startSimulator(options: SimOptions = {}): Promise<SimHandle> {
  const state = new SimState(options);
  const webhook = new WebhookEmitter(state);
  state.onChange = () => webhook.configure();
  webhook.configure();
  const control = createControl(state, webhook);
  const controlRouteTable = controlRoutes(control);
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error));

  // 1,000 request ids make a ~37 KB request line: above Node's default 16 KB header limit.
  const server = http.createServer({ maxHeaderSize: 128 * 1024 }, (req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator.local");
    const work = url.pathname.startsWith("/__sim/")
      ? handleControl(state, controlRouteTable, options.controlToken, req, res, url)
      : handleApi(state, req, res, url);
    work.catch((error: unknown) => {
      log(`esputnik-sim: ${req.method} ${url.pathname} failed`, error);
      if (!res.headersSent && !res.destroyed) respond(state, res, text(500, "Internal Server Error"));
    });
  });
  // Idle keep-alive connections outlive client pools' own idle timeouts, so a client never
  // writes a request onto a socket the server is closing (which would look like a dropped send).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const publicHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const url = `http://${publicHost.includes(":") ? `[${publicHost}]` : publicHost}:${port}/api`;

  return {
    url,
    port,
    host,
    state,
    control,
    close: async () => {
      webhook.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
