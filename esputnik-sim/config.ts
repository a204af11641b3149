/**
 * Everything about the simulator's behaviour that can be changed at run time
 * (`PUT /__sim/config`, `sim.control.setConfig`). Each choice on an unknown of the API doc
 * (/work/shared/esputnik-api.md §8) is marked UNKNOWN(§8.n) and listed in README.md.
 */

export const DEMO_API_KEY = "demo-esputnik-key";

export interface SimConfig {
  auth: {
    /** Basic auth: any user name, this as the password. */
    apiKey: string;
    /** Optional legacy pair (account login + password). */
    login: string | null;
    password: string | null;
  };
  account: { userEmail: string; organisationName: string };
  quirks: {
    /** One-element `results` / `failedContacts` lists sent as a bare object (JAXB style). */
    singleAsObject: boolean;
    /** UNKNOWN(§8.11): every number and boolean in JSON bodies sent as a string (older API behaviour). Off by default. */
    stringScalars: boolean;
    /**
     * Content-Type of plain-text bodies (errors). The real API labels them JSON.
     * UNKNOWN(§8.4): exact 401/429 bodies; the simulator sends short text.
     */
    textContentType: string;
  };
  limits: {
    smartsendRecipients: number;
    bulkContacts: number;
    maxRows: number;
    /** UNKNOWN(§8.1): max ids per GET /v1/message/status; over it → 400. */
    statusIds: number;
  };
  rateLimit: {
    enabled: boolean;
    /** UNKNOWN(§8.9): token buckets per API key (per credential), refilled continuously. */
    perSecond: number;
    /** GET /messages/email|sms[/{id}]: 500 per hour, each endpoint its own bucket. */
    messagesPerHour: number;
    /** GET /messages/email/{id}: 10 per second (Rate Limits page). */
    emailGetPerSecond: number;
    /** UNKNOWN(§8.4): whether 429 carries Retry-After. null = no header. */
    retryAfterSeconds: number | null;
  };
  /** UNKNOWN(§8.1): unknown requestIds are left out ("omit") or reported as MESSAGE_NOT_FOUND. */
  statusNotFound: "omit" | "MESSAGE_NOT_FOUND";
  /**
   * UNKNOWN(§8.5): `email:true` for an SMS message (or false for an email one).
   * "reject" → 400 "Message type mismatch…"; "follow-template" → the message's channel wins.
   */
  channelMismatch: "reject" | "follow-template";
  /** UNKNOWN(§8.5): value of `email` when omitted (Java primitive default: false). */
  emailDefault: boolean;
  /** UNKNOWN(§8.10): `groupNames` in bulk upsert creates missing segments (as Static). */
  createMissingGroups: boolean;
  /** Seconds after the send at which each status is reached (simulated clock). */
  lifecycle: {
    emailDeliverSeconds: number;
    emailReadSeconds: number;
    emailClickSeconds: number;
    smsPendingSeconds: number;
    smsFinalSeconds: number;
    smsExpireSeconds: number;
  };
  /** Probabilities of each outcome for addresses without a magic tag (see lifecycle.ts). */
  outcomes: {
    email: { undelivered: number; blacklisted: number; unsubscribed: number; spam: number; error: number; read: number; clicked: number };
    sms: { undelivered: number; expired: number };
  };
  /** A bulk import finishes after this many status polls or this many simulated seconds. */
  import: { pollsToFinish: number; secondsToFinish: number };
  prices: { email: number; smsPart: number };
  webhook: {
    url: string | null;
    user: string | null;
    password: string | null;
    batchSize: number;
    /** Real service: 1, 2, 4, 8 minutes… Scaled down here; doubles per failure up to retryMaxMs. */
    retryBaseMs: number;
    retryMaxMs: number;
  };
  /** Send records kept (status, activity, ledger ids); the oldest are evicted beyond it. */
  retention: { maxRecords: number };
}

