/**
 * What happens to each accepted recipient, and when.
 *
 * At send time every recipient gets a *plan* (a small integer stored with the record): the
 * outcome forced by a magic address, or else drawn deterministically from hash(seed, message id,
 * locator). The status at any moment is derived from the plan and the time since the send, so
 * nothing has to be updated as the clock moves.
 *
 * Magic email addresses: a `+tag` in the local part, e.g. `anna+clicked@example.com`:
 *   +delivered +read +clicked +undelivered +blacklisted +unsubscribed +spam +notconfirmed
 *   +nomoney +error +queued (stays IN_QUEUE) +reject (ERROR at send time)
 * Magic phone numbers, by the last four digits:
 *   0000 DELIVERED · 0001 SMS_UNDELIVERED_STATE · 0002 EXPIRED · 0003 NO_MONEY
 *   0004 stays IN_QUEUE · 0005 stays PENDING · 0009 ERROR at send time
 */
import type { SimConfig } from "./config";
import { avalanche, fnv1a, toUnit } from "./random";
import type { Channel } from "./seed";

export const Plan = {
  EMAIL_DELIVERED: 0,
  EMAIL_READ: 1,
  EMAIL_CLICKED: 2,
  EMAIL_UNDELIVERED: 3,
  EMAIL_BLACKLISTED: 4,
  EMAIL_UNSUBSCRIBED: 5,
  EMAIL_SPAM: 6,
  EMAIL_NOT_CONFIRMED: 7,
  EMAIL_NO_MONEY: 8,
  EMAIL_ERROR: 9,
  EMAIL_STUCK: 10,
  SMS_DELIVERED: 20,
  SMS_UNDELIVERED: 21,
  SMS_EXPIRED: 22,
  SMS_NO_MONEY: 23,
  SMS_STUCK_QUEUED: 24,
  SMS_STUCK_PENDING: 25,
} as const;
export type PlanCode = (typeof Plan)[keyof typeof Plan];

/** Result of choosing a plan: a plan, or a rejection at send time (per-recipient ERROR). */
export type PlanChoice = { plan: PlanCode } | { reject: string };

const EMAIL_TAGS: Record<string, PlanChoice> = {
  delivered: { plan: Plan.EMAIL_DELIVERED },
  read: { plan: Plan.EMAIL_READ },
  clicked: { plan: Plan.EMAIL_CLICKED },
  undelivered: { plan: Plan.EMAIL_UNDELIVERED },
  blacklisted: { plan: Plan.EMAIL_BLACKLISTED },
  unsubscribed: { plan: Plan.EMAIL_UNSUBSCRIBED },
  spam: { plan: Plan.EMAIL_SPAM },
  notconfirmed: { plan: Plan.EMAIL_NOT_CONFIRMED },
  nomoney: { plan: Plan.EMAIL_NO_MONEY },
  error: { plan: Plan.EMAIL_ERROR },
  queued: { plan: Plan.EMAIL_STUCK },
  reject: { reject: "Recipient rejected" },
};

const SMS_SUFFIXES: Record<string, PlanChoice> = {
  "0000": { plan: Plan.SMS_DELIVERED },
  "0001": { plan: Plan.SMS_UNDELIVERED },
  "0002": { plan: Plan.SMS_EXPIRED },
  "0003": { plan: Plan.SMS_NO_MONEY },
  "0004": { plan: Plan.SMS_STUCK_QUEUED },
  "0005": { plan: Plan.SMS_STUCK_PENDING },
  "0009": { reject: "Phone number is in the stop list" },
};

function magicChoice(channel: Channel, locator: string): PlanChoice | undefined {
  if (channel === "sms") return SMS_SUFFIXES[locator.slice(-4)];
  // Cheap exit first: this runs for every recipient of every send.
  const plus = locator.indexOf("+");
  const at = locator.indexOf("@");
  if (plus < 0 || (at >= 0 && plus > at)) return undefined;
  for (const tag of locator.slice(plus, at < 0 ? undefined : at).toLowerCase().split("+").slice(1)) {
    const choice = EMAIL_TAGS[tag];
    if (choice) return choice;
  }
  return undefined;
}

/** The plan for a recipient: magic address first, else drawn from the seed. Deterministic. */
export function choosePlan(config: SimConfig, seed: string, channel: Channel, messageId: number, locator: string): PlanChoice {
  const magic = magicChoice(channel, locator);
  if (magic) return magic;
  // hash(seed | message id | locator, case-insensitive), hashed in parts to avoid allocations.
  const state = fnv1a(locator, fnv1a(`${seed}|${messageId}|`), true);
  const u = toUnit(avalanche(state));
  if (channel === "sms") {
    const { undelivered, expired } = config.outcomes.sms;
    if (u < undelivered) return { plan: Plan.SMS_UNDELIVERED };
    if (u < undelivered + expired) return { plan: Plan.SMS_EXPIRED };
    return { plan: Plan.SMS_DELIVERED };
  }
  const o = config.outcomes.email;
  let edge = 0;
  for (const [probability, plan] of [
    [o.undelivered, Plan.EMAIL_UNDELIVERED],
    [o.blacklisted, Plan.EMAIL_BLACKLISTED],
    [o.unsubscribed, Plan.EMAIL_UNSUBSCRIBED],
    [o.spam, Plan.EMAIL_SPAM],
    [o.error, Plan.EMAIL_ERROR],
  ] as const) {
    edge += probability;
    if (u < edge) return { plan };
  }
  // Delivered. `read` is the share that opens (READ or CLICKED), `clicked` the share that clicks.
  const engagement = toUnit(avalanche(state ^ 0x9e3779b9));
  if (engagement < o.clicked) return { plan: Plan.EMAIL_CLICKED };
  if (engagement < o.read) return { plan: Plan.EMAIL_READ };
  return { plan: Plan.EMAIL_DELIVERED };
}

