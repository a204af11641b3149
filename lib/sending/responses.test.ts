import { describe, expect, it } from "vitest";
import { EMAIL_STATUSES, SMS_STATUSES } from "@/lib/esputnik/statuses";
import { isDoneStatus, recipientResponse, responseOf, statusFacts, statusOfActivity, statusRank } from "./responses";

describe("eSputnik statuses as responses", () => {
  it("maps every documented status to the response of the Audience tab", () => {
    expect(responseOf("IN_QUEUE")).toBe("in_queue");
    expect(responseOf("PENDING")).toBe("in_queue");
    expect(responseOf("DELIVERED")).toBe("delivered");
    expect(responseOf("READ")).toBe("read");
    expect(responseOf("CLICKED")).toBe("clicked");
    for (const failed of ["UNDELIVERED", "BLACKLISTED", "NOT_CONFIRMED", "UNSUBSCRIBED", "SPAM", "NO_MONEY", "ERROR", "SMS_UNDELIVERED_STATE", "EXPIRED"]) {
      expect(responseOf(failed), failed).toBe("not_delivered");
    }
    expect(responseOf("MESSAGE_NOT_FOUND")).toBe("in_queue");
  });

  it("is Done once the delivery outcome is final", () => {
    const open = ["IN_QUEUE", "PENDING", "MESSAGE_NOT_FOUND", "SOMETHING_NEW"];
    for (const status of [...EMAIL_STATUSES, ...SMS_STATUSES]) expect(isDoneStatus(status), status).toBe(!open.includes(status));
  });

  it("ranks statuses so that none goes backwards: queued < pending < outcome < read < clicked", () => {
    expect(statusRank("MESSAGE_NOT_FOUND")).toBe(0);
    expect(statusRank("IN_QUEUE")).toBeLessThan(statusRank("PENDING"));
    expect(statusRank("PENDING")).toBeLessThan(statusRank("DELIVERED"));
    // Outcomes share one rank: the first one wins.
    expect(statusRank("DELIVERED")).toBe(statusRank("UNDELIVERED"));
    expect(statusRank("DELIVERED")).toBeLessThan(statusRank("READ"));
    expect(statusRank("READ")).toBeLessThan(statusRank("CLICKED"));
    expect(statusFacts("CLICKED")).toEqual({ status: "CLICKED", rank: 50, delivered: true, failed: false, done: true });
  });

  it("reads our send state before eSputnik's status", () => {
    expect(recipientResponse({ state: "pending", esputnikStatus: null })).toBe("not_sent");
    expect(recipientResponse({ state: "in_doubt", esputnikStatus: null })).toBe("in_doubt");
    expect(recipientResponse({ state: "rejected", esputnikStatus: null })).toBe("rejected");
    expect(recipientResponse({ state: "accepted", esputnikStatus: null })).toBe("in_queue");
    expect(recipientResponse({ state: "accepted", esputnikStatus: "SMS_UNDELIVERED_STATE" })).toBe("not_delivered");
  });

  it("takes delivery facts from activity events and ignores the rest", () => {
    expect(statusOfActivity("delivered")).toBe("DELIVERED");
    expect(statusOfActivity("UNDELIVERED")).toBe("UNDELIVERED");
    expect(statusOfActivity("SUBSCRIPTION_CHANGED")).toBeNull();
    expect(statusOfActivity("SENT")).toBeNull();
  });
});
