import { describe, expect, it } from "vitest";
import { parseEnv } from "./env-schema";

const key = Buffer.alloc(32, 7).toString("base64");

describe("environment validation", () => {
  it("has working defaults for a zero-setup start", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.DATA_DIR).toBe(".data");
    expect(e.DATABASE_POOL_SIZE).toBe(10);
    expect(e.ESPUTNIK_DEFAULT_URL).toBe("https://esputnik.com/api");
    expect(e.DEMO_MODE).toBe(false);
  });

  it("treats blank values as unset and coerces numbers and booleans", () => {
    const e = parseEnv({ DATABASE_URL: "  ", DATABASE_POOL_SIZE: "25", DEMO_MODE: "1" });
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.DATABASE_POOL_SIZE).toBe(25);
    expect(e.DEMO_MODE).toBe(true);
  });

  it("refuses to start in production without the encryption key and the auth secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SETTINGS_ENCRYPTION_KEY: is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", SETTINGS_ENCRYPTION_KEY: key })).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", SETTINGS_ENCRYPTION_KEY: key, AUTH_SECRET: "s" }).NODE_ENV).toBe("production");
  });

  it("rejects malformed values with a readable message", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ SETTINGS_ENCRYPTION_KEY: "short" })).toThrow(/32 bytes/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseEnv({ ADMIN_EMAIL: "a@b.co" })).toThrow(/go together/);
  });

  it("accepts a 64-hex-character key as well as base64", () => {
    expect(parseEnv({ SETTINGS_ENCRYPTION_KEY: "ab".repeat(32) }).SETTINGS_ENCRYPTION_KEY).toBe("ab".repeat(32));
  });
});
