import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { openDatabase, migrateDatabase, type DatabaseHandle } from "./connect";
import type { Db } from "./types";

/**
 * The app's one database handle, kept on globalThis so that hot reload and the several module
 * graphs Next.js builds (instrumentation, routes, actions) share a single PGlite instance —
 * PGlite allows one process per data directory. A failed open is not cached: the next call retries.
 */
const globalKey = Symbol.for("sputnik-desk.db");
type Holder = { promise?: Promise<DatabaseHandle> };
const holder: Holder = ((globalThis as Record<symbol, Holder>)[globalKey] ??= {});

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!holder.promise) {
    holder.promise = (async () => {
      const handle = await openDatabase({
        url: env.DATABASE_URL,
        poolSize: env.DATABASE_POOL_SIZE,
        dataDir: path.join(env.DATA_DIR, "pglite"),
      });
      await migrateDatabase(handle);
      return handle;
    })().catch((err) => {
      holder.promise = undefined;
      throw err;
    });
  }
  return holder.promise;
}

export async function getDb(): Promise<Db> {
  return (await getDatabaseHandle()).db;
}
