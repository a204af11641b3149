import { describe, expect, it } from "vitest";
import {
  balanceSchema,
  contactsUpsertResultSchema,
  emailMessageSchema,
  importStatusSchema,
  messageStatusResponseSchema,
  smartsendResponseSchema,
} from "./schemas";

describe("response schemas tolerate the API's JSON quirks", () => {
  it("reads numbers and booleans sent as strings (old recorded balance)", () => {
    expect(balanceSchema.parse({ currentBalance: "0.0", creditLimit: "0.0", currency: "UAH", bonusEmails: "2500", bonusSmses: "10" })).toEqual({
      currentBalance: 0,
      creditLimit: 0,
      currency: "UAH",
      bonusEmails: 2500,
      bonusSmses: 10,
    });
  });

  it("reads a one-element results list sent as an object (FAQ example)", () => {
    const faq = { id: "0", results: { id: "0", locator: "test@mail.com", status: "OK", requestId: "3ff28330-0000-4000-8000-000000000000" } };
    expect(smartsendResponseSchema.parse(faq).results).toEqual([
      { locator: "test@mail.com", status: "OK", requestId: "3ff28330-0000-4000-8000-000000000000" },
    ]);
    const status = messageStatusResponseSchema.parse({ results: { requestId: "r1", status: "DELIVERED", delivered: "true", failed: "false" } });
    expect(status.results).toEqual([{ requestId: "r1", status: "DELIVERED", delivered: true, failed: false }]);
  });

  it("reads absent, null and empty lists as empty, and the spec's bare-array status form", () => {
    expect(messageStatusResponseSchema.parse({}).results).toEqual([]);
    expect(messageStatusResponseSchema.parse({ results: null }).results).toEqual([]);
    expect(messageStatusResponseSchema.parse(undefined).results).toEqual([]);
    expect(messageStatusResponseSchema.parse([{ requestId: 5, status: "IN_QUEUE" }]).results).toEqual([
      { requestId: "5", status: "IN_QUEUE", delivered: false, failed: false },
    ]);
    expect(contactsUpsertResultSchema.parse({ asyncSessionId: "s" })).toEqual({ asyncSessionId: "s", failedContacts: [], errorMessage: undefined });
    expect(importStatusSchema.parse({ status: "STARTED", mapping: null }).mapping).toEqual([]);
  });

  it("splits a failed contact into the echoed contact and its error", () => {
    const parsed = contactsUpsertResultSchema.parse({ asyncSessionId: "s", failedContacts: { firstName: "A", error: "Contact has no channels" } });
    expect(parsed.failedContacts).toEqual([{ contact: { firstName: "A" }, error: "Contact has no channels" }]);
  });

  it("accepts null optional fields and one-element tag lists in messages", () => {
    const message = emailMessageSchema.parse({ id: "293", name: "Webinar", tags: "webinar", subject: null, languages: ["uk"] });
    expect(message).toMatchObject({ id: 293, tags: ["webinar"], subject: undefined, subscriptionsKeys: [], translations: [] });
  });

  it("still rejects what cannot be read", () => {
    expect(smartsendResponseSchema.safeParse({ results: [{ locator: "a", status: "MAYBE" }] }).success).toBe(false);
    expect(balanceSchema.safeParse({ currentBalance: "lots", currency: "UAH" }).success).toBe(false);
  });
});
