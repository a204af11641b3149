/**
 * Injected failures for resilience tests (`PUT /__sim/faults`).
 *
 * Kinds, and whether the request is processed (what a client must assume is in brackets):
 * - rate_limit   429 text, not processed (safe to retry)
 * - server_error 500 text, not processed (a client cannot know that: in doubt for POST)
 * - drop_before  socket destroyed before processing (in doubt for POST)
 * - drop_after   processed (sends recorded in the ledger), then the socket is destroyed
 * - timeout      processed, then no response until the client gives up or `hangMs` passes
 */
import { z } from "zod";
import { seededRandom } from "./random";

export const FAULT_KINDS = ["none", "rate_limit", "server_error", "timeout", "drop_before", "drop_after"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const probability = z.number().min(0).max(1);

export const faultConfigSchema = z.object({
  /** Added before every affected call. */
  latencyMs: z.number().min(0).max(60_000).default(0),
  /** Uniform extra latency in [0, latencyJitterMs). */
  latencyJitterMs: z.number().min(0).max(60_000).default(0),
  rateLimit: probability.default(0),
  serverError: probability.default(0),
  timeout: probability.default(0),
  dropBefore: probability.default(0),
  dropAfter: probability.default(0),
  /** Route names the faults apply to (see GET /__sim/calls), e.g. ["smartsend"]; null = every /api route. */
  endpoints: z.array(z.string()).nullable().default(null),
  /** One-shot faults consumed in order by the next affected calls, before probabilities apply. */
  script: z.array(z.enum(FAULT_KINDS)).default([]),
  /** Upper bound of a "timeout" hang. */
  hangMs: z.number().min(0).max(600_000).default(30_000),
});

export type FaultConfig = z.output<typeof faultConfigSchema>;

export class Faults {
  config: FaultConfig = faultConfigSchema.parse({});
  private random: () => number;

  constructor(private readonly seed: string) {
    this.random = seededRandom(`${seed}|faults`);
  }

  /** Replaces the fault configuration (unspecified fields are off). Returns errors, if any. */
  set(input: unknown): string[] {
    const parsed = faultConfigSchema.safeParse(input ?? {});
    if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    this.config = parsed.data;
    this.random = seededRandom(`${this.seed}|faults`);
    return [];
  }

  applies(route: string): boolean {
    return this.config.endpoints === null || this.config.endpoints.includes(route);
  }

  latencyMs(route: string): number {
    if (!this.applies(route)) return 0;
    const { latencyMs, latencyJitterMs } = this.config;
    return latencyMs + (latencyJitterMs > 0 ? this.random() * latencyJitterMs : 0);
  }

  /** The fault for this call of `route`. Deterministic for a seed and call sequence. */
  decide(route: string): FaultKind {
    if (!this.applies(route)) return "none";
    const scripted = this.config.script.shift();
    if (scripted !== undefined) return scripted;
    const c = this.config;
    if (c.rateLimit + c.serverError + c.timeout + c.dropBefore + c.dropAfter === 0) return "none";
    let u = this.random();
    for (const [p, kind] of [
      [c.rateLimit, "rate_limit"],
      [c.serverError, "server_error"],
      [c.timeout, "timeout"],
      [c.dropBefore, "drop_before"],
      [c.dropAfter, "drop_after"],
    ] as const) {
      if (u < p) return kind;
      u -= p;
    }
    return "none";
  }
}
