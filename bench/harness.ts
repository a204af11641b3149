/**
 * Shared plumbing of the send benchmarks: a simulator in its own process, a fresh PostgreSQL
 * database, and a mailing seeded set-based. Not a test helper: these run against real processes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase, type DatabaseHandle } from "@/db/connect";
import { esputnikMessages, mailings, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { takeRecipientIds } from "../db/queries/recipient-ids";

export const log = (msg: string) => process.stderr.write(`${msg}\n`);
export const SIM_KEY = "demo-esputnik-key";

export type Simulator = { url: string; child: ChildProcess; control<T>(method: string, route: string, body?: unknown): Promise<T>; stop(): void };

/** The simulator in a child process (real clock, no rate limiting), so it does not share our event loop. */
export async function spawnSimulator(): Promise<Simulator> {
  const main = path.join(process.cwd(), "esputnik-sim", "main.ts");
  // SIM_CPU_PROF=<dir> writes the simulator's CPU profile there (to tell its time from ours).
  const profile = process.env.SIM_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.SIM_CPU_PROF] : [];
  const child = spawn(process.execPath, ["--max-old-space-size=6144", ...profile, "--import", "tsx", main, "--port", "0", "--no-rate-limit", "--clock", "real"], {
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
  const base = url.replace(/\/api$/, "/__sim");
  return {
    url,
    child,
    async control<T>(method: string, route: string, body?: unknown): Promise<T> {
      const response = await fetch(`${base}/${route}`, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`simulator control ${route}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    stop: () => void child.kill("SIGTERM"),
  };
}

export type CallCounts = { total: number; byRoute: Record<string, number> };

export type BenchDatabase = { handle: DatabaseHandle; url: string; drop(): Promise<void> };

/** A new database on the server at TEST_DATABASE_URL (default: the local one), migrated. */
export async function createBenchDatabase(poolSize: number): Promise<BenchDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `sd_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize });
  await migrateDatabase(handle);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      if (process.env.BENCH_KEEP_DB !== "1") await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** A user, the simulator's webinar email (293), and a draft mailing of `recipients` unique addresses. */
export async function seedEmailMailing(db: Db, { recipients, tag }: { recipients: number; tag: string }): Promise<{ mailingId: string; actorId: string }> {
  const [user] = await db
    .insert(users)
    .values({ email: `bench-${tag}@bench.test`, name: "Bench", role: "manager", passwordHash: "x" })
    .returning({ id: users.id });
  const [message] = await db
    .insert(esputnikMessages)
    .values({ name: "Запрошення на вебінар", esputnikId: 293, channel: "email" })
    .onConflictDoUpdate({ target: [esputnikMessages.channel, esputnikMessages.esputnikId], set: { name: sql`excluded.name` } })
    .returning({ id: esputnikMessages.id });
  const [mailing] = await db
    .insert(mailings)
    .values({ name: `Bench ${tag}`, esputnikGroup: `Bench ${tag}`, messageId: message!.id, channel: "email" })
    .returning({ id: mailings.id });
  const first = await takeRecipientIds(db, { mailingId: mailing!.id, count: recipients });
  await db.execute(sql`insert into mailing_recipients (id, mailing_id, full_name, email, locator)
    select ${first - 1}::bigint + g, ${mailing!.id}::uuid, 'Recipient ' || g, 'r' || g || '.' || ${tag} || '@bench.example.com', 'r' || g || '.' || ${tag} || '@bench.example.com'
    from generate_series(1, ${recipients}) g`);
  await db.execute(sql`analyze mailing_recipients`);
  return { mailingId: mailing!.id, actorId: user!.id };
}

export function numberArg(value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number, got ${value}`);
  return n;
}

export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
