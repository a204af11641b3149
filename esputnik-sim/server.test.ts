import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { basicAuth, startTestSim, type TestSim } from "./testing";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ login: "owner@example.com", password: "s3cret" });
});
afterEach(() => t.sim.control.reset());
afterAll(() => t.sim.close());

describe("authentication", () => {
  it("rejects a missing or wrong key with 401 and a short text body", async () => {
    for (const auth of [null, basicAuth("any", "wrong-key"), "Bearer demo-esputnik-key"]) {
      const response = await t.api("/v1/account/info", { auth });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic/);
      expect(await response.text()).toBe("Unauthorized");
    }
  });

  it("accepts any user name with the API key, and the legacy login:password pair", async () => {
    for (const auth of [basicAuth("", "demo-esputnik-key"), basicAuth("whoever", "demo-esputnik-key"), basicAuth("owner@example.com", "s3cret")]) {
      expect((await t.api("/v1/account/info", { auth })).status).toBe(200);
    }
    expect((await t.api("/v1/account/info", { auth: basicAuth("someone-else", "s3cret") })).status).toBe(401);
  });
});

describe("account and messages", () => {
  it("returns account info and the balance in UAH", async () => {
    expect(await (await t.api("/v1/account/info")).json()).toEqual({
      userEmail: "demo@sputnik-desk.test",
      organisationName: "Sputnik Desk Demo",
    });
    const balance = await (await t.api("/v1/balance")).json();
    expect(balance).toMatchObject({ currency: "UAH", currentBalance: 12500.5, creditLimit: 0 });
  });

  it("lists email messages with paging and the TotalCount header", async () => {
    const all = await t.api("/v1/messages/email");
    expect(all.headers.get("totalcount")).toBe("5");
    const page = await t.api("/v1/messages/email?startindex=2&maxrows=2");
    expect(page.headers.get("totalcount")).toBe("5");
    const items = (await page.json()) as { id: number }[];
    expect(items.map((m) => m.id)).toEqual([312, 305]);
  });

  it("searches by part of the name or a tag", async () => {
    const byName = (await (await t.api(`/v1/messages/email?search=${encodeURIComponent("вебінар")}`)).json()) as { id: number; name: string }[];
    expect(byName.map((m) => m.id)).toEqual([293]);
    const byTag = await t.api("/v1/messages/sms?search=promo");
    expect(byTag.headers.get("totalcount")).toBe("1");
    expect(((await byTag.json()) as { name: string }[])[0]?.name).toBe("Акційна пропозиція");
  });

  it("rejects maxrows over 500 and startindex 0 with 400 text", async () => {
    const tooMany = await t.api("/v1/messages/email?maxrows=501");
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/maxrows/);
    expect((await t.api("/v1/messages/sms?startindex=0")).status).toBe(400);
  });

  it("gets one message by id per channel, 404 for unknown ids or the wrong channel", async () => {
    const webinar = await (await t.api("/v1/messages/email/293")).json();
    expect(webinar).toMatchObject({ id: 293, name: "Запрошення на вебінар", languageCode: "uk" });
    expect(webinar.htmlText).toContain("<html>");
    expect(await (await t.api("/v1/messages/sms/290")).json()).toMatchObject({ id: 290, from: "PROMO" });
    expect((await t.api("/v1/messages/email/999999")).status).toBe(404);
    expect((await t.api("/v1/messages/email/290")).status).toBe(404);
  });

  it("lists the approved alpha names", async () => {
    expect(await (await t.api("/v1/interfaces/sms")).json()).toEqual([
      { type: "sms", value: "SputnikDesk" },
      { type: "sms", value: "PROMO" },
      { type: "sms", value: "Sputnik" },
    ]);
  });
});

describe("protocol errors", () => {
  it("answers 405 with Allow for a wrong method and 404 for an unknown path", async () => {
    const wrong = await t.api("/v1/message/293/smartsend");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect((await t.api("/v1/no/such/thing")).status).toBe(404);
  });

  it("answers 415 for a POST that is not JSON and 400 for malformed JSON", async () => {
    const notJson = await t.api("/v1/message/293/smartsend", { method: "POST", body: "x", headers: { "Content-Type": "text/plain" } });
    expect(notJson.status).toBe(415);
    const malformed = await t.api("/v1/message/293/smartsend", { method: "POST", body: "{", headers: { "Content-Type": "application/json" } });
    expect(malformed.status).toBe(400);
    // The real API labels its text bodies as JSON.
    expect(malformed.headers.get("content-type")).toMatch(/application\/json/);
    expect(await malformed.text()).toBe("Malformed JSON in request body");
  });
});

describe("quirks", () => {
  it("sends every number and boolean as a string in stringScalars mode", async () => {
    t.sim.control.setConfig({ quirks: { stringScalars: true } });
    const balance = await (await t.api("/v1/balance")).json();
    expect(balance).toMatchObject({ currentBalance: "12500.5", bonusEmails: "2500" });
    const send = await (await t.api("/v1/message/293/smartsend", { json: { email: true, recipients: [{ locator: "a@example.com" }] } })).json();
    expect(send.id).toBe("0");
  });
});

describe("rate limits", () => {
  it("answers 429 (text) beyond the per-second budget", async () => {
    t.sim.control.setConfig({ rateLimit: { perSecond: 3 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.api("/v1/account/info")).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await t.api("/v1/balance");
    expect(await limited.text()).toBe("Too many requests");
    expect(limited.headers.get("retry-after")).toBeNull();
  });

  it("limits message list/get per hour, separately from other calls, with optional Retry-After", async () => {
    t.sim.control.setConfig({ rateLimit: { messagesPerHour: 2, retryAfterSeconds: 30 } });
    expect((await t.api("/v1/messages/email")).status).toBe(200);
    expect((await t.api("/v1/messages/email")).status).toBe(200);
    const third = await t.api("/v1/messages/email");
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("30");
    expect((await t.api("/v1/account/info")).status).toBe(200);
    expect((await t.api("/v1/messages/sms")).status).toBe(200);
  });

  it("can be disabled for benchmarks", async () => {
    t.sim.control.setConfig({ rateLimit: { perSecond: 1, enabled: false } });
    for (let i = 0; i < 5; i++) expect((await t.api("/v1/account/info")).status).toBe(200);
  });
});
