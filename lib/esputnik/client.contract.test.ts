/**
 * Contract tests: the client against the real simulator (in-process, ephemeral port).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_KEY } from "@/esputnik-sim/config";
import { startTestSim, type TestSim } from "@/esputnik-sim/testing";
import { createEsputnikClient, type EsputnikClientOptions } from "./client";
import { EsputnikError } from "./errors";
import type { Clock } from "./limiter";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ startTime: Date.UTC(2025, 5, 10, 9, 0, 0) });
});
afterEach(() => t.sim.control.reset());
afterAll(() => t.sim.close());

/** A clock whose sleeps pass instantly (polling and back-off without waiting). */
const instantClock = (): Clock => {
  let now = 0;
  return { now: () => now, sleep: async (ms) => void (now += ms) };
};

function client(options: Partial<EsputnikClientOptions> = {}) {
  return createEsputnikClient({
    baseUrl: `${t.sim.url}/`,
    login: "sputnik-desk",
    password: DEMO_API_KEY,
    rateLimit: false,
    retry: { baseDelayMs: 1 },
    ...options,
  });
}

async function caught(promise: Promise<unknown>): Promise<EsputnikError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EsputnikError);
  return error as EsputnikError;
}

const calls = (route: string) => t.sim.control.calls().byRoute[route] ?? 0;

describe("account", () => {
  it("reads account info and balance", async () => {
    const c = client();
    expect(await c.accountInfo()).toEqual({ userEmail: "demo@sputnik-desk.test", organisationName: "Sputnik Desk Demo" });
    expect(await c.balance()).toEqual({ currentBalance: 12500.5, creditLimit: 0, currency: "UAH", bonusEmails: 2500, bonusSmses: 100 });
  });

  it("reads numbers and booleans sent as strings", async () => {
    t.sim.control.setConfig({ quirks: { stringScalars: true } });
    expect((await client().balance()).bonusEmails).toBe(2500);
  });

  it("maps a bad key to an unauthorized error with the server's text", async () => {
    const error = await caught(client({ password: "wrong" }).accountInfo());
    expect(error).toMatchObject({ kind: "unauthorized", status: 401, body: "Unauthorized", inDoubt: false, attempts: 1 });
  });
});

