/**
 * Throughput benchmark of the simulator from a separate process, over loopback.
 *
 *   npx tsx esputnik-sim/bench-sim.ts [--calls 2000] [--recipients 1000] [--concurrency 8] [--url http://127.0.0.1:8081/api]
 *
 * Without --url it spawns the simulator (`main.ts --port 0 --no-rate-limit --clock virtual`) as a
 * child process. It sends `calls` smartsend requests of `recipients` unique recipients each, checks
 * every result, reads the ledger (exactly-once: accepted = sent, no duplicates) and prints JSON:
 * calls per minute, latency percentiles and the simulator's memory before/after.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import type { LedgerSummary } from "./control";

type Health = { rssBytes: number; heapUsedBytes: number };

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "2000" },
    recipients: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "8" },
    url: { type: "string" },
    key: { type: "string", default: "demo-esputnik-key" },
    "message-id": { type: "string", default: "293" },
  },
});

const calls = Number(values.calls);
const recipientsPerCall = Number(values.recipients);
const concurrency = Number(values.concurrency);
const messageId = Number(values["message-id"]);
const authorization = `Basic ${Buffer.from(`bench:${values.key}`).toString("base64")}`;

async function spawnSimulator(): Promise<{ url: string; child: ChildProcess }> {
  const main = path.join(__dirname, "main.ts");
  const child = spawn(process.execPath, ["--import", "tsx", main, "--port", "0", "--no-rate-limit", "--clock", "virtual"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (\S+)/.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}: ${output}`)));
  });
  return { url, child };
}

async function control<T>(base: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base.replace(/\/api$/, "/__sim")}/${route}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${route}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function body(call: number): string {
  const recipients = new Array(recipientsPerCall);
  for (let i = 0; i < recipientsPerCall; i++) {
    recipients[i] = {
      locator: `user${call}.${i}@bench.example.com`,
      externalRequestId: `b${call}-${i}`,
      jsonParam: `{"name":"User ${i}"}`,
    };
  }
  return JSON.stringify({ email: true, recipients });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const spawned = values.url ? undefined : await spawnSimulator();
  const base = values.url ?? spawned?.url ?? "";
  try {
    await control(base, "PUT", "config", { rateLimit: { enabled: false } });
    const before = await control<Health>(base, "GET", "health");
    const latencies: number[] = [];
    let next = 0;
    let failedRecipients = 0;
    const started = performance.now();

    async function worker(): Promise<void> {
      while (next < calls) {
        const call = next++;
        const payload = body(call);
        const t0 = performance.now();
        const response = await fetch(`${base}/v1/message/${messageId}/smartsend`, {
          method: "POST",
          headers: { Authorization: authorization, "Content-Type": "application/json" },
          body: payload,
        });
        const result = (await response.json()) as { results: { status: string }[] };
        latencies.push(performance.now() - t0);
        if (response.status !== 200) throw new Error(`smartsend HTTP ${response.status}`);
        failedRecipients += result.results.filter((r) => r.status !== "OK").length;
      }
    }

    await Promise.all(Array.from({ length: concurrency }, () => worker()));
    const seconds = (performance.now() - started) / 1000;
    const after = await control<Health>(base, "GET", "health");
    const ledger = await control<LedgerSummary>(base, "GET", "ledger");
    latencies.sort((a, b) => a - b);
    const expected = calls * recipientsPerCall;
    const report = {
      calls,
      recipientsPerCall,
      concurrency,
      seconds: Number(seconds.toFixed(2)),
      callsPerMinute: Math.round((calls / seconds) * 60),
      recipientsPerSecond: Math.round(expected / seconds),
      latencyMs: {
        p50: Number(percentile(latencies, 50).toFixed(1)),
        p95: Number(percentile(latencies, 95).toFixed(1)),
        max: Number((latencies.at(-1) ?? 0).toFixed(1)),
      },
      failedRecipients,
      ledger: {
        acceptedRecipients: ledger.acceptedRecipients,
        duplicates: ledger.duplicates,
        distinctExternalRequestIds: ledger.distinctExternalRequestIds,
        evictedRecords: ledger.evictedRecords,
        exactlyOnce: ledger.acceptedRecipients === expected && ledger.duplicates === 0,
      },
      simulatorMemoryMB: {
        rssBefore: Math.round(before.rssBytes / 2 ** 20),
        rssAfter: Math.round(after.rssBytes / 2 ** 20),
        heapUsedAfter: Math.round(after.heapUsedBytes / 2 ** 20),
      },
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    spawned?.child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
