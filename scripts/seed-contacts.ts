/**
 * `npm run seed -- --contacts N`: N generated contacts (names, accounts, E.164 phones, emails) in
 * one INSERT … SELECT, into DATABASE_URL or, when it is unset, the embedded database in DATA_DIR.
 * `--demo` seeds the demo base instead (only into an empty contacts table).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase, migrateDatabase } from "../db/connect";
import { parseEnv } from "../lib/env";
import { seedBulkContacts } from "../lib/contacts/bulk-seed";
import { seedDemoContacts } from "../lib/contacts/demo-contacts";

const { values } = parseArgs({ options: { contacts: { type: "string", default: "1000" }, demo: { type: "boolean", default: false } } });
const count = Number(values.contacts);
if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
  console.error("--contacts must be a whole number from 1 to 10,000,000");
  process.exit(1);
}

async function main() {
  const env = parseEnv({ ...process.env, NODE_ENV: "development" });
  const handle = await openDatabase({ url: env.DATABASE_URL, poolSize: 2, dataDir: path.join(env.DATA_DIR, "pglite") });
  try {
    await migrateDatabase(handle);
    if (values.demo) {
      const { created } = await seedDemoContacts(handle.db);
      console.log(created ? `Demo base seeded: ${created} contacts.` : "Contacts exist already: the demo base was not seeded.");
    } else {
      const { inserted, ms } = await seedBulkContacts(handle, { count });
      console.log(`Seeded ${inserted.toLocaleString("en")} contacts into ${handle.kind} in ${(ms / 1000).toFixed(1)} s.`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
