import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { authModuleMock, signInAs } from "@/test/session-mock";
import { insertUser } from "@/db/queries/users";
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/auth/roles";
import { defineAction, definePublicAction } from "./action";

let t: TestDatabase;
vi.mock("@/auth", () => authModuleMock());
vi.mock("@/db/client", () => ({ getDb: async () => t.db }));

const users = {} as Record<Role, { id: string; role: Role; email: string; name: string }>;
beforeAll(async () => {
  t = await createTestDatabase();
  for (const role of ["admin", "manager", "viewer"] as const) {
    const u = await insertUser(t.db, { email: `${role}@wrapper.test`, name: role, role, passwordHash: "x" });
    users[role] = { id: u.id, role, email: u.email, name: u.name };
  }
});
afterAll(() => t?.destroy());

const handler = vi.fn(async (input: { count: number }, ctx: { actor: { id: string } }) => ({ doubled: input.count * 2, by: ctx.actor.id }));
const manageAction = defineAction({ permission: "manage", schema: z.object({ count: z.coerce.number().int().min(1).max(10) }) }, handler);

describe(`defineAction (${process.env.TEST_DB})`, () => {
  it("refuses without a session, before validating or running anything", async () => {
    signInAs(null);
    handler.mockClear();
    expect(await manageAction(null, { count: "2" })).toMatchObject({ ok: false, error: "unauthenticated" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a role without the permission", async () => {
    signInAs(users.viewer);
    expect(await manageAction(null, { count: "2" })).toMatchObject({ ok: false, error: "forbidden" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("trusts the database over the session: a viewer whose session claims admin is still a viewer", async () => {
    signInAs({ ...users.viewer, role: "admin" });
    expect(await manageAction(null, { count: "2" })).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("refuses a session that began before the user signed out", async () => {
    const { updateUser } = await import("@/db/queries/users");
    await updateUser(t.db, { id: users.manager.id, patch: { sessionsValidAfter: new Date("2026-01-01T12:00:00Z") } });
    signInAs({ ...users.manager, loginAt: Date.parse("2026-01-01T11:59:59Z") });
    expect(await manageAction(null, { count: "2" })).toMatchObject({ ok: false, error: "unauthenticated" });
    signInAs({ ...users.manager, loginAt: Date.parse("2026-01-01T12:00:01Z") });
    expect(await manageAction(null, { count: "2" })).toMatchObject({ ok: true });
    await updateUser(t.db, { id: users.manager.id, patch: { sessionsValidAfter: null } });
    handler.mockClear();
  });

  it("validates FormData strings with coercion and returns translatable field errors", async () => {
    signInAs(users.manager);
    const form = new FormData();
    form.set("count", "99");
    const result = await manageAction(null, form);
    expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { count: [{ key: "tooBig", values: { max: 10 } }] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs the handler with typed input and the actor from the session", async () => {
    signInAs(users.admin);
    const form = new FormData();
    form.set("count", "4");
    expect(await manageAction(null, form)).toMatchObject({ ok: true, data: { doubled: 8, by: users.admin.id } });
  });

  it("reports a DomainError's code and hides unexpected errors", async () => {
    signInAs(users.manager);
    const refusing = defineAction({ permission: "read", schema: z.object({}) }, async () => {
      throw new DomainError("errors.lastAdmin", { n: 1 });
    });
    expect(await refusing(null, {})).toMatchObject({ ok: false, error: "errors.lastAdmin", values: { n: 1 } });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const crashing = defineAction({ permission: "read", schema: z.object({}) }, async () => {
      throw new Error("database password is hunter2");
    });
    const result = await crashing(null, {});
    expect(result).toEqual({ ok: false, error: "internal", at: expect.any(Number) });
    spy.mockRestore();
  });

  it("public actions still validate their input", async () => {
    const pub = definePublicAction({ schema: z.object({ locale: z.enum(["uk", "en"]) }) }, async (i) => i.locale);
    expect(await pub(null, { locale: "xx" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { locale: [{ key: "choice" }] } });
    expect(await pub(null, { locale: "en" })).toMatchObject({ ok: true, data: "en" });
  });
});
