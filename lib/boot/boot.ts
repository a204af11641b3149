import "server-only";
import { env } from "@/lib/env";
import { getDatabaseHandle } from "@/db/client";
import { logger } from "@/lib/server/logger";
import { ensureInitialUsers } from "./initial-users";
import { startDemoEsputnik } from "./demo-esputnik";
import { seedDemoContacts } from "@/lib/contacts/demo-contacts";
import { startJobs } from "@/lib/jobs/runtime";

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
    if (env.DEMO_MODE) await seedDemoContacts(handle.db); // only into an empty contacts table
    // After the demo simulator: a send resumed at start-up needs eSputnik to answer.
    await startJobs();
    logger.info("Sputnik Desk ready", { database: handle.kind, demo: env.DEMO_MODE });
  })().catch((err) => {
    g[globalKey] = undefined;
    throw err;
  });
  return g[globalKey];
}
