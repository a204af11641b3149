import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import { parseEnv } from "./lib/env-schema";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const config: NextConfig = {
  output: "standalone",
  // Native / WASM packages must stay outside the bundle (PGlite breaks when bundled into server actions).
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "pg-boss"],
  // The embedded database lives in .data; it must never be traced into the standalone build.
  outputFileTracingExcludes: { "*": [".data/**/*", "e2e/**/*", "test-results/**/*"] },
  outputFileTracingIncludes: { "/*": ["./db/migrations/**/*"] },
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) before building; doing it again here doubles build time.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
  },
};

export default function nextConfig(phase: string): NextConfig {
  // Validate the environment once, here: a bad value fails the build or the server start.
  // At build time there are no runtime secrets yet, so production-only checks wait for start.
  parseEnv(phase === PHASE_PRODUCTION_BUILD ? { ...process.env, NODE_ENV: "development" } : process.env);
  return withNextIntl(config);
}
