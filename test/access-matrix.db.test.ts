import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { authModuleMock, nextHeadersMock, signInAs } from "@/test/session-mock";
import { discoverRouteFiles, discoverServerActionFiles, HTTP_METHODS } from "@/test/discover";
import type { ActionAccess } from "@/lib/server/action";
import type { RouteAccess } from "@/lib/server/route";
import { insertUser } from "@/db/queries/users";
import type { Role } from "@/lib/auth/roles";

/**
 * The access matrix. It finds every server action ("use server" modules) and every route handler
 * by itself, so a new endpoint is covered the day it is written, and proves with real calls:
 *  - without a session everything non-public is refused;
 *  - a viewer is refused every mutation;
 *  - only an admin reaches users and settings;
 *  - a disabled account is treated as signed out.
 * Public endpoints must be listed here, with a reason.
 */
const PUBLIC_ACTIONS = new Set([
  "app/login/actions.ts#login", // signing in
  "app/session-actions.ts#setLocale", // choosing a language on the login page
  "app/session-actions.ts#logout", // ending a session
]);
const PUBLIC_ROUTES = new Set([
  "app/api/auth/[...nextauth]/route.ts", // Auth.js endpoints
  "app/api/health/route.ts", // health probe
  "app/api/esputnik/webhook/route.ts", // eSputnik webhooks: own Basic-auth secret
]);
/** Anything under these folders is administration: admins only. */
const ADMIN_ONLY = [/^app\/\(app\)\/settings\//, /^app\/api\/admin\//];

let t: TestDatabase;
const people = {} as Record<Role | "disabled", { id: string; role: Role; email: string; name: string }>;

vi.mock("@/auth", () => authModuleMock());
vi.mock("next/headers", () => nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/db/client", () => ({
  getDb: async () => t.db,
  getDatabaseHandle: async () => t,
}));

beforeAll(async () => {
  t = await createTestDatabase();
  for (const role of ["admin", "manager", "viewer"] as const) {
    const u = await insertUser(t.db, { email: `${role}@access.test`, name: role, role, passwordHash: "x" });
    people[role] = { id: u.id, role, email: u.email, name: u.name };
  }
  const d = await insertUser(t.db, { email: "gone@access.test", name: "gone", role: "admin", passwordHash: "x", disabledAt: new Date() });
  people.disabled = { id: d.id, role: "admin", email: d.email, name: d.name };
});
afterAll(async () => {
  signInAs(null);
  await t?.destroy();
});

type Action = ((prev: unknown, input?: unknown) => Promise<{ ok: boolean; error?: string } | null>) & { access?: ActionAccess };

async function loadActions() {
  const files = discoverServerActionFiles();
  const actions: { id: string; file: string; fn: Action }[] = [];
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") actions.push({ id: `${file}#${name}`, file, fn: value as Action });
    }
  }
  return actions;
}

describe(`access matrix (${process.env.TEST_DB})`, () => {
  it("finds the server actions and routes it must cover", async () => {
    const actions = await loadActions();
    expect(actions.length).toBeGreaterThanOrEqual(8);
    expect(discoverRouteFiles().length).toBeGreaterThanOrEqual(2);
  });

  it("every server action goes through the wrapper (declares its access)", async () => {
    for (const a of await loadActions()) expect(a.fn.access, `${a.id} is not wrapped by defineAction`).toBeDefined();
  });

  it("public actions are only the listed ones", async () => {
    const publicOnes = (await loadActions()).filter((a) => a.fn.access?.kind === "public").map((a) => a.id);
    expect(publicOnes.sort()).toEqual([...PUBLIC_ACTIONS].sort());
  });

  it("refuses every non-public action without a session, and for a disabled account", async () => {
    for (const a of (await loadActions()).filter((x) => x.fn.access?.kind !== "public")) {
      for (const who of [null, people.disabled]) {
        signInAs(who);
        const result = await a.fn(null, new FormData());
        expect(result, `${a.id} as ${who?.email ?? "nobody"}`).toMatchObject({ ok: false, error: "unauthenticated" });
      }
    }
  });

  it("refuses a viewer every mutation", async () => {
    signInAs(people.viewer);
    const mutations = (await loadActions()).filter((a) => a.fn.access?.kind === "mutation");
    expect(mutations.length).toBeGreaterThan(0);
    for (const a of mutations) expect(await a.fn(null, new FormData()), a.id).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("lets only an admin reach users and settings", async () => {
    const adminOnly = (await loadActions()).filter((a) => ADMIN_ONLY.some((r) => r.test(a.file)));
    expect(adminOnly.length).toBeGreaterThanOrEqual(4);
    for (const a of adminOnly) {
      expect(a.fn.access, a.id).toMatchObject({ permission: "administer" });
      for (const who of [people.viewer, people.manager]) {
        signInAs(who);
        expect(await a.fn(null, new FormData()), `${a.id} as ${who.role}`).toMatchObject({ ok: false, error: "forbidden" });
      }
      signInAs(people.admin);
      const result = await a.fn(null, new FormData());
      expect(["unauthenticated", "forbidden"], `${a.id} as admin`).not.toContain(result?.ok ? "" : result?.error);
    }
  });

  it("protects every route handler, except the listed public ones", async () => {
    for (const file of discoverRouteFiles()) {
      const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
      const handlers = HTTP_METHODS.filter((m) => typeof mod[m] === "function").map(
        (m) => [m, mod[m] as ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { access?: RouteAccess }] as const,
      );
      expect(handlers.length, file).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        expect(handler.access, `${file} ${method} is not wrapped`).toBeDefined();
        if (handler.access?.kind === "public") {
          expect(PUBLIC_ROUTES.has(file), `${file} ${method} is public but not listed`).toBe(true);
          continue;
        }
        const call = () => handler(new Request(`http://test.local/${file}`, { method }), { params: Promise.resolve({ id: "x" }) });
        signInAs(null);
        expect((await call()).status, `${file} ${method} without session`).toBe(401);
        if (method !== "GET" && method !== "HEAD") {
          signInAs(people.viewer);
          expect((await call()).status, `${file} ${method} as viewer`).toBe(403);
        }
        if (ADMIN_ONLY.some((r) => r.test(file))) {
          signInAs(people.manager);
          expect((await call()).status, `${file} ${method} as manager`).toBe(403);
        }
      }
    }
  });
});