export function noMoneyPlan(channel: Channel): PlanCode {
  return channel === "sms" ? Plan.SMS_NO_MONEY : Plan.EMAIL_NO_MONEY;
}

/** A status reached `atMs` after the send. */
export interface Step {
  atMs: number;
  status: string;
}

type Lifecycle = SimConfig["lifecycle"];

function buildSteps(plan: number, l: Lifecycle): Step[] {
  const s = (seconds: number, status: string): Step => ({ atMs: seconds * 1000, status });
  const queued = s(0, "IN_QUEUE");
  const emailDone = (status: string) => [queued, s(l.emailDeliverSeconds, status)];
  const smsDone = (status: string, seconds = l.smsFinalSeconds) => [queued, s(l.smsPendingSeconds, "PENDING"), s(seconds, status)];
  switch (plan) {
    case Plan.EMAIL_DELIVERED: return emailDone("DELIVERED");
    case Plan.EMAIL_READ: return [...emailDone("DELIVERED"), s(l.emailReadSeconds, "READ")];
    case Plan.EMAIL_CLICKED: return [...emailDone("DELIVERED"), s(l.emailReadSeconds, "READ"), s(l.emailClickSeconds, "CLICKED")];
    case Plan.EMAIL_UNDELIVERED: return emailDone("UNDELIVERED");
    case Plan.EMAIL_BLACKLISTED: return emailDone("BLACKLISTED");
    case Plan.EMAIL_UNSUBSCRIBED: return emailDone("UNSUBSCRIBED");
    case Plan.EMAIL_SPAM: return emailDone("SPAM");
    case Plan.EMAIL_NOT_CONFIRMED: return emailDone("NOT_CONFIRMED");
    case Plan.EMAIL_NO_MONEY: return emailDone("NO_MONEY");
    case Plan.EMAIL_ERROR: return emailDone("ERROR");
    case Plan.SMS_DELIVERED: return smsDone("DELIVERED");
    case Plan.SMS_UNDELIVERED: return smsDone("SMS_UNDELIVERED_STATE");
    case Plan.SMS_EXPIRED: return smsDone("EXPIRED", l.smsExpireSeconds);
    case Plan.SMS_NO_MONEY: return [queued, s(l.smsPendingSeconds, "NO_MONEY")];
    case Plan.SMS_STUCK_PENDING: return [queued, s(l.smsPendingSeconds, "PENDING")];
    default: return [queued]; // EMAIL_STUCK, SMS_STUCK_QUEUED
  }
}

let cachedKey = "";
let cachedTable: Step[][] = [];

/** Steps per plan code for the current timings (rebuilt only when the timings change). */
export function stepTable(lifecycle: Lifecycle): Step[][] {
  const key = JSON.stringify(lifecycle);
  if (key !== cachedKey) {
    const table: Step[][] = [];
    for (const plan of Object.values(Plan)) table[plan] = buildSteps(plan, lifecycle);
    cachedKey = key;
    cachedTable = table;
  }
  return cachedTable;
}

/** The longest time any plan takes to reach its last status. */
export function longestLifecycleMs(lifecycle: Lifecycle): number {
  return Math.max(...stepTable(lifecycle).flatMap((steps) => steps.map((step) => step.atMs)));
}

export function statusAt(steps: Step[], elapsedMs: number): string {
  let status = "IN_QUEUE";
  for (const step of steps) {
    if (step.atMs > elapsedMs) break;
    status = step.status;
  }
  return status;
}

const DELIVERED = new Set(["DELIVERED", "READ", "CLICKED"]);
const FAILED = new Set([
  "UNDELIVERED",
  "BLACKLISTED",
  "NOT_CONFIRMED",
  "UNSUBSCRIBED",
  "SPAM",
  "NO_MONEY",
  "ERROR",
  "SMS_UNDELIVERED_STATE",
  "EXPIRED",
]);

/** UNKNOWN(§8.2): `delivered` stays true after READ and CLICKED. */
export function statusFlags(status: string): { delivered: boolean; failed: boolean } {
  return { delivered: DELIVERED.has(status), failed: FAILED.has(status) };
}

/**
 * The activity-feed / webhook event for reaching a status, or null for statuses the feed does not
 * report (IN_QUEUE, PENDING). Failures without their own activity status are UNDELIVERED with the
 * status as description.
 */
export function activityFor(status: string): { activityStatus: string; statusDescription?: string } | null {
  switch (status) {
    case "DELIVERED":
    case "READ":
    case "CLICKED":
    case "UNSUBSCRIBED":
    case "SPAM":
      return { activityStatus: status };
    case "IN_QUEUE":
    case "PENDING":
      return null;
    default:
      return { activityStatus: "UNDELIVERED", statusDescription: status };
  }
}
