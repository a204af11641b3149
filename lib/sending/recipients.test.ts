import { describe, expect, it } from "vitest";
import { contactOf, locatorFor, personalisation } from "./recipients";
import { outcomesOf } from "./smartsend";

describe("recipients as eSputnik sees them", () => {
  it("sends phones in the documented digits-only form, emails as they are", () => {
    expect(locatorFor("sms", "+380501234567")).toBe("380501234567");
    expect(locatorFor("email", "Ann+tag@Example.com")).toBe("Ann+tag@Example.com");
  });

  it("personalises with the whole name as serialized JSON", () => {
    expect(JSON.parse(personalisation({ fullName: "Станкевич Сергій", email: null, phone: "+380630348945" }))).toEqual({
      name: "Станкевич Сергій",
      email: "",
      phone: "+380630348945",
    });
  });

  it("uploads a contact with both channels, a name within eSputnik's 40 characters, and its language", () => {
    expect(contactOf({ fullName: "x".repeat(50), email: "a@b.ua", phone: "+380501112233", language: "uk" })).toEqual({
      firstName: "x".repeat(40),
      channels: [
        { type: "email", value: "a@b.ua" },
        { type: "sms", value: "380501112233" },
      ],
      languageCode: "uk",
    });
  });

  it("maps smartsend results back to our ids; an OK without request id stays unsettled (in doubt)", () => {
    expect(
      outcomesOf([
        { locator: "a", status: "OK", requestId: "r-1", externalRequestId: "11" },
        { locator: "b", status: "ERROR", message: "'b' is not valid email", externalRequestId: "12" },
        { locator: "c", status: "OK", externalRequestId: "13" },
        { locator: "d", status: "OK", requestId: "r-4" },
      ]),
    ).toEqual([
      { id: 11, requestId: "r-1" },
      { id: 12, rejectReason: "'b' is not valid email" },
    ]);
  });
});
