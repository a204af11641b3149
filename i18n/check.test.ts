import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findMissingKeys } from "./check";

describe("translations", () => {
  it("have the same keys and placeholders in uk, en and ru", () => {
    expect(findMissingKeys()).toEqual([]);
  });

  it("the check itself catches a missing key and a placeholder mismatch", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "i18n-"));
    fs.writeFileSync(path.join(dir, "uk.json"), JSON.stringify({ a: { b: "x {n}" }, c: "y" }));
    fs.writeFileSync(path.join(dir, "en.json"), JSON.stringify({ a: { b: "x {m}" }, c: "y" }));
    fs.writeFileSync(path.join(dir, "ru.json"), JSON.stringify({ a: { b: "x {n}" } }));
    const problems = findMissingKeys(dir);
    expect(problems).toContain('ru: missing "c"');
    expect(problems.some((p) => p.startsWith('placeholders differ for "a.b"'))).toBe(true);
  });

  it("every validation key produced by the action wrapper exists", async () => {
    const en = JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages/en.json"), "utf8"));
    const src = fs.readFileSync(path.join(process.cwd(), "lib/server/form.ts"), "utf8");
    const keys = [...src.matchAll(/key: "(\w+)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(5);
    for (const k of keys) expect(en.validation[k], k).toBeTypeOf("string");
  });
});
