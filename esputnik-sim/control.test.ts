import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "./testing";

describe("control API", () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim();
  });
  afterAll(() => t.sim.close());

  it("advances the clock and reports the new time", async () => {
    const before = t.sim.control.now();
    const response = await t.ctl("advance", { json: { seconds: 90 } });
    expect(response.status).toBe(200);
    expect(t.sim.control.now() - before).toBe(90_000);
    expect((await t.ctl("advance", { json: { seconds: -1 } })).status).toBe(400);
  });

  it("merges partial config, validates it, and applies balance changes", async () => {
    expect((await t.ctl("config", { method: "PUT", json: { quirks: { stringScalars: true }, balance: { currentBalance: 7 } } })).status).toBe(200);
    const config = await (await t.ctl("config")).json();
    expect(config.quirks).toMatchObject({ stringScalars: true, singleAsObject: true });
    expect((await (await t.api("/v1/balance")).json()).currentBalance).toBe("7");

    const bad = await t.ctl("config", { method: "PUT", json: { quirks: { stringScalars: "yes" }, nope: 1, statusNotFound: "maybe" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual(["quirks.stringScalars: expected boolean", "nope: unknown setting", "statusNotFound: one of omit, MESSAGE_NOT_FOUND"]);
  });

  it("resets state and config; seed changes outcomes", async () => {
    await t.api("/v1/message/293/smartsend", { json: { email: true, recipients: [{ locator: "a@example.com", externalRequestId: "1" }] } });
    expect((await t.ctl("reset", { method: "POST" })).status).toBe(200);
    expect(t.sim.control.ledger().acceptedRecipients).toBe(0);
    expect(t.sim.control.config().quirks.stringScalars).toBe(false);

    expect((await t.ctl("seed", { json: { seed: "other" } })).status).toBe(200);
    expect(t.sim.state.seed).toBe("other");
  });

  it("answers 404 for an unknown control endpoint", async () => {
    expect((await t.ctl("nope")).status).toBe(404);
    expect((await t.ctl("health")).status).toBe(200);
  });
});

describe("control token", () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ controlToken: "tok" });
  });
  afterAll(() => t.sim.close());

  it("requires the token on /__sim/ when configured", async () => {
    expect((await t.ctl("ledger")).status).toBe(401);
    expect((await t.ctl("ledger", { headers: { "X-Sim-Token": "tok" } })).status).toBe(200);
    expect((await t.ctl("ledger", { headers: { Authorization: "Bearer tok" } })).status).toBe(200);
  });
});
