import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emailRecipients, startTestSim, type TestSim } from "./testing";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterEach(() => t.sim.control.reset());
afterAll(() => t.sim.close());

const sendBody = (prefix: string) => ({ email: true, recipients: emailRecipients(5, prefix) });

async function putFaults(faults: unknown): Promise<void> {
  const response = await t.ctl("faults", { method: "PUT", json: faults });
  expect(response.status).toBe(200);
}

describe("fault injection", () => {
  it("adds latency to the targeted endpoints only", async () => {
    await putFaults({ latencyMs: 300, endpoints: ["balance"] });
    const started = performance.now();
    expect((await t.api("/v1/balance")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    expect(t.sim.state.faults.latencyMs("account.info")).toBe(0);
  });

  it("counts latency from the request's arrival: the work happens within it, the answer leaves when it is due", async () => {
    await putFaults({ latencyMs: 400, endpoints: ["smartsend"] });
    const started = performance.now();
    const call = t.api("/v1/message/293/smartsend", { json: { email: true, recipients: emailRecipients(1000, "lat") } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Processed already, half-way through the latency; the client has no answer yet.
    expect(t.sim.control.ledger().acceptedRecipients).toBe(1000);
    expect((await call).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(395);
  });

  it("plays a script of one-shot faults in order: 429 and 500 leave nothing processed", async () => {
    await putFaults({ script: ["rate_limit", "server_error"], endpoints: ["smartsend"] });
    const first = await t.api("/v1/message/293/smartsend", { json: sendBody("a") });
    expect([first.status, await first.text()]).toEqual([429, "Too many requests"]);
    const second = await t.api("/v1/message/293/smartsend", { json: sendBody("b") });
    expect([second.status, await second.text()]).toEqual([500, "Internal Server Error"]);
    expect((await t.api("/v1/message/293/smartsend", { json: sendBody("c") })).status).toBe(200);
    expect(t.sim.control.ledger()).toMatchObject({ acceptedRecipients: 5, sendCalls: 1 });
  });

  it("drops the connection before processing: the client sees an error, nothing is recorded", async () => {
    await putFaults({ script: ["drop_before"] });
    await expect(t.api("/v1/message/293/smartsend", { json: sendBody("a") })).rejects.toThrow(/fetch failed/);
    expect(t.sim.control.ledger().acceptedRecipients).toBe(0);
  });

  it("accepts then drops: the send is recorded although the client sees a dropped connection", async () => {
    await putFaults({ script: ["drop_after"] });
    await expect(t.api("/v1/message/293/smartsend", { json: sendBody("a") })).rejects.toThrow(/fetch failed/);
    expect(t.sim.control.ledger()).toMatchObject({ acceptedRecipients: 5, distinctExternalRequestIds: 5 });
  });

  it("times out after processing: hangs until the client aborts", async () => {
    await putFaults({ script: ["timeout"], hangMs: 10_000 });
    const started = performance.now();
    await expect(t.api("/v1/message/293/smartsend", { json: sendBody("a"), signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(5000); // not the 10 s hang
    expect(t.sim.control.ledger().acceptedRecipients).toBe(5);
  });

  it("ends a hang by itself after hangMs", async () => {
    await putFaults({ script: ["timeout"], hangMs: 100 });
    await expect(t.api("/v1/account/info")).rejects.toThrow(/fetch failed/);
  });

  it("draws probabilistic faults deterministically for the seed", async () => {
    const run = async () => {
      t.sim.control.reset();
      await putFaults({ rateLimit: 0.3, serverError: 0.2, endpoints: ["account.info"] });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await t.api("/v1/account/info")).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((s) => s === 429).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(1);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(8);
  });

  it("rejects an invalid fault configuration with 400", async () => {
    const response = await t.ctl("faults", { method: "PUT", json: { rateLimit: 2, script: ["explode"] } });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.length).toBe(2);
  });
});
