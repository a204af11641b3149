import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { findUserByEmail, insertUser } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { changeUserRole, createUser, setUserDisabled } from "./manage-users";

let t: TestDatabase;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  adminId = (await insertUser(t.db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: "x" })).id;
});
afterAll(() => t?.destroy());
const ctx = () => ({ db: t.db, actor: { id: adminId }, now: () => new Date() });

describe(`user management (${process.env.TEST_DB})`, () => {
  it("creates a user with a hashed password and refuses a duplicate email in any case", async () => {
    await createUser(ctx(), { email: "New@Example.com", name: "New", role: "viewer", password: "password-1" });
    const stored = await findUserByEmail(t.db, { email: "new@example.com" });
    expect(stored?.passwordHash).not.toBe("password-1");
    expect(await verifyPassword("password-1", stored?.passwordHash)).toBe(true);
    await expect(createUser(ctx(), { email: "NEW@example.com", name: "Again", role: "viewer", password: "password-1" })).rejects.toMatchObject({
      code: "errors.emailTaken",
    });
  });

  it("refuses changes to one's own account", async () => {
    await expect(changeUserRole(ctx(), { userId: adminId, role: "viewer" })).rejects.toMatchObject({ code: "errors.notSelf" });
    await expect(setUserDisabled(ctx(), { userId: adminId, disabled: true })).rejects.toMatchObject({ code: "errors.notSelf" });
  });

  it("never removes the last active admin, but allows it when another admin remains", async () => {
    const second = await insertUser(t.db, { email: "second@example.com", name: "Second", role: "admin", passwordHash: "x" });
    // As the second admin, demoting root is fine while both are admins…
    const asSecond = { db: t.db, actor: { id: second.id }, now: () => new Date() };
    await changeUserRole(asSecond, { userId: adminId, role: "manager" });
    // …but now `second` is the last admin, and root (now a manager, promoted back by nobody) cannot remove it.
    const third = await insertUser(t.db, { email: "third@example.com", name: "Third", role: "manager", passwordHash: "x" });
    const asThird = { db: t.db, actor: { id: third.id }, now: () => new Date() };
    await expect(setUserDisabled(asThird, { userId: second.id, disabled: true })).rejects.toMatchObject({ code: "errors.lastAdmin" });
    await expect(changeUserRole(asThird, { userId: second.id, role: "viewer" })).rejects.toMatchObject({ code: "errors.lastAdmin" });
  });

  it("disables and re-enables a user", async () => {
    const u = await insertUser(t.db, { email: "temp@example.com", name: "Temp", role: "manager", passwordHash: "x" });
    const asSecond = { db: t.db, actor: { id: adminId }, now: () => new Date("2026-01-01T00:00:00Z") };
    expect((await setUserDisabled(asSecond, { userId: u.id, disabled: true }))?.disabledAt?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect((await setUserDisabled(asSecond, { userId: u.id, disabled: false }))?.disabledAt).toBeNull();
  });
});
