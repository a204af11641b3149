import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "./config";
import { Plan, choosePlan } from "./lifecycle";
import { startTestSim, type TestSim } from "./testing";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterEach(() => t.sim.control.reset());
afterAll(() => t.sim.close());

type Status = { requestId: string; status: string; delivered: boolean | string; failed: boolean | string };

async function send(messageId: number, locators: string[]): Promise<string[]> {
  const body = { email: messageId === 293, recipients: locators.map((locator) => ({ locator })) };
  const json = await (await t.api(`/v1/message/${messageId}/smartsend`, { json: body })).json();
  const results = Array.isArray(json.results) ? json.results : [json.results];
  return results.map((r: { requestId: string }) => r.requestId);
}

async function statuses(ids: string[]): Promise<Status[]> {
  const response = await t.api(`/v1/message/status?ids=${ids.join(",")}`);
  expect(response.status).toBe(200);
  const json = await response.json();
  return json.results === undefined ? [] : Array.isArray(json.results) ? json.results : [json.results];
}

async function statusTimeline(id: string, checkpoints: number[]): Promise<string[]> {
  const seen: string[] = [];
  let elapsed = 0;
  for (const at of checkpoints) {
    t.sim.control.advance(at - elapsed);
    elapsed = at;
    seen.push((await statuses([id]))[0]?.status ?? "missing");
  }
  return seen;
}

describe("status lifecycle on the simulated clock", () => {
  it("moves an email IN_QUEUE → DELIVERED → READ → CLICKED only when the clock advances", async () => {
    const [id] = await send(293, ["anna+clicked@example.com"]);
    expect(await statusTimeline(id as string, [0, 4, 5, 60, 119, 120, 10_000])).toEqual([
      "IN_QUEUE",
      "IN_QUEUE",
      "DELIVERED",
      "READ",
      "READ",
      "CLICKED",
      "CLICKED",
    ]);
  });

  it("moves an SMS IN_QUEUE → PENDING → DELIVERED, or to its forced failure", async () => {
    const [ok, undelivered, expired, noMoney] = await send(290, ["380501230000", "380501230001", "380501230002", "380501230003"]);
    expect(await statusTimeline(ok as string, [0, 5, 30])).toEqual(["IN_QUEUE", "PENDING", "DELIVERED"]);
    t.sim.control.advance(3600);
    expect((await statuses([undelivered, expired, noMoney] as string[])).map((s) => s.status)).toEqual([
      "SMS_UNDELIVERED_STATE",
      "EXPIRED",
      "NO_MONEY",
    ]);
  });

  it("sets delivered/failed flags: delivered stays true after READ/CLICKED", async () => {
    const ids = await send(293, ["a+read@example.com", "b+undelivered@example.com", "c+spam@example.com", "d+queued@example.com"]);
    t.sim.control.advance(3600);
    expect((await statuses(ids)).map(({ status, delivered, failed }) => [status, delivered, failed])).toEqual([
      ["READ", true, false],
      ["UNDELIVERED", false, true],
      ["SPAM", false, true],
      ["IN_QUEUE", false, false],
    ]);
  });

  it("sends a single status as an object, and booleans as strings in stringScalars mode", async () => {
    const [id] = await send(293, ["a+delivered@example.com"]);
    t.sim.control.setConfig({ quirks: { stringScalars: true } });
    t.sim.control.advance(10);
    const json = await (await t.api(`/v1/message/status?ids=${id}`)).json();
    expect(json.results).toEqual({ requestId: id, status: "DELIVERED", delivered: "true", failed: "false" });
  });

  it("omits unknown ids by default, or reports MESSAGE_NOT_FOUND when configured", async () => {
    const [id] = await send(293, ["a@example.com"]);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await statuses([id as string, unknown])).map((s) => s.requestId)).toEqual([id]);
    t.sim.control.setConfig({ statusNotFound: "MESSAGE_NOT_FOUND" });
    expect((await statuses([unknown]))[0]).toMatchObject({ requestId: unknown, status: "MESSAGE_NOT_FOUND" });
  });

  it("answers 400 for a status call with no ids or more than the configured maximum", async () => {
    expect((await t.api("/v1/message/status")).status).toBe(400);
    const ids = Array.from({ length: 1001 }, (_, i) => `id-${i}`).join(",");
    const tooMany = await t.api(`/v1/message/status?ids=${ids}`);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/Too many ids/);
  });

  it("forgets ids across a reset (fresh requestId prefix)", async () => {
    const [id] = await send(293, ["a@example.com"]);
    t.sim.control.reset();
    expect(await statuses([id as string])).toEqual([]);
  });
});

describe("outcome choice", () => {
  const config = defaultConfig();

  it("is deterministic for a seed and differs between seeds", () => {
    const locators = Array.from({ length: 200 }, (_, i) => `user${i}@example.com`);
    const plans = (seed: string) => locators.map((l) => JSON.stringify(choosePlan(config, seed, "email", 293, l)));
    expect(plans("s1")).toEqual(plans("s1"));
    expect(plans("s1")).not.toEqual(plans("s2"));
  });

  it("follows the configured probabilities", () => {
    const counts = new Map<number, number>();
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const choice = choosePlan(config, "dist", "email", 293, `user${i}@example.com`);
      if ("plan" in choice) counts.set(choice.plan, (counts.get(choice.plan) ?? 0) + 1);
    }
    const share = (plan: number) => (counts.get(plan) ?? 0) / n;
    expect(share(Plan.EMAIL_UNDELIVERED)).toBeCloseTo(0.03, 2);
    // Opened = READ + CLICKED ≈ 35% of the delivered ≈ 95.5%.
    expect(share(Plan.EMAIL_READ) + share(Plan.EMAIL_CLICKED)).toBeCloseTo(0.35 * 0.955, 1);
    expect(share(Plan.EMAIL_CLICKED)).toBeCloseTo(0.08 * 0.955, 2);
  });

  it("obeys magic tags and phone suffixes whatever the seed", () => {
    expect(choosePlan(config, "x", "email", 1, "Ann+Spam@example.com")).toEqual({ plan: Plan.EMAIL_SPAM });
    expect(choosePlan(config, "x", "email", 1, "a+news+bounce+undelivered@example.com")).toEqual({ plan: Plan.EMAIL_UNDELIVERED });
    expect(choosePlan(config, "x", "sms", 1, "380671230005")).toEqual({ plan: Plan.SMS_STUCK_PENDING });
    expect(choosePlan(config, "x", "sms", 1, "380671230009")).toEqual({ reject: "Phone number is in the stop list" });
  });
});
