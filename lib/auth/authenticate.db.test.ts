import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { insertUser } from "@/db/queries/users";
import { authenticate } from "./authenticate";
import { hashPassword } from "./password";

let t: TestDatabase;
let clock = new Date("2026-11-27T10:00:00Z");
const policy = { maxPerAccount: 3, maxPerIp: 5, windowSeconds: 600 };
const ctx = () => ({ db: t.db, now: () => clock, policy });

beforeAll(async () => {
  t = await createTestDatabase();
  await insertUser(t.db, { email: "Olena@Example.com", name: "Olena", role: "manager", passwordHash: await hashPassword("right-password") });
  await insertUser(t.db, { email: "off@example.com", name: "Off", role: "admin", passwordHash: await hashPassword("right-password"), disabledAt: new Date() });
});
afterAll(() => t?.destroy());

describe(`authenticate (${process.env.TEST_DB})`, () => {
  it("accepts the right password, with the email in any case and padding", async () => {
    const r = await authenticate(ctx(), { email: "  olena@EXAMPLE.com ", password: "right-password", ip: "10.0.0.1" });
    expect(r).toMatchObject({ ok: true, user: { email: "olena@example.com", role: "manager" } });
  });

  it("gives the same answer for a wrong password, an unknown email and a disabled account", async () => {
    const answers = await Promise.all([
      authenticate(ctx(), { email: "olena@example.com", password: "nope", ip: "10.0.0.2" }),
      authenticate(ctx(), { email: "nobody@example.com", password: "nope", ip: "10.0.0.2" }),
      authenticate(ctx(), { email: "off@example.com", password: "right-password", ip: "10.0.0.2" }),
    ]);
    expect(answers).toEqual([
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
    ]);
  });

  it("throttles an account after repeated failures, even with the right password, until the window passes", async () => {
    clock = new Date("2026-11-27T11:00:00Z");
    // The failure recorded at 10:00 lies outside the 10-minute window: three new ones reach the limit.
    for (let i = 0; i < 2; i++) await authenticate(ctx(), { email: "olena@example.com", password: "bad", ip: `10.1.0.${i}` });
    expect(await authenticate(ctx(), { email: "olena@example.com", password: "right-password", ip: "10.9.9.9" })).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) await authenticate(ctx(), { email: "olena@example.com", password: "bad", ip: `10.1.0.${i}` });
    expect(await authenticate(ctx(), { email: "olena@example.com", password: "right-password", ip: "10.9.9.9" })).toEqual({
      ok: false,
      reason: "throttled",
    });
    clock = new Date(clock.getTime() + 601_000);
    expect(await authenticate(ctx(), { email: "olena@example.com", password: "right-password", ip: "10.9.9.9" })).toMatchObject({ ok: true });
  });

  it("throttles one address that tries many accounts", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < 5; i++) await authenticate(ctx(), { email: `spray${i}@example.com`, password: "x", ip });
    expect(await authenticate(ctx(), { email: "olena@example.com", password: "right-password", ip })).toEqual({ ok: false, reason: "throttled" });
    expect(await authenticate(ctx(), { email: "olena@example.com", password: "right-password", ip: "192.0.2.78" })).toMatchObject({ ok: true });
  });
});
