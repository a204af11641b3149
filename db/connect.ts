import fs from "node:fs";
import path from "node:path";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import postgres from "postgres";
import * as schema from "./schema";
import type { Db } from "./types";

/**
 * Opening and migrating a database, free of Next.js so that scripts, tests and the server share it.
 * With a URL we talk to PostgreSQL through postgres.js; without one we run PGlite (PostgreSQL
 * compiled to WASM) on a local data directory, or in memory when no directory is given.
 */
export type DatabaseHandle =
  | { kind: "pglite"; db: Db; client: PGlite; close(): Promise<void> }
  | { kind: "postgres"; db: Db; client: postgres.Sql; close(): Promise<void> };

export type OpenOptions = { url?: string; dataDir?: string; poolSize?: number; inMemory?: boolean };

export const migrationsFolder = () => path.join(process.cwd(), "db", "migrations");

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const client = postgres(opts.url, {
      max: opts.poolSize ?? 10,
      onnotice: () => {},
      // Timestamps come back as Date through drizzle's own mapping.
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { kind: "postgres", db, client, close: () => client.end({ timeout: 5 }) };
  }
  let client: PGlite;
  // pg_trgm backs the contacts search index (migration 0002); PostgreSQL ships it as a contrib extension.
  const extensions = { pg_trgm };
  if (opts.inMemory || !opts.dataDir) {
    client = await PGlite.create({ extensions });
  } else {
    // PGlite does not create the parent folder itself.
    fs.mkdirSync(path.dirname(path.resolve(opts.dataDir)), { recursive: true });
    client = await PGlite.create(path.resolve(opts.dataDir), { extensions });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { kind: "pglite", db, client, close: () => client.close() };
}

/** Applies committed migrations. On PostgreSQL an advisory lock keeps concurrent instances apart. */
export async function migrateDatabase(handle: DatabaseHandle, folder = migrationsFolder()): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder: folder });
    return;
  }
  // The lock lives on a reserved connection while the migrator uses the pool: a pool of one would wait forever.
  if ((handle.client.options.max ?? 1) < 2) throw new Error("migrateDatabase needs a PostgreSQL pool of at least 2 connections");
  const lockConn = await handle.client.reserve();
  try {
    await lockConn`select pg_advisory_lock(727274001)`;
    await migratePostgres(handle.db as never, { migrationsFolder: folder });
  } finally {
    await lockConn`select pg_advisory_unlock(727274001)`;
    lockConn.release();
  }
}