describe("messages", () => {
  it("lists email and SMS messages as pages with the TotalCount total", async () => {
    const c = client();
    const page = await c.listEmailMessages({ startindex: 2, maxrows: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((m) => m.id)).toEqual([312, 305]);
    const sms = await c.listSmsMessages({ search: "Акційна" });
    expect(sms).toEqual({ total: 1, items: [expect.objectContaining({ id: 290, from: "PROMO", name: "Акційна пропозиція", tags: ["promo"] })] });
  });

  it("gets one message per channel, and maps an unknown id to not_found", async () => {
    const c = client();
    expect(await c.getEmailMessage(293)).toMatchObject({ id: 293, name: "Запрошення на вебінар", subject: expect.any(String) });
    expect(await c.getSmsMessage(290)).toMatchObject({ id: 290, text: expect.stringContaining("SPRING20"), trackUrls: false });
    expect(await caught(c.getEmailMessage(999))).toMatchObject({ kind: "not_found", status: 404 });
  });

  it("refuses maxrows above 500 before calling", async () => {
    await expect(client().listEmailMessages({ maxrows: 501 })).rejects.toThrow(RangeError);
    expect(calls("messages.email.list")).toBe(0);
  });

  it("lists the approved SMS sender names", async () => {
    expect(await client().listSmsSenderNames()).toEqual(["SputnikDesk", "PROMO", "Sputnik"]);
  });
});

describe("smartsend", () => {
  it("returns per-recipient results carrying the externalRequestId, with jsonParam serialized", async () => {
    const results = await client().smartsend(293, {
      email: true,
      recipients: [
        { locator: "a@example.com", externalRequestId: "x-1", jsonParam: { name: "Анна" } },
        { locator: "not-an-email", externalRequestId: "x-2" },
        { locator: "c@example.com", externalRequestId: "x-3", jsonParam: '{"name":"C"}' },
      ],
    });
    expect(results).toEqual([
      { locator: "a@example.com", status: "OK", requestId: expect.any(String), externalRequestId: "x-1" },
      { locator: "not-an-email", status: "ERROR", message: "'not-an-email' is not valid email", externalRequestId: "x-2" },
      { locator: "c@example.com", status: "OK", requestId: expect.any(String), externalRequestId: "x-3" },
    ]);
  });

  it("reads a single result sent as an object, also with string scalars", async () => {
    t.sim.control.setConfig({ quirks: { stringScalars: true } });
    const [result] = await client().smartsend(290, { email: false, fromName: "SputnikDesk", recipients: [{ locator: "380501234567", externalRequestId: "s-1" }] });
    expect(result).toMatchObject({ status: "OK", externalRequestId: "s-1", requestId: expect.any(String) });
  });

  it("surfaces per-recipient alpha-name errors", async () => {
    const [result] = await client().smartsend(290, { email: false, fromName: "UNKNOWN", recipients: [{ locator: "380501234567" }] });
    expect(result).toMatchObject({ status: "ERROR", message: "Sender name 'UNKNOWN' is not approved" });
  });

  it("maps a 400 text body (labelled JSON) to bad_request with the server's text, not in doubt", async () => {
    const error = await caught(client().smartsend(290, { email: true, recipients: [{ locator: "380501234567" }] }));
    expect(error).toMatchObject({ kind: "bad_request", status: 400, inDoubt: false, body: "Message type mismatch: message 290 is sms, but email=true" });
    expect(error.message).toContain("Message type mismatch");
  });

  it("refuses 0 or more than 1,000 recipients before calling", async () => {
    const c = client();
    await expect(c.smartsend(293, { email: true, recipients: [] })).rejects.toThrow(RangeError);
    const many = Array.from({ length: 1001 }, (_, i) => ({ locator: `u${i}@example.com` }));
    await expect(c.smartsend(293, { email: true, recipients: many })).rejects.toThrow(RangeError);
    expect(calls("smartsend")).toBe(0);
  });

  it("maps an unknown message id to not_found", async () => {
    expect(await caught(client().smartsend(777, { email: true, recipients: [{ locator: "a@example.com" }] }))).toMatchObject({ kind: "not_found", inDoubt: false });
  });
});

describe("message status", () => {
  it("reads statuses in batches, tolerating a one-element object and unknown ids", async () => {
    const c = client({ statusIdsPerCall: 2 });
    const results = await c.smartsend(293, {
      email: true,
      recipients: ["a+read", "b+undelivered", "c+delivered", "d+queued"].map((local, i) => ({ locator: `${local}@example.com`, externalRequestId: `m${i}` })),
    });
    t.sim.control.advance(3600);
    const ids = [...results.map((r) => r.requestId as string), "00000000-0000-4000-8000-00000000dead"];
    const statuses = await c.messageStatus(ids);
    // 5 ids in batches of 2 → 3 calls; the last batch holds one unknown id (omitted by the API).
    expect(calls("message.status")).toBe(3);
    expect(statuses.map(({ status, delivered, failed }) => [status, delivered, failed])).toEqual([
      ["READ", true, false],
      ["UNDELIVERED", false, true],
      ["DELIVERED", true, false],
      ["IN_QUEUE", false, false],
    ]);
  });

  it("reads string booleans", async () => {
    const c = client();
    const [sent] = await c.smartsend(293, { email: true, recipients: [{ locator: "a+delivered@example.com" }] });
    t.sim.control.setConfig({ quirks: { stringScalars: true } });
    t.sim.control.advance(60);
    expect(await c.messageStatus([sent?.requestId as string])).toEqual([{ requestId: sent?.requestId, status: "DELIVERED", delivered: true, failed: false }]);
  });
});

describe("contacts and groups", () => {
  it("upserts contacts, waits for the import, and finds the new group", async () => {
    const c = client({ clock: instantClock() });
    const upsert = await c.upsertContacts({
      dedupeOn: "email",
      groupNames: ["Webinar 2025"],
      contacts: [
        { firstName: "Ann", channels: [{ type: "email", value: "ann@example.com" }] },
        { firstName: "Bob", channels: [] },
      ],
    });
    expect(upsert.failedContacts).toEqual([{ contact: { firstName: "Bob", channels: [] }, error: "Contact has no channels" }]);
    const finished = await c.waitForImport(upsert.asyncSessionId, { intervalMs: 1000 });
    expect(finished).toMatchObject({ status: "FINISHED", mapping: [{ dedupeValue: "ann@example.com", contactId: expect.any(Number) }] });
    expect(calls("importstatus")).toBe(3);
    expect(await c.listGroups({ name: "Webinar" })).toEqual([{ id: expect.any(Number), name: "Webinar 2025", type: "Static" }]);
  });

  it("gives up waiting for an import with a timeout error", async () => {
    t.sim.control.setConfig({ import: { pollsToFinish: 100, secondsToFinish: 100_000 } });
    const c = client({ clock: instantClock() });
    const { asyncSessionId } = await c.upsertContacts({ dedupeOn: "email", contacts: [{ channels: [{ type: "email", value: "a@example.com" }] }] });
    expect(await caught(c.waitForImport(asyncSessionId, { intervalMs: 1000, timeoutMs: 5000 }))).toMatchObject({ kind: "timeout", inDoubt: false });
  });

  it("refuses more than 3,000 contacts before calling", async () => {
    const contacts = Array.from({ length: 3001 }, (_, i) => ({ channels: [{ type: "email", value: `u${i}@example.com` }] }));
    await expect(client().upsertContacts({ dedupeOn: "email", contacts })).rejects.toThrow(RangeError);
  });

  it("lists the seeded groups", async () => {
    expect((await client().listGroups()).map((g) => `${g.id}:${g.type}`)).toEqual(["5001:Static", "5002:Static", "5003:Static", "5004:Dynamic"]);
  });
});

describe("contact activity", () => {
  it("pages the activity feed and finds items by externalRequestId", async () => {
    const c = client();
    await c.smartsend(293, {
      email: true,
      recipients: [
        { locator: "a+clicked@example.com", externalRequestId: "act-1" },
        { locator: "b+undelivered@example.com", externalRequestId: "act-2" },
        { locator: "c+delivered@example.com", externalRequestId: "act-3" },
      ],
    });
    t.sim.control.advance(600);
    const first = await c.contactActivity({ dateFrom: "2025-06-10", dateTo: new Date(Date.UTC(2025, 5, 10, 23, 59, 59)), maxrows: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextOffset).toBeDefined();

    const found = await c.findActivityByExternalRequestIds(["act-1", "act-2", "missing"], { dateFrom: "2025-06-10", dateTo: "2025-06-10", maxrows: 2 });
    expect([...found.keys()].sort()).toEqual(["act-1", "act-2"]);
    expect(found.get("act-1")?.map((a) => a.activityStatus)).toEqual(["DELIVERED", "READ", "CLICKED"]);
    expect(found.get("act-2")?.[0]).toMatchObject({ activityStatus: "UNDELIVERED", email: "b+undelivered@example.com", messageId: 293 });
  });
});

describe("error mapping without the simulator", () => {
  const fake = (status: number, body: string, contentType = "application/json") =>
    (async () => new Response(body, { status, headers: { "Content-Type": contentType } })) as typeof fetch;

  it("maps 403 to forbidden", async () => {
    expect(await caught(client({ fetch: fake(403, "Access denied") }).balance())).toMatchObject({ kind: "forbidden", body: "Access denied" });
  });

  it("maps an unreadable 2xx to invalid_response, in doubt only for a POST", async () => {
    expect(await caught(client({ fetch: fake(200, "OK") }).balance())).toMatchObject({ kind: "invalid_response", inDoubt: false, body: "OK" });
    const send = client({ fetch: fake(200, '{"results":[{"status":"??"}]}') }).smartsend(293, { email: true, recipients: [{ locator: "a@example.com" }] });
    expect(await caught(send)).toMatchObject({ kind: "invalid_response", inDoubt: true });
  });

  it("accepts a base URL with or without a trailing slash, and refuses a non-http one", async () => {
    const seen: string[] = [];
    const recording = (async (url: string) => {
      seen.push(url);
      return new Response('{"userEmail":"a","organisationName":"b"}');
    }) as unknown as typeof fetch;
    await createEsputnikClient({ baseUrl: "https://esputnik.com/api/", login: "", password: "k", fetch: recording, rateLimit: false }).accountInfo();
    await createEsputnikClient({ baseUrl: "https://esputnik.com/api", login: "", password: "k", fetch: recording, rateLimit: false }).accountInfo();
    expect(seen).toEqual(["https://esputnik.com/api/v1/account/info", "https://esputnik.com/api/v1/account/info"]);
    expect(() => createEsputnikClient({ baseUrl: "esputnik.com/api", login: "", password: "k" })).toThrow(TypeError);
  });
});
