/**
 * Route table types and helpers shared by the route modules.
 */
import type { SimConfig } from "./config";
import type { BucketSpec } from "./ratelimit";
import type { SimState } from "./state";

export interface Reply {
  status: number;
  /** Serialized with the JSON quirks of the config (unless `plain`). */
  json?: unknown;
  /** Plain-text body, sent with the configured text Content-Type. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Control API: JSON without API quirks. */
  plain?: boolean;
}

export interface RouteContext {
  state: SimState;
  /** Regex captures of the path. */
  params: string[];
  query: URLSearchParams;
  body: unknown;
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface Route {
  /** Stable name used in call counts and fault targeting, e.g. "smartsend". */
  name: string;
  method: Method;
  pattern: RegExp;
  handler: (ctx: RouteContext) => Reply;
  /** Rate limits on top of the global one. */
  limits?: (config: SimConfig) => BucketSpec[];
}

export type RouteMatch =
  | { kind: "found"; route: Route; params: string[] }
  | { kind: "wrong_method"; allowed: Method[]; name: string }
  | { kind: "none" };

export function matchRoute(routes: Route[], method: string, path: string): RouteMatch {
  const allowed: Method[] = [];
  let name = "";
  for (const route of routes) {
    const found = route.pattern.exec(path);
    if (!found) continue;
    if (route.method === method) return { kind: "found", route, params: found.slice(1) };
    allowed.push(route.method);
    name ||= route.name;
  }
  return allowed.length > 0 ? { kind: "wrong_method", allowed, name } : { kind: "none" };
}

export const ok = (json: unknown, headers?: Record<string, string>): Reply => ({ status: 200, json, headers });
export const text = (status: number, message: string): Reply => ({ status, text: message });

/** JAXB quirk: a one-element list becomes the element itself (when the quirk is on). */
export function collapse<T>(state: SimState, items: T[]): T[] | T {
  return state.config.quirks.singleAsObject && items.length === 1 ? (items[0] as T) : items;
}

/** `startindex` (1-based) and `maxrows` (≤ limit), or a 400 reply. */
export function paging(query: URLSearchParams, config: SimConfig): { start: number; rows: number } | Reply {
  const start = query.has("startindex") ? Number(query.get("startindex")) : 1;
  const rows = query.has("maxrows") ? Number(query.get("maxrows")) : config.limits.maxRows;
  if (!Number.isInteger(start) || start < 1) return text(400, "startindex must be a positive integer");
  if (!Number.isInteger(rows) || rows < 1 || rows > config.limits.maxRows) {
    return text(400, `maxrows must be between 1 and ${config.limits.maxRows}`);
  }
  return { start, rows };
}

export function isReply(value: unknown): value is Reply {
  return typeof value === "object" && value !== null && "status" in value;
}

/** Parses a path id as a positive int32, as the Java backend would. */
export function pathInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 2_147_483_647 ? n : undefined;
}
