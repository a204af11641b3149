import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, migrateDatabase, type DatabaseHandle } from "@/db/connect";

/**
 * A fresh, migrated database for one test file, on the backend the vitest project chose
 * (TEST_DB=pglite | postgres). On PostgreSQL each call creates its own database and drops it on
 * close. A missing TEST_DATABASE_URL is an error, never a silent skip: CI must prove both backends.
 */
export type TestDatabase = DatabaseHandle & { backend: "pglite" | "postgres"; destroy(): Promise<void> };

export function testBackend(): "pglite" | "postgres" {
  const b = process.env.TEST_DB;
  if (b !== "pglite" && b !== "postgres") throw new Error(`TEST_DB must be pglite or postgres, got ${b}`);
  return b;
}

export async function createTestDatabase({ migrate = true }: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const backend = testBackend();
  if (backend === "pglite") {
    const handle = await openDatabase({ inMemory: true });
    if (migrate) await migrateDatabase(handle);
    return Object.assign(handle, { backend, destroy: () => handle.close() });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error("TEST_DATABASE_URL is not set: the PostgreSQL test project needs a server (see README).");
  const name = `sd_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 5 });
  if (migrate) await migrateDatabase(handle);
  return Object.assign(handle, {
    backend,
    destroy: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  });
}
