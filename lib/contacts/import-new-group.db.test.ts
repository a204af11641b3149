import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { authModuleMock, nextHeadersMock, signInAs } from "@/test/session-mock";
import { insertUser } from "@/db/queries/users";
import { listGroups } from "@/db/queries/groups";
import { contactImports } from "@/db/schema";
import { startImportAction } from "@/app/(app)/contacts/import/actions";
import { issuesToFieldErrors } from "@/lib/server/form";
import { startImportInput } from "./import-contacts";

let t: TestDatabase;
vi.mock("@/auth", () => authModuleMock());
vi.mock("next/headers", () => nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/db/client", () => ({ getDb: async () => t.db }));
// Starting an import queues nothing; the job queue is tested in import-jobs.db.test.ts.
vi.mock("@/lib/jobs/runtime", () => ({ getImportJobs: async () => ({ enqueueImport: async () => undefined }) }));

beforeAll(async () => {
  t = await createTestDatabase();
  const u = await insertUser(t.db, { email: "manager@import-group.test", name: "Manager", role: "manager", passwordHash: "x" });
  signInAs({ id: u.id, role: "manager", email: u.email, name: u.name });
});
afterAll(async () => {
  signInAs(null);
  await t?.destroy();
});

const start = (newGroupName?: string) => ({ fileName: "people.csv", totalRows: 2, mapping: { columns: ["fullName", "email"] }, newGroupName });

describe(`CSV import into a new group (${process.env.TEST_DB})`, () => {
  it("refuses a blank or too long name with a field error by the name, as a group's name is refused elsewhere", () => {
    for (const blank of ["", "   ", "\t"]) {
      const parsed = startImportInput.safeParse(start(blank));
      expect(parsed.success, JSON.stringify(blank)).toBe(false);
      expect(issuesToFieldErrors(parsed.error!.issues)).toEqual({ newGroupName: [{ key: "groupNameRequired" }] });
    }
    const long = startImportInput.safeParse(start("x".repeat(121)));
    expect(issuesToFieldErrors(long.error!.issues)).toEqual({ newGroupName: [{ key: "tooLong", values: { max: 120 } }] });
    expect(startImportInput.parse(start(`  ${"x".repeat(120)}  `)).newGroupName).toBe("x".repeat(120));
    // No new group asked for: still fine.
    expect(startImportInput.safeParse(start()).success).toBe(true);
  });

  it("the action refuses a blank name before anything is made: no import, no nameless group", async () => {
    expect(await startImportAction(null, start("  "))).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { newGroupName: [{ key: "groupNameRequired" }] },
    });
    expect(await t.db.select().from(contactImports)).toEqual([]);
    expect(await listGroups(t.db)).toEqual([]);
  });

  it("a named new group is made (name trimmed) and becomes the import's group", async () => {
    const started = await startImportAction(null, start("  Webinar May  "));
    expect(started).toMatchObject({ ok: true });
    const groups = await listGroups(t.db);
    expect(groups.map((g) => ({ name: g.name, kind: g.kind }))).toEqual([{ name: "Webinar May", kind: "static" }]);
    expect(started?.ok && started.data.groupId).toBe(groups[0]!.id);
  });
});
