import { describe, expect, it } from "vitest";
import { backoffMs } from "./failures";
import { Permits } from "./permits";

describe("permits", () => {
  it("never lets more than `size` holders in, and serves waiters first come, first served", async () => {
    const permits = new Permits(2);
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        permits.use(async () => {
          order.push(i);
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 2));
          inside--;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("backs off exponentially with jitter, capped", () => {
    expect(backoffMs(1, 100, 1000, () => 0)).toBe(50);
    expect(backoffMs(3, 100, 1000, () => 0.999)).toBeCloseTo(400, 0);
    expect(backoffMs(10, 100, 1000, () => 1)).toBe(1000);
  });
});
