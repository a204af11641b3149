import { describe, expect, it } from "vitest";
import { dashboardParams, parseDashboardFilter } from "./filter";
import { audienceHref, mailingsListHref } from "./links";

const TODAY = "2026-03-31";
const CREATOR = "5b0c6f0e-7a38-4d0e-9d55-3f8f5b8f1a01";

describe("dashboard filter from the URL", () => {
  it("defaults to the last 30 days with daily buckets", () => {
    expect(parseDashboardFilter({}, TODAY)).toMatchObject({ period: "30d", from: "2026-03-02", to: TODAY, bucket: "day", page: 1 });
  });

  it("reads a custom range, swapping reversed days, and keeps creator and message", () => {
    const f = parseDashboardFilter({ period: "custom", from: "2026-03-20", to: "2026-03-01", createdBy: CREATOR, message: CREATOR }, TODAY);
    expect(f).toMatchObject({ period: "custom", from: "2026-03-01", to: "2026-03-20", createdBy: CREATOR, messageId: CREATOR });
  });

  it("falls back instead of failing on bad values", () => {
    const f = parseDashboardFilter({ period: "custom", from: "2026-02-30", createdBy: "nope", bucket: "year", page: "-1" }, TODAY);
    expect(f).toMatchObject({ period: "30d", createdBy: undefined, bucket: "day", page: 1 });
  });

  it("coarsens a bucket that would draw too many points, and remembers what was asked", () => {
    const f = parseDashboardFilter({ period: "custom", from: "2025-01-01", to: TODAY, bucket: "day" }, TODAY);
    expect(f.bucket).toBe("week");
    expect(dashboardParams(f)).toMatchObject({ bucket: "day" });
  });

  it("round-trips through its URL parameters; presets stay relative to today", () => {
    const custom = parseDashboardFilter({ from: "2026-03-01", to: "2026-03-10", createdBy: CREATOR }, TODAY);
    expect(parseDashboardFilter(dashboardParams(custom) as Record<string, string>, TODAY)).toEqual(custom);
    expect(dashboardParams(parseDashboardFilter({ period: "7d" }, TODAY))).toEqual({ period: "7d" });
  });
});

describe("links from figures", () => {
  const f = parseDashboardFilter({ from: "2026-03-01", to: "2026-03-31", createdBy: CREATOR }, TODAY);

  it("open the mailings list with the same channel, days, creator and status", () => {
    expect(mailingsListHref(f, { channel: "sms", status: "draft" })).toBe(`/mailings?channel=sms&status=draft&from=2026-03-01&to=2026-03-31&createdBy=${CREATOR}`);
    expect(mailingsListHref(f, { channel: "email", range: { from: "2026-03-09", to: "2026-03-15" } })).toBe(
      `/mailings?channel=email&from=2026-03-09&to=2026-03-15&createdBy=${CREATOR}`,
    );
  });

  it("open a mailing's audience filtered to the one response counted, or its summary for a sum of several", () => {
    const delivered = ["delivered", "read", "clicked"] as const;
    expect(audienceHref("m1", ["not_delivered"])).toBe("/mailings/m1?tab=audience&response=not_delivered");
    expect(audienceHref("m1", delivered, { delivered: 3, read: 0 })).toBe("/mailings/m1?tab=audience&response=delivered");
    expect(audienceHref("m1", delivered, { delivered: 0, read: 0, clicked: 0 })).toBe("/mailings/m1?tab=audience&response=delivered");
    expect(audienceHref("m1", delivered, { delivered: 3, clicked: 1 })).toBe("/mailings/m1?tab=summary");
  });
});
