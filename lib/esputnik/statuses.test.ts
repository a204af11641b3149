import { describe, expect, it } from "vitest";
import { EMAIL_STATUSES, SMS_STATUSES, classifyStatus, isKnownStatus } from "./statuses";

describe("status classification", () => {
  it("treats queued/pending as in flight and every other documented status as final", () => {
    for (const status of [...EMAIL_STATUSES, ...SMS_STATUSES]) {
      expect(isKnownStatus(status)).toBe(true);
      expect(classifyStatus(status).final).toBe(status !== "IN_QUEUE" && status !== "PENDING");
    }
  });

  it("separates delivered from failed", () => {
    expect(["DELIVERED", "READ", "CLICKED"].map((s) => classifyStatus(s))).toEqual(
      Array(3).fill({ final: true, delivered: true, failed: false }),
    );
    for (const status of ["UNDELIVERED", "BLACKLISTED", "NOT_CONFIRMED", "UNSUBSCRIBED", "SPAM", "NO_MONEY", "ERROR", "SMS_UNDELIVERED_STATE", "EXPIRED"]) {
      expect(classifyStatus(status)).toEqual({ final: true, delivered: false, failed: true });
    }
  });

  it("leaves unknown values (MESSAGE_NOT_FOUND, future statuses) undecided", () => {
    expect(classifyStatus("MESSAGE_NOT_FOUND")).toEqual({ final: false, delivered: false, failed: false });
    expect(isKnownStatus("SOMETHING_NEW")).toBe(false);
  });
});