export function defaultConfig(): SimConfig {
  return {
    auth: { apiKey: DEMO_API_KEY, login: null, password: null },
    account: { userEmail: "demo@sputnik-desk.test", organisationName: "Sputnik Desk Demo" },
    quirks: { singleAsObject: true, stringScalars: false, textContentType: "application/json; charset=UTF-8" },
    limits: { smartsendRecipients: 1000, bulkContacts: 3000, maxRows: 500, statusIds: 1000 },
    rateLimit: { enabled: true, perSecond: 200, messagesPerHour: 500, emailGetPerSecond: 10, retryAfterSeconds: null },
    statusNotFound: "omit",
    channelMismatch: "reject",
    emailDefault: false,
    createMissingGroups: true,
    lifecycle: {
      emailDeliverSeconds: 5,
      emailReadSeconds: 60,
      emailClickSeconds: 120,
      smsPendingSeconds: 5,
      smsFinalSeconds: 30,
      smsExpireSeconds: 3600,
    },
    outcomes: {
      email: { undelivered: 0.03, blacklisted: 0.005, unsubscribed: 0.005, spam: 0.002, error: 0.003, read: 0.35, clicked: 0.08 },
      sms: { undelivered: 0.04, expired: 0.01 },
    },
    import: { pollsToFinish: 3, secondsToFinish: 5 },
    prices: { email: 0, smsPart: 1.2 },
    webhook: { url: null, user: null, password: null, batchSize: 100, retryBaseMs: 1000, retryMaxMs: 60_000 },
    retention: { maxRecords: 1_000_000 },
  };
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

/**
 * Applies a partial patch onto a config, in place. Only known keys with the same type as the
 * current value are accepted (null where the current value may be null); anything else is
 * reported and nothing is changed.
 */
export function applyConfigPatch(target: SimConfig, patch: unknown): string[] {
  const errors: string[] = [];
  /** Settings that may be null, with the type of their non-null value. */
  const nullable: Record<string, "string" | "number"> = {
    "auth.login": "string",
    "auth.password": "string",
    "rateLimit.retryAfterSeconds": "number",
    "webhook.url": "string",
    "webhook.user": "string",
    "webhook.password": "string",
  };
  const enums: Record<string, readonly string[]> = {
    statusNotFound: ["omit", "MESSAGE_NOT_FOUND"],
    channelMismatch: ["reject", "follow-template"],
  };

  function check(base: Record<string, unknown>, value: unknown, path: string): void {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      errors.push(`${path || "config"}: expected an object`);
      return;
    }
    for (const [key, next] of Object.entries(value)) {
      const full = path ? `${path}.${key}` : key;
      if (!(key in base)) {
        errors.push(`${full}: unknown setting`);
        continue;
      }
      const current = base[key];
      if (next === null) {
        if (!(full in nullable)) errors.push(`${full}: may not be null`);
        continue;
      }
      if (current !== null && typeof current === "object") {
        check(current as Record<string, unknown>, next, full);
        continue;
      }
      const expected = current === null ? nullable[full] : typeof current;
      if (typeof next !== expected) {
        errors.push(`${full}: expected ${expected}`);
      } else if (typeof next === "number" && !(Number.isFinite(next) && next >= 0)) {
        errors.push(`${full}: expected a finite number >= 0`);
      } else if (enums[full] && !enums[full].includes(next as string)) {
        errors.push(`${full}: one of ${enums[full].join(", ")}`);
      }
    }
  }

  function merge(base: Record<string, unknown>, value: Record<string, unknown>): void {
    for (const [key, next] of Object.entries(value)) {
      const current = base[key];
      if (next !== null && current !== null && typeof current === "object") {
        merge(current as Record<string, unknown>, next as Record<string, unknown>);
      } else {
        base[key] = next;
      }
    }
  }

  check(target as unknown as Record<string, unknown>, patch, "");
  if (errors.length === 0) merge(target as unknown as Record<string, unknown>, patch as Record<string, unknown>);
  return errors;
}
