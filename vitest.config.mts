import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = {
  "@": import.meta.dirname,
  // `server-only` throws outside React Server Components; in tests every module is server-side.
  "server-only": path.join(import.meta.dirname, "test/server-only-stub.ts"),
  "next/server": "next/server.js",
};
// next-auth imports "next/server" without an extension, which Node's ESM resolver cannot find for
// an external package; processed by vite instead (inline), the alias above resolves it.
const server = { deps: { inline: [/next-auth/] } };

// Database-backed tests (`*.db.test.ts`) run twice: once on embedded PGlite and once on the
// PostgreSQL server at TEST_DATABASE_URL. Each project sets TEST_DB so `test/db.ts` picks the backend.
export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          server,
          include: ["**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**", "e2e/**", ".next/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "pglite",
          server,
          include: ["**/*.db.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          env: { TEST_DB: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "postgres",
          server,
          include: ["**/*.db.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          env: { TEST_DB: "postgres" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
