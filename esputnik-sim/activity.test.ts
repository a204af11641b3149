import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "./testing";

const START = Date.UTC(2025, 5, 10, 9, 0, 0); // 2025-06-10T09:00:00Z
let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ startTime: START });
});
afterEach(() => t.sim.control.reset());
afterAll(() => t.sim.close());

type Item = { activityStatus: string; activityDateTime: string; iid: string; externalRequestId?: string; email?: string; sms?: string; messageId: number; offset: string; statusDescription?: string };

async function activity(query: string): Promise<Item[]> {
  const response = await t.api(`/v2/contacts/activity?${query}`);
  expect(response.status).toBe(200);
  return response.json();
}

async function sendEmails(recipients: { locator: string; externalRequestId: string }[]): Promise<string[]> {
  const json = await (await t.api("/v1/message/293/smartsend", { json: { email: true, recipients } })).json();
  return (Array.isArray(json.results) ? json.results : [json.results]).map((r: { requestId: string }) => r.requestId);
}

describe("contact activity", () => {
  it("reports reached statuses with externalRequestId, iid = requestId, and the message", async () => {
    const [readId] = await sendEmails([
      { locator: "a+read@example.com", externalRequestId: "ext-1" },
      { locator: "b+undelivered@example.com", externalRequestId: "ext-2" },
      { locator: "c+queued@example.com", externalRequestId: "ext-3" },
    ]);
    expect(await activity("dateFrom=2025-06-10&dateTo=2025-06-10")).toEqual([]);
    t.sim.control.advance(120);
    const items = await activity("dateFrom=2025-06-10&dateTo=2025-06-10");
    expect(items.map((i) => [i.externalRequestId, i.activityStatus, i.activityDateTime, i.statusDescription])).toEqual([
      ["ext-1", "DELIVERED", "2025-06-10T09:00:05", undefined],
      ["ext-1", "READ", "2025-06-10T09:01:00", undefined],
      ["ext-2", "UNDELIVERED", "2025-06-10T09:00:05", "UNDELIVERED"],
    ]);
    expect(items[0]).toMatchObject({ iid: readId, email: "a+read@example.com", messageId: 293, mediaType: "email", messageName: "Запрошення на вебінар" });
  });

  it("filters by time range, email and activityStatus", async () => {
    await sendEmails([
      { locator: "a+clicked@example.com", externalRequestId: "e1" },
      { locator: "b+delivered@example.com", externalRequestId: "e2" },
    ]);
    t.sim.control.advance(3600);
    expect((await activity("dateFrom=2025-06-10T09:00:30&dateTo=2025-06-10T09:01:30")).map((i) => i.activityStatus)).toEqual(["READ"]);
    expect((await activity("dateFrom=2025-06-10&dateTo=2025-06-10&email=B%2Bdelivered@example.com")).map((i) => i.externalRequestId)).toEqual(["e2"]);
    expect((await activity("dateFrom=2025-06-10&dateTo=2025-06-10&activityStatus=CLICKED")).map((i) => i.externalRequestId)).toEqual(["e1"]);
    expect(await activity("dateFrom=2025-06-11&dateTo=2025-06-12")).toEqual([]);
  });

  it("pages with maxrows and the offset cursor of the last item", async () => {
    await sendEmails(Array.from({ length: 5 }, (_, i) => ({ locator: `u${i}+delivered@example.com`, externalRequestId: `p${i}` })));
    t.sim.control.advance(60);
    const seen: string[] = [];
    let offset = "";
    for (let page = 0; page < 5; page++) {
      const items = await activity(`dateFrom=2025-06-10&dateTo=2025-06-10&maxrows=2${offset ? `&offset=${offset}` : ""}`);
      seen.push(...items.map((i) => i.externalRequestId ?? ""));
      if (items.length < 2) break;
      offset = items.at(-1)?.offset ?? "";
    }
    expect(seen).toEqual(["p0", "p1", "p2", "p3", "p4"]);
  });

  it("validates the dates with 400 text", async () => {
    for (const query of ["dateFrom=2025-06-10", "dateFrom=10.06.2025&dateTo=2025-06-10", "dateFrom=2025-06-10&dateTo=2025-06-01", "dateFrom=2025-01-01&dateTo=2025-06-10"]) {
      expect((await t.api(`/v2/contacts/activity?${query}`)).status).toBe(400);
    }
  });
});

describe("webhooks", () => {
  let receiver: http.Server;
  let received: { auth: string | undefined; items: Item[] }[] = [];
  let failNext = 0;
  let receiverUrl = "";

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
          return;
        }
        received.push({ auth: req.headers.authorization, items: JSON.parse(body) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it("POSTs JSON arrays of events with Basic auth, retrying on non-200 without losing order", async () => {
    received = [];
    failNext = 1;
    t.sim.control.setConfig({ webhook: { url: receiverUrl, user: "hook", password: "pw", batchSize: 2, retryBaseMs: 20 } });
    await sendEmails([
      { locator: "a+clicked@example.com", externalRequestId: "w1" },
      { locator: "b+spam@example.com", externalRequestId: "w2" },
    ]);
    t.sim.control.advance(200);
    await t.sim.control.webhookIdle();

    expect(received.every((r) => r.auth === `Basic ${Buffer.from("hook:pw").toString("base64")}`)).toBe(true);
    expect(received.map((r) => r.items.length)).toEqual([2, 2]);
    expect(received.flatMap((r) => r.items.map((i) => `${i.externalRequestId}:${i.activityStatus}`))).toEqual([
      "w1:DELIVERED",
      "w1:READ",
      "w1:CLICKED",
      "w2:SPAM",
    ]);
    expect(t.sim.control.webhook()).toMatchObject({ delivered: 4, failedAttempts: 1, pending: 0 });
  });
});
