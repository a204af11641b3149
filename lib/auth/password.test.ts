import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^\$2[aby]\$11\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct hors", hash)).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("rejects when there is no account, still doing the work of a comparison", async () => {
    const started = performance.now();
    expect(await verifyPassword("whatever", null)).toBe(false);
    // Not a timing assertion on the product, only proof that a real bcrypt compare ran.
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});
