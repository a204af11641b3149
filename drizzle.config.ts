import { defineConfig } from "drizzle-kit";

// Migrations are generated offline from the schema (`npm run db:generate`) and committed;
// the same SQL runs on embedded PGlite and on PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
});
