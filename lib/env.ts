import { parseEnv, type Env } from "./env-schema";

export { decodeKey, parseEnv, type Env } from "./env-schema";

/**
 * During `next build` there is no runtime secret yet; the production check applies when the
 * server starts (instrumentation) rather than when pages are compiled.
 */
const isBuildPhase = process.env.NEXT_PHASE === "phase-production-build";

export const env: Env = parseEnv(isBuildPhase ? { ...process.env, NODE_ENV: "development" } : process.env);
