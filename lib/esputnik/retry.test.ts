import { describe, expect, it } from "vitest";
import { backoffDelayMs, networkErrorCode, parseRetryAfterMs, resolveRetryOptions, wasNeverSent } from "./retry";

describe("back-off", () => {
  it("grows exponentially with jitter in [ceiling/2, ceiling], capped", () => {
    const low = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 });
    const high = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5].map((a) => backoffDelayMs(a, low))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((a) => Math.round(backoffDelayMs(a, high)))).toEqual([100, 200, 400, 800, 1000]);
  });

  it("waits at least a server's Retry-After, but never beyond the cap", () => {
    const options = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 5000, random: () => 0 });
    expect(backoffDelayMs(1, options, 2000)).toBe(2000);
    expect(backoffDelayMs(1, options, 60_000)).toBe(5000);
    expect(parseRetryAfterMs("3")).toBe(3000);
    expect(parseRetryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfterMs(null)).toBeUndefined();
  });
});

describe("network error classification", () => {
  it("finds the code in fetch's cause chain and in AggregateErrors", () => {
    const refused = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    expect(networkErrorCode(refused)).toBe("ECONNREFUSED");
    expect(wasNeverSent(refused)).toBe(true);
    const happyEyeballs = new TypeError("fetch failed", { cause: new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]) });
    expect(wasNeverSent(happyEyeballs)).toBe(true);
  });

  it("treats a socket closed after writing as possibly sent", () => {
    const dropped = new TypeError("fetch failed", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) });
    expect(wasNeverSent(dropped)).toBe(false);
    expect(wasNeverSent(new Error("no code"))).toBe(false);
  });
});
