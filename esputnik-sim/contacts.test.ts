import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestSim, type TestSim } from "./testing";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterEach(() => t.sim.control.reset());
afterAll(() => t.sim.close());

const contact = (email: string, extra: Record<string, unknown> = {}) => ({ channels: [{ type: "email", value: email }], ...extra });

async function upsert(body: unknown): Promise<Response> {
  return t.api("/v1/contacts", { json: body });
}

async function importStatus(id: string): Promise<{ status: string; mapping: { dedupeValue: string; contactId: number }[] }> {
  const response = await t.api(`/v1/importstatus/${id}`);
  expect(response.status).toBe(200);
  return response.json();
}

describe("bulk contact upsert", () => {
  it("imports asynchronously: STARTED → IMPORTING → FINISHED over polls, then contacts land in new Static groups", async () => {
    const response = await upsert({
      dedupeOn: "email",
      groupNames: ["Webinar leads", "VIP клієнти"],
      contacts: [contact("new1@example.com", { firstName: "Ann" }), contact("new2@example.com"), { firstName: "No channels" }],
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.asyncSessionId).toMatch(/^[0-9a-f-]{36}$/);
    // One failed contact arrives as an object, not a list.
    expect(body.failedContacts).toEqual({ firstName: "No channels", error: "Contact has no channels" });

    const groupsBefore = (await (await t.api("/v1/groups")).json()) as { name: string }[];
    expect(groupsBefore.map((g) => g.name)).not.toContain("Webinar leads");

    expect((await importStatus(body.asyncSessionId)).status).toBe("STARTED");
    expect((await importStatus(body.asyncSessionId)).status).toBe("IMPORTING");
    const finished = await importStatus(body.asyncSessionId);
    expect(finished.status).toBe("FINISHED");
    expect(finished.mapping.map((m) => m.dedupeValue)).toEqual(["new1@example.com", "new2@example.com"]);

    const groups = (await (await t.api("/v1/groups?name=webinar")).json()) as { id: number; name: string; type: string }[];
    expect(groups).toEqual([{ id: expect.any(Number), name: "Webinar leads", type: "Static" }]);
    const members = await t.api(`/v1/group/${groups[0]?.id}/contacts`);
    expect(members.headers.get("totalcount")).toBe("2");
    expect(((await members.json()) as { firstName: string }[]).map((c) => c.firstName)).toEqual(["Ann", ""]);
  });

  it("finishes when the simulated clock passes secondsToFinish, even without polls", async () => {
    const { asyncSessionId } = await (await upsert({ dedupeOn: "email", contacts: [contact("c@example.com")] })).json();
    t.sim.control.advance(5);
    expect((await importStatus(asyncSessionId)).status).toBe("FINISHED");
  });

  it("updates an existing contact by the dedupe key (externalCustomerId wins)", async () => {
    const { asyncSessionId } = await (
      await upsert({
        dedupeOn: "email",
        contacts: [contact("olena.kovalenko@example.com", { lastName: "Шевченко" }), contact("other@example.com", { externalCustomerId: "crm-2" })],
      })
    ).json();
    t.sim.control.advance(60);
    const { mapping } = await importStatus(asyncSessionId);
    const olena = await (await t.api(`/v1/contact/${mapping[0]?.contactId}`)).json();
    expect(olena).toMatchObject({ firstName: "Олена", lastName: "Шевченко", externalCustomerId: "crm-1" });
    const andrii = await (await t.api(`/v1/contact/${mapping[1]?.contactId}`)).json();
    expect(andrii).toMatchObject({ externalCustomerId: "crm-2", firstName: "Andrii" });
    expect(andrii.channels).toEqual([{ type: "email", value: "other@example.com" }]);
  });

  it("enforces the limits: 3,000 contacts, dedupeOn required (400 text)", async () => {
    const tooMany = await upsert({ dedupeOn: "email", contacts: Array.from({ length: 3001 }, (_, i) => contact(`u${i}@example.com`)) });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toBe("Too many contacts: 3001, the maximum is 3000");
    const noDedupe = await upsert({ contacts: [contact("a@example.com")] });
    expect(noDedupe.status).toBe(400);
    expect(await noDedupe.text()).toMatch(/^dedupeOn is required/);
    expect((await upsert({ dedupeOn: "email", contacts: Array.from({ length: 3000 }, (_, i) => contact(`u${i}@example.com`)) })).status).toBe(200);
  });

  it("answers 404 for an unknown import session", async () => {
    expect((await t.api("/v1/importstatus/no-such-session")).status).toBe(404);
  });
});

describe("groups", () => {
  it("lists the seeded segments with their types", async () => {
    const groups = await (await t.api("/v1/groups")).json();
    expect(groups).toEqual([
      { id: 5001, name: "Усі підписники", type: "Static" },
      { id: 5002, name: "VIP клієнти", type: "Static" },
      { id: 5003, name: "Newsletter EN", type: "Static" },
      { id: 5004, name: "Активні за 30 днів", type: "Dynamic" },
    ]);
  });
});
