/**
 * The control surface of the simulator, shared by the in-process handle (`sim.control`) and the
 * HTTP control API under /__sim/ (routes/control.ts).
 */
import { formatApiDateTime } from "./clock";
import type { SimConfig } from "./config";
import type { FaultConfig } from "./faults";
import type { SimState } from "./state";
import type { WebhookEmitter, WebhookStats } from "./webhooks";

export class SimControlError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
    this.name = "SimControlError";
  }
}

export type LedgerSummary = ReturnType<SimState["ledger"]["summary"]>;

export interface CallCounts {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
}

export interface SimControl {
  /** Back to the start options: data, ledger, counters, faults, config. */
  reset(): void;
  /** Like reset, with another outcome seed. */
  seed(seed: string | number): void;
  /** Moves the simulated clock forward; returns the new time. */
  advance(seconds: number): { now: string };
  now(): number;
  /** Replaces the fault configuration (unspecified = off). */
  setFaults(faults: Partial<FaultConfig>): void;
  faults(): FaultConfig;
  /** Merges a partial config (and `balance`). */
  setConfig(patch: Record<string, unknown>): void;
  config(): SimConfig;
  ledger(): LedgerSummary;
  /** Accepted externalRequestIds still retained, in acceptance order, each once. */
  ledgerIds(): string[];
  calls(): CallCounts;
  resetCalls(): void;
  webhook(): WebhookStats;
  /** Resolves when every collected webhook event was delivered. */
  webhookIdle(): Promise<void>;
}

export function createControl(state: SimState, webhook: WebhookEmitter): SimControl {
  return {
    reset: () => state.reset(),
    seed: (seed) => state.reset(seed),
    advance(seconds) {
      if (!(typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0)) {
        throw new SimControlError(["seconds: expected a number >= 0"]);
      }
      const now = state.clock.advance(seconds);
      webhook.tick();
      return { now: formatApiDateTime(now) };
    },
    now: () => state.clock.now(),
    setFaults(faults) {
      const problems = state.faults.set(faults);
      if (problems.length > 0) throw new SimControlError(problems);
    },
    faults: () => structuredClone(state.faults.config),
    setConfig(patch) {
      const problems = state.updateConfig(patch);
      if (problems.length > 0) throw new SimControlError(problems);
    },
    config: () => structuredClone(state.config),
    ledger: () => state.ledger.summary(),
    ledgerIds: () => [...state.ledger.idCounts.keys()],
    calls() {
      const byRoute = Object.fromEntries(state.calls);
      return {
        total: [...state.calls.values()].reduce((sum, n) => sum + n, 0),
        byRoute,
        byStatus: Object.fromEntries([...state.responses].map(([status, n]) => [String(status), n])),
      };
    },
    resetCalls() {
      state.calls.clear();
      state.responses.clear();
    },
    webhook: () => webhook.snapshot(),
    webhookIdle: () => webhook.idle(),
  };
}
