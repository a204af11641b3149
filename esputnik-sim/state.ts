/**
 * Everything the simulator knows: configuration, clock, seeded account data, send records,
 * ledger, contacts, faults, rate-limit buckets and call counters. `reset` rebuilds it.
 */
import { applyConfigPatch, defaultConfig, type DeepPartial, type SimConfig } from "./config";
import { SimClock, type ClockMode } from "./clock";
import { ContactStore } from "./contacts";
import { Faults } from "./faults";
import { SimRateLimiter } from "./ratelimit";
import { Ledger, SendRecords } from "./records";
import {
  APPROVED_ALPHA_NAMES,
  EMAIL_SENDERS,
  seedBalance,
  seedContacts,
  seedGroups,
  seedMessages,
  type BalanceState,
  type SimMessage,
} from "./seed";

export interface SimStateOptions {
  /** Seed of the deterministic outcomes and faults. Default "sputnik". */
  seed?: string | number;
  /**
   * "real" (default): statuses move with wall-clock time, as the app's demo needs.
   * "virtual": time stands still until `advance` (deterministic tests).
   */
  clock?: ClockMode;
  /** Start of the virtual clock (ms since epoch). Default: now. */
  startTime?: number;
  apiKey?: string;
  /** Optional legacy login:password pair accepted besides the API key. */
  login?: string;
  password?: string;
  config?: DeepPartial<SimConfig>;
}

export class SimState {
  config!: SimConfig;
  seed!: string;
  clock!: SimClock;
  messages!: Map<number, SimMessage>;
  alphaNames!: string[];
  emailSenders!: string[];
  balance!: BalanceState;
  contacts!: ContactStore;
  ledger!: Ledger;
  records!: SendRecords;
  faults!: Faults;
  readonly limiter = new SimRateLimiter();
  readonly calls = new Map<string, number>();
  readonly responses = new Map<number, number>();
  /** Called after a reset or a config change, e.g. to (re)start the webhook emitter. */
  onChange: () => void = () => {};

  constructor(private readonly options: SimStateOptions = {}) {
    this.reset();
  }

  /** Back to the start options: fresh data, ledger, counters, faults and config. */
  reset(seed: string | number | undefined = this.options.seed): void {
    this.seed = String(seed ?? "sputnik");
    this.config = defaultConfig();
    const errors = applyConfigPatch(this.config, this.options.config ?? {});
    if (errors.length > 0) throw new Error(`invalid simulator config: ${errors.join("; ")}`);
    if (this.options.apiKey !== undefined) this.config.auth.apiKey = this.options.apiKey;
    if (this.options.login !== undefined) this.config.auth.login = this.options.login;
    if (this.options.password !== undefined) this.config.auth.password = this.options.password;

    this.clock = new SimClock(this.options.clock ?? "real", this.options.startTime);
    this.messages = new Map(seedMessages().map((message) => [message.data.id, message]));
    this.alphaNames = [...APPROVED_ALPHA_NAMES];
    this.emailSenders = [...EMAIL_SENDERS];
    this.balance = seedBalance();
    this.contacts = new ContactStore(seedGroups(), seedContacts());
    const ledger = new Ledger();
    this.ledger = ledger;
    this.records = new SendRecords(
      () => this.config.retention.maxRecords,
      (ids) => ledger.forget(ids),
    );
    this.faults = new Faults(this.seed);
    this.limiter.clear();
    this.calls.clear();
    this.responses.clear();
    this.onChange();
  }

  /** Applies a partial config; returns validation errors (nothing changes when there are any). */
  updateConfig(patch: unknown): string[] {
    const { balance, ...rest } = (patch ?? {}) as { balance?: unknown };
    const errors = applyConfigPatch(this.config, rest);
    if (errors.length === 0 && balance !== undefined) errors.push(...this.updateBalance(balance));
    if (errors.length === 0) this.onChange();
    return errors;
  }

  private updateBalance(patch: unknown): string[] {
    if (typeof patch !== "object" || patch === null) return ["balance: expected an object"];
    const next = { ...this.balance };
    for (const [key, value] of Object.entries(patch)) {
      if (!(key in next)) return [`balance.${key}: unknown field`];
      const current = next[key as keyof BalanceState];
      if (typeof value !== typeof current) return [`balance.${key}: expected ${typeof current}`];
      (next as Record<string, unknown>)[key] = value;
    }
    this.balance = next;
    return [];
  }

  countCall(route: string): void {
    this.calls.set(route, (this.calls.get(route) ?? 0) + 1);
  }

  countResponse(status: number): void {
    this.responses.set(status, (this.responses.get(status) ?? 0) + 1);
  }
}
