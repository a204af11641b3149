import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { startSimulator, type SimHandle } from "@/esputnik-sim";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { authModuleMock } from "@/test/session-mock";
import { executeRows } from "@/db/execute";
import { requestSend } from "@/lib/sending/commands";
import { runSendJob } from "@/lib/sending/send-job";
import { createUser, seedMailing, simClient, testContext } from "@/lib/sending/test-support";
import { rotateWebhookCredentials } from "@/lib/sending/webhook";
import { GET, POST } from "./route";

let t: TestDatabase;
let sim: SimHandle;
let server: http.Server;
let url: string;
vi.mock("@/db/client", () => ({ getDb: async () => t.db }));
vi.mock("@/auth", () => authModuleMock());

/** The route handler behind a real HTTP server, so that the simulator's webhook emitter can call it. */
beforeAll(async () => {
  [t, sim] = await Promise.all([createTestDatabase(), startSimulator({ port: 0, clock: "virtual", seed: "webhook", log: () => {} })]);
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://local${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    const response = await (req.method === "POST" ? POST : GET)(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/esputnik/webhook`;
});
afterAll(async () => {
  await sim?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.destroy();
});

describe(`eSputnik webhook route (${process.env.TEST_DB})`, () => {
  it("refuses deliveries without the credentials, and answers the address check", async () => {
    expect((await fetch(url, { method: "POST", body: "[]" })).status).toBe(401);
    const wrong = `Basic ${Buffer.from("esputnik:guess").toString("base64")}`;
    expect((await fetch(url, { method: "POST", body: "[]", headers: { Authorization: wrong } })).status).toBe(401);
    expect((await fetch(url)).status).toBe(200);
  });

  it("receives the simulator's webhooks, with retries after a failure, and updates the recipients", async () => {
    const ctx = testContext(t.db, simClient(sim.url));
    const actorId = await createUser(t.db);
    const { mailingId } = await seedMailing(t.db, { recipients: 30, locator: (i) => `h${i}${i % 3 ? "+delivered" : "+read"}@example.com` });
    await requestSend({ ...ctx, actorId }, { mailingId });
    await runSendJob(ctx, { mailingId });

    const { username, secret } = await rotateWebhookCredentials(t.db, { actorId });
    // First with a wrong password (every delivery refused and retried), then the right one.
    sim.control.setConfig({ webhook: { url, user: username, password: "wrong", batchSize: 7, retryBaseMs: 20, retryMaxMs: 50 } });
    sim.control.advance(100);
    await waitUntil(() => sim.control.webhook().failedAttempts > 0);
    sim.control.setConfig({ webhook: { password: secret } });
    await sim.control.webhookIdle();
    expect(sim.control.webhook()).toMatchObject({ delivered: 40, pending: 0 }); // 30 DELIVERED + 10 READ

    const rows = await executeRows<{ esputnik_status: string; n: number }>(
      t.db,
      sql`select esputnik_status, count(*)::int as n from mailing_recipients where mailing_id = ${mailingId} group by 1 order by 1`,
    );
    expect(rows.map((r) => [r.esputnik_status, Number(r.n)])).toEqual([
      ["DELIVERED", 20],
      ["READ", 10],
    ]);
  });

  it("rejects a body that is not JSON, without touching anything", async () => {
    const { username, secret } = await rotateWebhookCredentials(t.db, { actorId: null });
    const auth = `Basic ${Buffer.from(`${username}:${secret}`).toString("base64")}`;
    expect((await fetch(url, { method: "POST", body: "{oops", headers: { Authorization: auth } })).status).toBe(400);
    const ok = await fetch(url, { method: "POST", body: JSON.stringify([{ activityStatus: "READ", externalRequestId: "999999999" }]), headers: { Authorization: auth } });
    expect(await ok.json()).toEqual({ received: 1, applied: 0, ignored: 0 });
  });
  it("refuses a delivery over 10 MB by its declared length, before reading it", async () => {
    const { username, secret } = await rotateWebhookCredentials(t.db, { actorId: null });
    const request = new Request(url, {
      method: "POST",
      body: "[]",
      headers: { Authorization: `Basic ${Buffer.from(`${username}:${secret}`).toString("base64")}`, "Content-Length": String(10 * 1024 * 1024 + 1) },
    });
    const response = await POST(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("not reached in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}
