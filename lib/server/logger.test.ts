import { describe, expect, it } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { redact } from "./logger";

describe("log redaction", () => {
  it("hides secret-looking keys at any depth", () => {
    const out = redact({ login: "me", password: "p", nested: { apiKey: "k", list: [{ authorization: "Basic x" }] }, passwordEncrypted: "v1.x" });
    expect(JSON.stringify(out)).not.toMatch(/"p"|"k"|Basic x|v1\.x/);
    expect(out).toMatchObject({ login: "me", password: "[redacted]", nested: { apiKey: "[redacted]" } });
  });

  it("keeps a failed query's statement and the database's reason, not its parameters", () => {
    const reason = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), { code: "23505" });
    const error = new DrizzleQueryError("insert into users (email, password_hash) values ($1, $2)", ["olena@shop.ua", "$2b$10$hash"], reason);
    const out = JSON.stringify(redact({ error }));
    expect(out).not.toMatch(/olena@shop\.ua|\$2b\$10/);
    expect(out).toContain("insert into users");
    expect(out).toContain("users_email_unique");
    expect(out).toContain("23505");
  });
});
