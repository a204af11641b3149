import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, testBackend, type TestDatabase } from "@/test/db";
import { migrateDatabase } from "./connect";
import { users } from "./schema";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

describe(`migrations on ${process.env.TEST_DB}`, () => {
  it("runs on the backend the project asked for", async () => {
    expect(t.kind).toBe(testBackend());
    const rows = await t.db.execute(sql`select version() as v`);
    const v = String((rows as unknown as { rows?: { v: string }[] }).rows?.[0]?.v ?? (rows as unknown as { v: string }[])[0]?.v);
    expect(v).toMatch(/PostgreSQL/);
  });

  it("creates every table of the schema", async () => {
    await t.db.insert(users).values({ email: "a@example.com", name: "A", passwordHash: "x", role: "admin" });
    const found = await t.db.select().from(users);
    expect(found).toHaveLength(1);
    expect(found[0]?.role).toBe("admin");
  });

  it("is idempotent: applying again changes nothing", async () => {
    await migrateDatabase(t);
    const found = await t.db.select().from(users);
    expect(found).toHaveLength(1);
  });
});
