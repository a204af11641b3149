import { describe, expect, it } from "vitest";
import { landingPath, safeCallbackPath } from "./callback-url";

describe("safeCallbackPath (no open redirect)", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/mailings?status=draft")).toBe("/mailings?status=draft");
    expect(safeCallbackPath("/settings")).toBe("/settings");
  });
  it.each([
    "https://evil.example/",
    "http://evil.example/x",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/ok\u0000",
    "/login?callbackUrl=//evil",
    "/api/auth/signout",
    "",
    null,
  ])("falls back to / for %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });
});

describe("landingPath", () => {
  it("lands on the mailings for the root and anything refused, and keeps a safe path", () => {
    expect(landingPath(undefined)).toBe("/mailings");
    expect(landingPath("/")).toBe("/mailings");
    expect(landingPath("https://evil.example/")).toBe("/mailings");
    expect(landingPath("/contacts?group=1")).toBe("/contacts?group=1");
  });
});
