import { describe, expect, it } from "vitest";
import { EsputnikError } from "@/lib/esputnik";
import { esputnikDomainError, refusalDetail } from "./test-connection";

const refusal = (body: string, status = 400) => ({ body, status });

describe("refusalDetail", () => {
  it("passes on eSputnik's one-line plain-text reason, shortened", () => {
    expect(refusalDetail(refusal("The event should have the following params: [eventTypeKey]"))).toBe("The event should have the following params: [eventTypeKey]");
    const long = refusalDetail(refusal("x".repeat(500)));
    expect(long).toHaveLength(160);
    expect(long.endsWith("…")).toBe(true);
  });

  it("shows only the status for pages, JSON, several lines or nothing", () => {
    expect(refusalDetail(refusal("<html><body>internal admin</body></html>"))).toBe("HTTP 400");
    expect(refusalDetail(refusal('{"token":"secret"}', 409))).toBe("HTTP 409");
    expect(refusalDetail(refusal("line one\nline two with secrets", 405))).toBe("HTTP 405");
    expect(refusalDetail(refusal("   "))).toBe("HTTP 400");
  });

  it("is what the translated error carries", () => {
    const err = new EsputnikError({ kind: "bad_request", message: "x", method: "GET", path: "/v1/account/info", status: 400, body: "<h1>nope</h1>" });
    expect(esputnikDomainError(err)).toMatchObject({ code: "esputnikErrors.bad_request", values: { status: 400, detail: "HTTP 400" } });
  });
});
