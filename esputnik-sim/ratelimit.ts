/**
 * Server-side throttling: token buckets refilled continuously in real time (not the simulated
 * clock: the limits are about real request rates).
 * UNKNOWN(§8.9): buckets are kept per credential (API key or login), not per account.
 */

class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(private readonly capacity: number, private readonly perMs: number, now: number) {
    this.tokens = capacity;
    this.last = now;
  }

  refill(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
    return this.tokens;
  }

  take(): void {
    this.tokens -= 1;
  }
}

export interface BucketSpec {
  /** Which limit, e.g. "global" or "messages.email.list/hour". */
  name: string;
  capacity: number;
  perSecond: number;
}

export class SimRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Takes one token from every bucket if all have one; otherwise takes none and returns false. */
  allow(scope: string, specs: BucketSpec[]): boolean {
    const now = this.now();
    const buckets = specs.map((spec) => {
      // Limits are part of the key, so changing the config starts fresh buckets.
      const key = `${scope}\n${spec.name}\n${spec.capacity}\n${spec.perSecond}`;
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = new TokenBucket(spec.capacity, spec.perSecond / 1000, now);
        this.buckets.set(key, bucket);
      }
      return bucket;
    });
    if (buckets.some((bucket) => bucket.refill(now) < 1)) return false;
    for (const bucket of buckets) bucket.take();
    return true;
  }

  clear(): void {
    this.buckets.clear();
  }
}
