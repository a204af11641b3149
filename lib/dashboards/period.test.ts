import { describe, expect, it } from "vitest";
import { addDays, bucketStart, dayCount, defaultBucket, fitBucket, isDay, kyivToday, listBuckets, presetRange } from "./period";

describe("dashboard period (Kyiv days)", () => {
  it("takes today's date in Kyiv, not in UTC, on both sides of the summer-time switch", () => {
    expect(kyivToday(new Date("2026-03-01T21:59:00Z"))).toBe("2026-03-01"); // 23:59 in Kyiv (UTC+2)
    expect(kyivToday(new Date("2026-03-01T22:00:00Z"))).toBe("2026-03-02"); // midnight in Kyiv
    expect(kyivToday(new Date("2026-07-01T21:00:00Z"))).toBe("2026-07-02"); // midnight in Kyiv (UTC+3)
  });

  it("counts presets back from today, today included", () => {
    expect(presetRange("7d", "2026-03-02")).toEqual({ from: "2026-02-24", to: "2026-03-02" });
    expect(dayCount("2026-02-24", "2026-03-02")).toBe(7);
    expect(presetRange("90d", "2026-03-31")).toEqual({ from: addDays("2026-03-31", -89), to: "2026-03-31" });
  });

  it("validates calendar days", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("2026-2-3")).toBe(false);
  });

  it("starts weeks on Monday and months on the 1st, like date_trunc", () => {
    expect(bucketStart("2026-03-01", "week")).toBe("2026-02-23"); // a Sunday
    expect(bucketStart("2026-03-02", "week")).toBe("2026-03-02"); // a Monday
    expect(bucketStart("2026-03-17", "month")).toBe("2026-03-01");
  });

  it("lists every bucket of the period, clipped to the period, with no gaps", () => {
    expect(listBuckets("2026-03-01", "2026-03-17", "week")).toEqual([
      { start: "2026-02-23", from: "2026-03-01", to: "2026-03-01" },
      { start: "2026-03-02", from: "2026-03-02", to: "2026-03-08" },
      { start: "2026-03-09", from: "2026-03-09", to: "2026-03-15" },
      { start: "2026-03-16", from: "2026-03-16", to: "2026-03-17" },
    ]);
    expect(listBuckets("2026-01-15", "2026-03-02", "month").map((b) => [b.from, b.to])).toEqual([
      ["2026-01-15", "2026-01-31"],
      ["2026-02-01", "2026-02-28"],
      ["2026-03-01", "2026-03-02"],
    ]);
    expect(listBuckets("2026-03-28", "2026-03-31", "day").map((b) => b.start)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]);
  });

  it("picks a bucket that keeps the chart readable", () => {
    expect(defaultBucket("2026-03-01", "2026-03-30")).toBe("day");
    expect(defaultBucket("2026-01-01", "2026-03-31")).toBe("week");
    expect(defaultBucket("2025-01-01", "2026-03-31")).toBe("month");
    expect(fitBucket("day", "2026-01-01", "2026-03-31")).toBe("day"); // 90 points
    expect(fitBucket("day", "2025-01-01", "2026-03-31")).toBe("week");
    expect(fitBucket("day", "2020-01-01", "2026-03-31")).toBe("month");
  });
});
