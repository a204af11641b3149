import { describe, expect, it } from "vitest";
import { createEsputnikLimiter, sharedEsputnikLimiter, type Clock } from "./limiter";

/** Time moves only when the test says so; sleepers wake when their time comes. */
class ManualClock implements Clock {
  private t = 0;
  private sleepers: { at: number; wake: () => void }[] = [];
  now = () => this.t;
  sleep = (ms: number) => new Promise<void>((wake) => this.sleepers.push({ at: this.t + ms, wake }));
  /** Advances by `ms` in steps, waking sleepers in time order and letting them run. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const next = this.sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.t = Math.max(this.t, next.at);
      this.sleepers = this.sleepers.filter((s) => s !== next);
      next.wake();
    }
    this.t = end;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Acquires `count` times concurrently; returns the clock time of each grant. */
async function grants(clock: ManualClock, acquire: () => Promise<void>, count: number, runForMs: number): Promise<number[]> {
  const times: number[] = [];
  const all = Promise.all(Array.from({ length: count }, () => acquire().then(() => times.push(clock.now()))));
  await clock.advance(runForMs);
  await all;
  return times;
}

function maxInAnyWindow(times: number[], windowMs: number): number {
  let max = 0;
  for (let i = 0; i < times.length; i++) {
    const start = times[i] as number;
    max = Math.max(max, times.filter((t) => t >= start && t < start + windowMs).length);
  }
  return max;
}

describe("client rate limiter", () => {
  it("never grants more than perSecond in any one-second window", async () => {
    const clock = new ManualClock();
    const limiter = createEsputnikLimiter({ perSecond: 200, clock });
    const times = await grants(clock, () => limiter.acquire("default"), 450, 5000);
    expect(times).toHaveLength(450);
    expect(maxInAnyWindow(times, 1000)).toBe(200);
    // 200 at t=0, 200 at t=1000, 50 at t=2000.
    expect(Math.max(...times)).toBe(2000);
  });

  it("keeps message list/get calls under 10/s and 500/hour", async () => {
    const clock = new ManualClock();
    const limiter = createEsputnikLimiter({ clock });
    const times = await grants(clock, () => limiter.acquire("messages"), 505, 3_700_000);
    expect(maxInAnyWindow(times, 1000)).toBe(10);
    expect(maxInAnyWindow(times, 3_600_000)).toBe(500);
    expect(times.at(-1)).toBeGreaterThanOrEqual(3_600_000);
  });

  it("does not hold other calls behind a message call waiting for its hourly slot", async () => {
    const clock = new ManualClock();
    const limiter = createEsputnikLimiter({ messagesPerHour: 1, clock });
    await limiter.acquire("messages");
    let waitingDone = false;
    const waiting = limiter.acquire("messages").then(() => (waitingDone = true));
    await limiter.acquire("default");
    await clock.advance(1000);
    expect(waitingDone).toBe(false);
    await clock.advance(3_600_000);
    await waiting;
    expect(waitingDone).toBe(true);
  });

  it("shares one limiter per base URL and credentials", () => {
    const a = sharedEsputnikLimiter({ baseUrl: "https://esputnik.com/api/", login: "x", password: "key-1" });
    expect(sharedEsputnikLimiter({ baseUrl: "https://esputnik.com/api", login: "x", password: "key-1" })).toBe(a);
    expect(sharedEsputnikLimiter({ baseUrl: "https://esputnik.com/api", login: "x", password: "key-2" })).not.toBe(a);
  });
});
