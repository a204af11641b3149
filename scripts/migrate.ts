/** `npm run db:migrate`: applies committed migrations to DATABASE_URL, or to the embedded database. */
import path from "node:path";
import { openDatabase, migrateDatabase } from "../db/connect";
import { parseEnv } from "../lib/env";

const env = parseEnv({ ...process.env, NODE_ENV: "development" });
const handle = await openDatabase({
  url: env.DATABASE_URL,
  poolSize: 1,
  dataDir: path.join(env.DATA_DIR, "pglite"),
});
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.kind}${handle.kind === "pglite" ? `, ${path.resolve(env.DATA_DIR)}` : ""}).`);
} finally {
  await handle.close();
}
