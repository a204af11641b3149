/** `npm run db:migrate`: applies committed migrations to DATABASE_URL, or to the embedded database. */
import path from "node:path";
import { openDatabase, migrateDatabase } from "../db/connect";
import { parseEnv } from "../lib/env";

async function main() {
const env = parseEnv({ ...process.env, NODE_ENV: "development" });
const handle = await openDatabase({
  url: env.DATABASE_URL,
  poolSize: 2, // one connection holds the migration lock, one applies the migrations
  dataDir: path.join(env.DATA_DIR, "pglite"),
});
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.kind}${handle.kind === "pglite" ? `, ${path.resolve(env.DATA_DIR)}` : ""}).`);
} finally {
  await handle.close();
}
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
