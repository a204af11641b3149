import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretBoxError } from "./secret-box";

const key = randomBytes(32);

describe("secret box (AES-256-GCM)", () => {
  it("round-trips text, including non-ASCII", () => {
    for (const s of ["", "api-key-123", "пароль з пробілами ✓"]) expect(decryptSecret(encryptSecret(s, key), key)).toBe(s);
  });

  it("never stores the plaintext and uses a fresh IV each time", () => {
    const a = encryptSecret("same secret", key);
    const b = encryptSecret("same secret", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("same secret");
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const box = encryptSecret("top secret", key);
    const [v, iv, tag, ct] = box.split(".") as [string, string, string, string];
    const flip = (s: string) => {
      const b = Buffer.from(s, "base64url");
      b[0] = (b[0] ?? 0) ^ 1;
      return b.toString("base64url");
    };
    for (const bad of [[v, iv, tag, flip(ct)], [v, iv, flip(tag), ct], [v, flip(iv), tag, ct]])
      expect(() => decryptSecret(bad.join("."), key)).toThrow(SecretBoxError);
  });

  it("refuses a wrong key, a malformed value and a short key", () => {
    const box = encryptSecret("x", key);
    expect(() => decryptSecret(box, randomBytes(32))).toThrow(/wrong key or tampered/);
    expect(() => decryptSecret("garbage", key)).toThrow(/format/);
    expect(() => encryptSecret("x", randomBytes(16))).toThrow(/32 bytes/);
  });
});
