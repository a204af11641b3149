/**
 * Client-side rate limiter that keeps the app under eSputnik's documented limits:
 * 200 requests/s overall, and for the message list/get endpoints 10 requests/s and 500/hour.
 *
 * UNKNOWN(§8.9): whether the server counts per account or per key, and with which window
 * (fixed, sliding or token bucket). A sliding-window log is the conservative choice: never
 * more than N requests in ANY window of the given length satisfies all three server models.
 * Share one limiter between every client using the same credentials (see `sharedEsputnikLimiter`).
 */
import { createHash } from "node:crypto";

export interface Clock {
  /** Milliseconds; only differences matter. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateWindow {
  limit: number;
  windowMs: number;
}

/**
 * Sliding-window log: remembers the times of the last `limit` grants in a ring. A new grant is
 * allowed once the oldest of them is `windowMs` old. Grants are recorded at the clock's current
 * time, which never goes backwards, so the ring stays sorted.
 */
class SlidingWindow {
  private readonly times: Float64Array;
  private head = 0;
  private count = 0;

  constructor(private readonly window: RateWindow) {
    if (!(window.limit >= 1) || !(window.windowMs > 0)) {
      throw new RangeError("a rate window needs limit >= 1 and windowMs > 0");
    }
    this.times = new Float64Array(Math.floor(window.limit));
  }

  /** Milliseconds until a grant is allowed (0 = now). */
  waitMs(now: number): number {
    if (this.count < this.times.length) return 0;
    const oldest = this.times[this.head] ?? 0;
    return Math.max(0, oldest + this.window.windowMs - now);
  }

  record(now: number): void {
    this.times[this.head] = now;
    this.head = (this.head + 1) % this.times.length;
    if (this.count < this.times.length) this.count++;
  }
}

/** `messages` = the message search/get endpoints, limited on top of `default`. */
export type LimiterBucket = "default" | "messages";

export interface EsputnikLimiterOptions {
  /** Overall requests per second. Default 200. */
  perSecond?: number;
  /** Message list/get requests per second. Default 10 (documented for GET /messages/email/{id}). */
  messagesPerSecond?: number;
  /** Message list/get requests per hour. Default 500. */
  messagesPerHour?: number;
  clock?: Clock;
}

export interface EsputnikLimiter {
  /** Resolves when a request to the bucket may be sent. */
  acquire(bucket: LimiterBucket): Promise<void>;
}

export function createEsputnikLimiter(options: EsputnikLimiterOptions = {}): EsputnikLimiter {
  const clock = options.clock ?? realClock;
  const overall = new SlidingWindow({ limit: options.perSecond ?? 200, windowMs: 1000 });
  const windows: Record<LimiterBucket, SlidingWindow[]> = {
    default: [overall],
    messages: [
      new SlidingWindow({ limit: options.messagesPerSecond ?? 10, windowMs: 1000 }),
      new SlidingWindow({ limit: options.messagesPerHour ?? 500, windowMs: 3_600_000 }),
      overall,
    ],
  };
  // One FIFO queue per bucket: a message call waiting for its hourly slot must not hold up sends.
  const queues: Record<LimiterBucket, Promise<void>> = { default: Promise.resolve(), messages: Promise.resolve() };

  async function waitForSlot(bucket: LimiterBucket): Promise<void> {
    for (;;) {
      const now = clock.now();
      const wait = Math.max(...windows[bucket].map((w) => w.waitMs(now)));
      if (wait <= 0) {
        // Check and record with no await in between, so the other queue cannot take the slot.
        for (const w of windows[bucket]) w.record(now);
        return;
      }
      await clock.sleep(wait);
    }
  }

  return {
    acquire(bucket) {
      const turn = queues[bucket].then(() => waitForSlot(bucket));
      queues[bucket] = turn.catch(() => {});
      return turn;
    },
  };
}

/** A limiter that lets everything through (benchmarks against the simulator). */
export const unlimited: EsputnikLimiter = { acquire: async () => {} };

const shared = new Map<string, EsputnikLimiter>();

/**
 * One limiter per (base URL, login, password) in this process, so clients created per request
 * with the same credentials share the budget. The key is a hash: no secrets kept in memory here.
 * Options only apply when the limiter is first created.
 */
export function sharedEsputnikLimiter(
  credentials: { baseUrl: string; login: string; password: string },
  options?: EsputnikLimiterOptions,
): EsputnikLimiter {
  const key = createHash("sha256")
    .update(`${credentials.baseUrl.replace(/\/+$/, "")}\n${credentials.login}\n${credentials.password}`)
    .digest("base64url");
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = createEsputnikLimiter(options);
    shared.set(key, limiter);
  }
  return limiter;
}
