import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { authModuleMock, nextHeadersMock, signInAs } from "@/test/session-mock";
import { createGroup, removeGroup } from "@/lib/contacts/manage-groups";
import { addContact, contactsTestActor } from "@/lib/contacts/testing";
import { GET } from "./route";

let t: TestDatabase;
vi.mock("@/auth", () => authModuleMock());
vi.mock("next/headers", () => nextHeadersMock());
vi.mock("@/db/client", () => ({ getDb: async () => t.db }));
// The column titles are the keys themselves: this test is about the response, not the wording.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let ctx: Awaited<ReturnType<typeof contactsTestActor>>;
beforeAll(async () => {
  t = await createTestDatabase();
  ctx = await contactsTestActor(t.db, "manager@export.test");
  await addContact(ctx, { fullName: "Петренко Іван", email: "ivan@export.test" });
  signInAs({ id: ctx.actor.id, role: "manager", email: "manager@export.test", name: "Manager" });
});
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  signInAs(null);
  await t?.destroy();
});

const get = (query: string) => GET(new Request(`http://app.test/contacts/export?${query}`), { params: Promise.resolve({}) });

describe(`contacts export (${process.env.TEST_DB})`, () => {
  it("a deleted group sends the browser back to the view, whose page says the group is gone — no JSON", async () => {
    const group = await createGroup(ctx, { kind: "static", name: "Gone soon", folder: null, isFavourite: false });
    await removeGroup(ctx, { id: group.id });
    const res = await get(`group=${group.id}&q=ivan`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/contacts?group=${group.id}&q=ivan`);
    expect(await res.text()).toBe("");
  });

  it("names the file after the day in Kyiv, not in UTC", async () => {
    // 22:30 UTC on 1 March is 00:30 on 2 March in Kyiv (UTC+2).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T22:30:00Z"));
    const res = await get("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="contacts-2026-03-02.csv"');
    expect(await res.text()).toContain("ivan@export.test");
  });
});
