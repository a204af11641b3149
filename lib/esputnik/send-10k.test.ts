/**
 * "Done means": the client sends 10,000 recipients through the simulator in 10 calls and reads
 * all their statuses back; the simulator's ledger confirms each was accepted exactly once.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_API_KEY } from "@/esputnik-sim/config";
import { startTestSim, type TestSim } from "@/esputnik-sim/testing";
import { createEsputnikClient } from "./client";
import { classifyStatus } from "./statuses";
import type { SmartsendResult } from "./types";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

it("sends 10,000 recipients in 10 smartsend calls and reads every status back", async () => {
  const client = createEsputnikClient({ baseUrl: t.sim.url, login: "desk", password: DEMO_API_KEY });
  const sent: SmartsendResult[] = [];
  for (let call = 0; call < 10; call++) {
    const recipients = Array.from({ length: 1000 }, (_, i) => {
      const n = call * 1000 + i;
      return { locator: `subscriber${n}@example.com`, externalRequestId: `done-${n}`, jsonParam: { name: `Subscriber ${n}` } };
    });
    sent.push(...(await client.smartsend(293, { email: true, recipients })));
  }
  expect(sent).toHaveLength(10_000);
  expect(sent.every((r) => r.status === "OK" && r.requestId)).toBe(true);
  expect(sent.map((r) => r.externalRequestId)).toEqual(Array.from({ length: 10_000 }, (_, n) => `done-${n}`));

  t.sim.control.advance(3600);
  const statuses = await client.messageStatus(sent.map((r) => r.requestId as string));
  expect(statuses).toHaveLength(10_000);
  expect(new Set(statuses.map((s) => s.requestId))).toEqual(new Set(sent.map((r) => r.requestId)));

  const classes = statuses.map((s) => classifyStatus(s.status));
  expect(classes.every((c) => c.final)).toBe(true);
  const delivered = classes.filter((c) => c.delivered).length;
  const failed = classes.filter((c) => c.failed).length;
  expect(delivered + failed).toBe(10_000);
  // Default outcome mix: ~4.5% failures.
  expect(failed / 10_000).toBeGreaterThan(0.03);
  expect(failed / 10_000).toBeLessThan(0.06);
  expect(statuses.every((s) => s.delivered === classifyStatus(s.status).delivered && s.failed === classifyStatus(s.status).failed)).toBe(true);

  const calls = t.sim.control.calls().byRoute;
  expect(calls.smartsend).toBe(10);
  expect(calls["message.status"]).toBe(50); // 200 ids per call
  expect(t.sim.control.ledger()).toMatchObject({ acceptedRecipients: 10_000, distinctExternalRequestIds: 10_000, duplicates: 0 });
});

it("stays under the server's rate limit with its own limiter (no 429s)", async () => {
  t.sim.control.reset();
  t.sim.control.setConfig({ rateLimit: { perSecond: 40 } });
  // Half the server's budget: even two client seconds squeezed together by a slow network fit.
  const client = createEsputnikClient({ baseUrl: t.sim.url, login: "", password: DEMO_API_KEY, rateLimit: { perSecond: 20 }, retry: { attempts: 1 } });
  const started = performance.now();
  await Promise.all(Array.from({ length: 50 }, () => client.accountInfo()));
  // 20 at once, 20 a second later, 10 a second after that.
  expect(performance.now() - started).toBeGreaterThanOrEqual(1990);
  expect(t.sim.control.calls().byStatus).toEqual({ "200": 50 });
});
