/** HTTP control API under /__sim/ (no Basic auth; optional control token, see server.ts). */
import { SimControlError, type SimControl } from "../control";
import type { Reply, Route } from "../router";

const plain = (json: unknown, status = 200): Reply => ({ status, json, plain: true });

function guarded(action: () => unknown): Reply {
  try {
    return plain(action() ?? { ok: true });
  } catch (error) {
    if (error instanceof SimControlError) return plain({ errors: error.problems }, 400);
    throw error;
  }
}

const field = (body: unknown, key: string): unknown =>
  typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined;

export function controlRoutes(control: SimControl): Route[] {
  const route = (name: string, method: Route["method"], path: string, handler: Route["handler"]): Route => ({
    name: `sim.${name}`,
    method,
    pattern: new RegExp(`^/__sim/${path}$`),
    handler,
  });
  return [
    route("reset", "POST", "reset", () => guarded(() => control.reset())),
    route("seed", "POST", "seed", ({ body }) =>
      guarded(() => {
        const seed = field(body, "seed");
        if (typeof seed !== "string" && typeof seed !== "number") throw new SimControlError(["seed: expected a string or number"]);
        control.seed(seed);
      }),
    ),
    route("advance", "POST", "advance", ({ body }) => guarded(() => control.advance(field(body, "seconds") as number))),
    route("faults.get", "GET", "faults", () => plain(control.faults())),
    route("faults.put", "PUT", "faults", ({ body }) => guarded(() => control.setFaults((body ?? {}) as object))),
    route("config.get", "GET", "config", () => plain(control.config())),
    route("config.put", "PUT", "config", ({ body }) => guarded(() => control.setConfig((body ?? {}) as Record<string, unknown>))),
    route("ledger", "GET", "ledger", () => plain(control.ledger())),
    route("ledger.ids", "GET", "ledger/ids", ({ query }) => {
      const ids = control.ledgerIds();
      // Newline-separated text is the compact form for large benchmarks.
      if (query.get("format") === "json") return plain(ids);
      return { status: 200, text: ids.length > 0 ? `${ids.join("\n")}\n` : "", contentType: "text/plain; charset=UTF-8" };
    }),
    route("calls", "GET", "calls", () => plain(control.calls())),
    route("calls.reset", "DELETE", "calls", () => guarded(() => control.resetCalls())),
    route("webhook", "GET", "webhook", () => plain(control.webhook())),
    route("health", "GET", "health", () => {
      const memory = process.memoryUsage();
      return plain({ ok: true, now: new Date(control.now()).toISOString(), rssBytes: memory.rss, heapUsedBytes: memory.heapUsed });
    }),
  ];
}
