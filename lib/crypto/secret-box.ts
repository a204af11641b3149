import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM encryption for secrets at rest (the eSputnik password / API key).
 * Format: "v1.<iv b64url>.<tag b64url>.<ciphertext b64url>". GCM's tag makes any change to the
 * stored value (or a wrong key) fail loudly instead of decrypting to garbage.
 */
const VERSION = "v1";

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

export function encryptSecret(plaintext: string, key: Buffer): string {
  assertKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptSecret(box: string, key: Buffer): string {
  assertKey(key);
  const parts = box.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError("Unrecognised secret format");
  const [, ivB64, tagB64, ctB64] = parts as [string, string, string, string];
  const iv = Buffer.from(ivB64, "base64url");
  const tag = Buffer.from(tagB64, "base64url");
  if (iv.length !== 12 || tag.length !== 16) throw new SecretBoxError("Unrecognised secret format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ctB64, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("Secret cannot be decrypted: wrong key or tampered value");
  }
}

function assertKey(key: Buffer) {
  if (key.length !== 32) throw new SecretBoxError("Encryption key must be 32 bytes");
}
