import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emailRecipients, startTestSim, type TestSim } from "./testing";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterEach(() => t.sim.control.reset());
afterAll(() => t.sim.close());

type Result = { id: number; locator: string; status: string; requestId?: string; message?: string };

async function smartsend(messageId: number, body: unknown): Promise<{ status: number; text: string; json?: { id: number; results: Result | Result[] } }> {
  const response = await t.api(`/v1/message/${messageId}/smartsend`, { json: body });
  const text = await response.text();
  return { status: response.status, text, json: response.status === 200 ? JSON.parse(text) : undefined };
}

const asList = (results: Result | Result[] | undefined): Result[] => (Array.isArray(results) ? results : results ? [results] : []);

describe("smartsend shapes", () => {
  it("returns per-recipient results with UUID requestIds, in request order", async () => {
    const { status, json } = await smartsend(293, { email: true, recipients: emailRecipients(3) });
    expect(status).toBe(200);
    expect(json?.id).toBe(0);
    const results = asList(json?.results);
    expect(results.map((r) => r.locator)).toEqual(["r0@example.com", "r1@example.com", "r2@example.com"]);
    for (const result of results) {
      expect(result).toMatchObject({ id: 0, status: "OK" });
      expect(result.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(results.map((r) => r.requestId)).size).toBe(3);
  });

  it("sends a one-element results list as a bare object, unless the quirk is off", async () => {
    const single = await smartsend(293, { email: true, recipients: emailRecipients(1) });
    expect(Array.isArray(single.json?.results)).toBe(false);
    expect(single.json?.results).toMatchObject({ status: "OK", locator: "r0@example.com" });

    t.sim.control.setConfig({ quirks: { singleAsObject: false } });
    const array = await smartsend(293, { email: true, recipients: emailRecipients(1) });
    expect(Array.isArray(array.json?.results)).toBe(true);
  });
});

describe("smartsend validation", () => {
  it("rejects bad addresses per recipient inside HTTP 200", async () => {
    const { status, json } = await smartsend(293, {
      email: true,
      recipients: [{ locator: "ok@example.com" }, { locator: "bad" }, { locator: "x+reject@example.com" }, {}],
    });
    expect(status).toBe(200);
    expect(asList(json?.results).map((r) => [r.status, r.message])).toEqual([
      ["OK", undefined],
      ["ERROR", "'bad' is not valid email"],
      ["ERROR", "Recipient rejected"],
      ["ERROR", "Recipient must have locator, contactId or externalCustomerId"],
    ]);
    expect(t.sim.control.ledger()).toMatchObject({ acceptedRecipients: 1, rejectedRecipients: 3 });
  });

  it("validates phone numbers and the alpha name for SMS", async () => {
    const phones = await smartsend(290, { email: false, recipients: [{ locator: "380501234567" }, { locator: "+380501234568" }, { locator: "12ab" }] });
    expect(asList(phones.json?.results).map((r) => r.status)).toEqual(["OK", "OK", "ERROR"]);

    const unapproved = await smartsend(290, { email: false, fromName: "NEWBRAND", recipients: [{ locator: "380501234567" }] });
    expect(unapproved.status).toBe(200);
    expect(unapproved.json?.results).toMatchObject({ status: "ERROR", message: "Sender name 'NEWBRAND' is not approved" });

    const invalid = await smartsend(290, { email: false, fromName: "WAY-TOO-LONG-NAME", recipients: [{ locator: "380501234567" }] });
    expect(invalid.json?.results).toMatchObject({ status: "ERROR", message: "Invalid sender name 'WAY-TOO-LONG-NAME'" });

    const approved = await smartsend(290, { email: false, fromName: "SputnikDesk", recipients: [{ locator: "380501234567" }] });
    expect(approved.json?.results).toMatchObject({ status: "OK" });
  });

  it("answers 400 text for a channel mismatch, or follows the template when configured", async () => {
    const mismatch = await smartsend(290, { email: true, recipients: [{ locator: "380501234567" }] });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toBe("Message type mismatch: message 290 is sms, but email=true");
    // `email` omitted means false: an email message then mismatches too.
    expect((await smartsend(293, { recipients: [{ locator: "a@example.com" }] })).status).toBe(400);

    t.sim.control.setConfig({ channelMismatch: "follow-template" });
    expect((await smartsend(290, { email: true, recipients: [{ locator: "380501234567" }] })).json?.results).toMatchObject({ status: "OK" });
  });

  it("enforces 1..1000 recipients with a 400 text body and sends nothing", async () => {
    const tooMany = await smartsend(293, { email: true, recipients: emailRecipients(1001) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toBe("Too many recipients: 1001, the maximum is 1000");
    expect((await smartsend(293, { email: true, recipients: [] })).status).toBe(400);
    expect((await smartsend(293, { email: true, recipients: emailRecipients(1000) })).status).toBe(200);
    expect(t.sim.control.ledger().acceptedRecipients).toBe(1000);
  });

  it("answers 404 for an unknown message id", async () => {
    const unknown = await smartsend(999999, { email: true, recipients: emailRecipients(1) });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toMatch(/999999/);
  });

  it("wants jsonParam as a JSON string: an object is a 400, unparsable text a per-recipient error", async () => {
    expect((await smartsend(293, { email: true, recipients: [{ locator: "a@example.com", jsonParam: { name: "A" } }] })).status).toBe(400);
    const mixed = await smartsend(293, {
      email: true,
      recipients: [
        { locator: "a@example.com", jsonParam: '{"name":"A"}' },
        { locator: "b@example.com", jsonParam: "{not json" },
      ],
    });
    expect(asList(mixed.json?.results).map((r) => r.status)).toEqual(["OK", "ERROR"]);
  });

  it("resolves contactId and externalCustomerId recipients to the contact's address", async () => {
    const { json } = await smartsend(293, { email: true, recipients: [{ externalCustomerId: "crm-1" }, { contactId: 424242 }] });
    expect(asList(json?.results).map((r) => [r.status, r.locator])).toEqual([
      ["OK", "olena.kovalenko@example.com"],
      ["ERROR", ""],
    ]);
  });

  it("queues recipients when the money runs out, and they end NO_MONEY", async () => {
    t.sim.control.setConfig({ balance: { currentBalance: 1.5, bonusSmses: 0 } });
    // The promo SMS is one part (65 characters, ≤ 70 in UCS-2): 1.2 UAH per recipient.
    const { json } = await smartsend(290, { email: false, recipients: [{ locator: "380501110001" }, { locator: "380501110002" }] });
    const [first, second] = asList(json?.results);
    expect([first?.status, second?.status]).toEqual(["OK", "OK"]);
    t.sim.control.advance(3600 * 2);
    const statuses = await (await t.api(`/v1/message/status?ids=${first?.requestId},${second?.requestId}`)).json();
    expect(statuses.results.map((s: { status: string }) => s.status)).toEqual(["SMS_UNDELIVERED_STATE", "NO_MONEY"]);
    expect((await (await t.api("/v1/balance")).json()).currentBalance).toBeCloseTo(0.3, 5);
  });
});
