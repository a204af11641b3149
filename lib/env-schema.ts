import { z } from "zod";

/**
 * Every environment variable the app reads, validated once. Import `env` instead of touching
 * `process.env` anywhere else. Blank strings count as missing (a `.env` line like `DATABASE_URL=`
 * must not switch the app to PostgreSQL with an empty URL).
 */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const bool = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(["1", "0", "true", "false", "yes", "no"])
      .optional()
      .transform((v) => (v === undefined ? fallback : v === "1" || v === "true" || v === "yes")),
  );

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** PostgreSQL URL. Unset → embedded PGlite in DATA_DIR. */
    DATABASE_URL: z.preprocess(blankToUndefined, z.url().optional()),
    DATABASE_POOL_SIZE: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(10)),
    /** Folder of the embedded PGlite database (and other local state). */
    DATA_DIR: z.preprocess(blankToUndefined, z.string().default(".data")),
    /** Auth.js secret for signing session tokens. */
    AUTH_SECRET: optionalString,
    /** 32-byte key (base64 or 64 hex chars) for AES-256-GCM encryption of stored secrets. */
    SETTINGS_ENCRYPTION_KEY: optionalString,
    ADMIN_EMAIL: z.preprocess(blankToUndefined, z.email().optional()),
    ADMIN_PASSWORD: z.preprocess(blankToUndefined, z.string().min(8).optional()),
    /** Demo mode: seeds a demo admin and runs the built-in eSputnik simulator. */
    DEMO_MODE: bool(false),
    ESPUTNIK_SIM_PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(8081)),
    ESPUTNIK_DEFAULT_URL: z.preprocess(blankToUndefined, z.url().default("https://esputnik.com/api")),
    ESPUTNIK_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(100).max(300_000).default(15_000)),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(5)),
    LOGIN_MAX_FAILURES_PER_IP: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(30)),
    LOGIN_THROTTLE_WINDOW_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(900)),
    /**
     * Reverse proxies in front of the app that append the client's address to X-Forwarded-For
     * (nginx's $proxy_add_x_forwarded_for). The address they saw is taken that many entries from
     * the right; anything further left was written by the client and is not believed. Without such a
     * proxy the header is the client's own (the server fills it only when missing): set 0 then, and
     * the per-address login limit is off (the per-account one still applies).
     */
    TRUSTED_PROXY_HOPS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(10).default(1)),
    /** Run the background workers (sending, status checks) in this instance. Off for web-only instances. */
    WORKERS_ENABLED: bool(true),
    /** eSputnik calls in flight at once per mailing being sent (and per status update). */
    SEND_CONCURRENCY: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(64).default(8)),
    /** Between automatic status checks of a mailing that still has recipients without a final status. */
    STATUS_POLL_INTERVAL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(10).max(86_400).default(300)),
  })
  .superRefine((e, ctx) => {
    // Production refuses to start without real secrets: a guessable key would make the stored
    // eSputnik password and every session forgeable.
    if (e.NODE_ENV === "production") {
      if (!e.SETTINGS_ENCRYPTION_KEY)
        ctx.addIssue({ code: "custom", path: ["SETTINGS_ENCRYPTION_KEY"], message: "is required in production" });
      if (!e.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    if (e.SETTINGS_ENCRYPTION_KEY && !isValidKey(e.SETTINGS_ENCRYPTION_KEY))
      ctx.addIssue({
        code: "custom",
        path: ["SETTINGS_ENCRYPTION_KEY"],
        message: "must be 32 bytes as base64 or 64 hex characters",
      });
    if ((e.ADMIN_EMAIL && !e.ADMIN_PASSWORD) || (!e.ADMIN_EMAIL && e.ADMIN_PASSWORD))
      ctx.addIssue({ code: "custom", path: ["ADMIN_EMAIL"], message: "ADMIN_EMAIL and ADMIN_PASSWORD go together" });
  });

export type Env = z.infer<typeof envSchema>;

export function decodeKey(key: string): Buffer | null {
  const k = key.trim();
  if (/^[0-9a-fA-F]{64}$/.test(k)) return Buffer.from(k, "hex");
  const b = Buffer.from(k, "base64");
  return b.length === 32 ? b : null;
}
function isValidKey(key: string) {
  return decodeKey(key) !== null;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
