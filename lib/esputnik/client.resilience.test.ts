/**
 * Retries and in-doubt errors against the simulator's fault injection. The rule under test:
 * retry only when a retry cannot duplicate a send.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_KEY } from "@/esputnik-sim/config";
import type { FaultKind } from "@/esputnik-sim/faults";
import { emailRecipients, startTestSim, type TestSim } from "@/esputnik-sim/testing";
import { createEsputnikClient, type EsputnikClientOptions } from "./client";
import { EsputnikError } from "./errors";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterEach(() => t.sim.control.reset());
afterAll(() => t.sim.close());

function client(options: Partial<EsputnikClientOptions> = {}) {
  return createEsputnikClient({
    baseUrl: t.sim.url,
    login: "",
    password: DEMO_API_KEY,
    rateLimit: false,
    timeoutMs: 2000,
    retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

const script = (endpoint: string, ...faults: FaultKind[]) => t.sim.control.setFaults({ endpoints: [endpoint], script: faults, hangMs: 10_000 });
const calls = (route: string) => t.sim.control.calls().byRoute[route] ?? 0;
const send = (options?: Partial<EsputnikClientOptions>) =>
  client(options).smartsend(293, { email: true, recipients: emailRecipients(5, "batch") });

async function caught(promise: Promise<unknown>): Promise<EsputnikError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EsputnikError);
  return error as EsputnikError;
}

/** A port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("safe retries", () => {
  it("retries a smartsend rejected with 429 and sends it exactly once", async () => {
    script("smartsend", "rate_limit", "rate_limit");
    const results = await send();
    expect(results.every((r) => r.status === "OK")).toBe(true);
    expect(calls("smartsend")).toBe(3);
    expect(t.sim.control.ledger()).toMatchObject({ acceptedRecipients: 5, duplicates: 0 });
  });

  it("gives up after the configured attempts with rate_limited (not in doubt)", async () => {
    script("smartsend", "rate_limit", "rate_limit", "rate_limit");
    const error = await caught(send({ retry: { attempts: 3, baseDelayMs: 1 } }));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, inDoubt: false, attempts: 3 });
    expect(t.sim.control.ledger().acceptedRecipients).toBe(0);
  });

  it("retries a smartsend whose connection was refused (the request never left)", async () => {
    const refusedPort = await closedPort();
    let attempt = 0;
    const firstRefused = ((url: string, init?: RequestInit) => {
      attempt++;
      return fetch(attempt === 1 ? url.replace(`:${t.sim.port}/`, `:${refusedPort}/`) : url, init);
    }) as typeof fetch;
    const results = await send({ fetch: firstRefused });
    expect(attempt).toBe(2);
    expect(results).toHaveLength(5);
    expect(t.sim.control.ledger()).toMatchObject({ acceptedRecipients: 5, duplicates: 0 });
  });

  it("retries GETs on 5xx, timeouts and dropped connections", async () => {
    script("balance", "server_error", "timeout", "drop_before", "drop_after");
    const balance = await client({ timeoutMs: 1000, retry: { attempts: 5, baseDelayMs: 1 } }).balance();
    expect(balance.currency).toBe("UAH");
    expect(calls("balance")).toBe(5);
  });

  it("reports a GET that keeps failing as server_error, not in doubt", async () => {
    script("account.info", "server_error", "server_error");
    expect(await caught(client({ retry: { attempts: 2, baseDelayMs: 1 } }).accountInfo())).toMatchObject({
      kind: "server_error",
      status: 500,
      inDoubt: false,
      attempts: 2,
    });
  });
});

describe("in-doubt sends are never retried", () => {
  it("500 on smartsend → server_error in doubt, one call", async () => {
    script("smartsend", "server_error");
    expect(await caught(send())).toMatchObject({ kind: "server_error", inDoubt: true, attempts: 1 });
    expect(calls("smartsend")).toBe(1);
  });

  it("timeout on smartsend → timeout in doubt, one call; the simulator did process it once", async () => {
    script("smartsend", "timeout");
    const started = performance.now();
    expect(await caught(send({ timeoutMs: 300 }))).toMatchObject({ kind: "timeout", inDoubt: true, status: null, attempts: 1 });
    expect(performance.now() - started).toBeLessThan(5000); // not the 10 s hang
    expect(calls("smartsend")).toBe(1);
    expect(t.sim.control.ledger()).toMatchObject({ acceptedRecipients: 5, duplicates: 0 });
  });

  it("accepted then dropped → network error in doubt; the ledger shows the batch exactly once", async () => {
    script("smartsend", "drop_after");
    expect(await caught(send())).toMatchObject({ kind: "network", inDoubt: true, attempts: 1 });
    expect(calls("smartsend")).toBe(1);
    const ledger = t.sim.control.ledger();
    expect(ledger).toMatchObject({ acceptedRecipients: 5, distinctExternalRequestIds: 5, duplicates: 0 });
    expect(t.sim.control.ledgerIds()).toEqual(["batch-0", "batch-1", "batch-2", "batch-3", "batch-4"]);
  });

  it("dropped before processing looks the same to the client: in doubt, nothing sent", async () => {
    script("smartsend", "drop_before");
    expect(await caught(send())).toMatchObject({ kind: "network", inDoubt: true });
    expect(t.sim.control.ledger().acceptedRecipients).toBe(0);
  });

  it("a bulk contact upsert that got a 500 is in doubt too", async () => {
    script("contacts.bulk", "server_error");
    const upsert = client().upsertContacts({ dedupeOn: "email", contacts: [{ channels: [{ type: "email", value: "a@example.com" }] }] });
    expect(await caught(upsert)).toMatchObject({ kind: "server_error", inDoubt: true, attempts: 1 });
  });
});

describe("timeouts", () => {
  it("aborts a hanging GET after timeoutMs on every attempt", async () => {
    t.sim.control.setFaults({ endpoints: ["account.info"], timeout: 1, hangMs: 10_000 });
    const started = performance.now();
    expect(await caught(client({ timeoutMs: 100, retry: { attempts: 2, baseDelayMs: 1 } }).accountInfo())).toMatchObject({
      kind: "timeout",
      inDoubt: false,
      attempts: 2,
    });
    expect(performance.now() - started).toBeLessThan(5000); // not the 10 s hang
  });
});
