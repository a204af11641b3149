import "server-only";
import { env } from "@/lib/env";
import { getDatabaseHandle } from "@/db/client";
import { logger } from "@/lib/server/logger";
import { ensureInitialUsers } from "./initial-users";
import { startDemoEsputnik } from "./demo-esputnik";

const globalKey = Symbol.for("sputnik-desk.booted");

export async function boot(): Promise<void> {
  const g = globalThis as Record<symbol, Promise<void> | undefined>;
  g[globalKey] ??= (async () => {
    const handle = await getDatabaseHandle();
    const { created } = await ensureInitialUsers(handle.db, {
      adminEmail: env.ADMIN_EMAIL,
      adminPassword: env.ADMIN_PASSWORD,
      demo: env.DEMO_MODE,
    });
    if (created.length) logger.info("created initial users", { emails: created });
    if (env.DEMO_MODE) await startDemoEsputnik(handle.db);
    logger.info("Sputnik Desk ready", { database: handle.kind, demo: env.DEMO_MODE });
  })().catch((err) => {
    g[globalKey] = undefined;
    throw err;
  });
  return g[globalKey];
}
