import { describe, expect, it } from "vitest";
import { redact } from "./logger";

describe("log redaction", () => {
  it("hides secret-looking keys at any depth", () => {
    const out = redact({ login: "me", password: "p", nested: { apiKey: "k", list: [{ authorization: "Basic x" }] }, passwordEncrypted: "v1.x" });
    expect(JSON.stringify(out)).not.toMatch(/"p"|"k"|Basic x|v1\.x/);
    expect(out).toMatchObject({ login: "me", password: "[redacted]", nested: { apiKey: "[redacted]" } });
  });
});
