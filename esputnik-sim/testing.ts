/**
 * Helpers for tests that talk to a simulator over raw HTTP (not through the client).
 */
import { DEMO_API_KEY } from "./config";
import { startSimulator, type SimHandle, type SimOptions } from "./server";

export interface TestSim {
  sim: SimHandle;
  /** fetch against `<sim>/api<path>` with valid Basic auth unless `auth` overrides it. */
  api(path: string, init?: RequestInit & { auth?: string | null; json?: unknown }): Promise<Response>;
  /** fetch against `<sim>/__sim/<path>`; `json` is sent as the body. */
  ctl(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

export const basicAuth = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** Starts a simulator on an ephemeral port with a virtual clock (override with `options`). */
export async function startTestSim(options: SimOptions = {}): Promise<TestSim> {
  const sim = await startSimulator({ clock: "virtual", seed: "test", log: () => {}, ...options });
  const withJson = (init: RequestInit & { json?: unknown }): RequestInit => {
    const { json, ...rest } = init;
    if (json === undefined) return rest;
    return { method: "POST", ...rest, body: JSON.stringify(json), headers: { "Content-Type": "application/json", ...rest.headers } };
  };
  return {
    sim,
    api(path, init = {}) {
      const { auth, ...rest } = init;
      const request = withJson(rest);
      const headers = new Headers(request.headers);
      const authorization = auth === undefined ? basicAuth("test", DEMO_API_KEY) : auth;
      if (authorization !== null) headers.set("Authorization", authorization);
      return fetch(`${sim.url}${path}`, { ...request, headers });
    },
    ctl(path, init = {}) {
      return fetch(`${sim.url.replace(/\/api$/, "/__sim")}/${path}`, withJson(init));
    },
  };
}

/** `count` valid recipients with unique locators and externalRequestIds. */
export function emailRecipients(count: number, prefix = "r"): { locator: string; externalRequestId: string }[] {
  return Array.from({ length: count }, (_, i) => ({ locator: `${prefix}${i}@example.com`, externalRequestId: `${prefix}-${i}` }));
}
