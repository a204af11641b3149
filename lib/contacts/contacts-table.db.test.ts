import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute";
import { countContacts, countContactsUpTo, listContactRows, listContactRowsAfter, type ContactCursor, type ContactSort } from "@/db/queries/contacts-list";
import { countAllContacts } from "@/db/queries/contacts";
import { listGroups } from "@/db/queries/groups";
import { CONTACT_SORT_COLUMNS } from "./table-view";
import { seedBulkContacts } from "./bulk-seed";
import { seedDemoContacts, DEMO_CONTACT_COUNT } from "./demo-contacts";
import { contactsTableQuery, loadContactsTablePage } from "./contacts-table-query";
import { contactsCsv, type ExportLabels } from "./export-csv";
import { parseCsv } from "./csv";
import { contactsMatchingQuery, contactsSpecCondition } from "./matching";
import { normalisePhone } from "./normalise";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  expect(await seedDemoContacts(t.db)).toEqual({ created: DEMO_CONTACT_COUNT });
  expect(await seedBulkContacts(t, { count: 700 })).toMatchObject({ inserted: 700 });
});
afterAll(() => t?.destroy());

const everyId = async (sort: ContactSort) => (await listContactRows(t.db, { sort, offset: 0, limit: 10_000 })).map((r) => r.id);
const request = (over: Partial<Parameters<typeof contactsTableQuery>[1]> = {}) => ({ search: "", filters: {}, sort: { id: "createdAt", desc: true }, ...over });

describe(`contacts table (${process.env.TEST_DB})`, () => {
  it("demo seeding runs once, with the manual's groups; bulk seeding makes valid, unique contacts", async () => {
    expect(await seedDemoContacts(t.db)).toEqual({ created: 0 });
    expect(await countAllContacts(t.db)).toBe(DEMO_CONTACT_COUNT + 700);
    const groups = await listGroups(t.db);
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(["Учасники вебінару", "Не використовувати email", "Контакти без контрагента"]));
    for (const g of groups) expect(await countContacts(t.db, { where: await contactsSpecCondition(t.db, { groupId: g.id }) }), g.name).toBeGreaterThan(0);
    const rows = await listContactRows(t.db, { sort: { column: "createdAt", desc: true }, offset: 0, limit: 10_000 });
    for (const r of rows) if (r.mobilePhone) expect(normalisePhone(r.mobilePhone), r.mobilePhone).toBe(r.mobilePhone);
  });

  it("pages in every sort order add up to the whole list, and keyset export walks the same order", async () => {
    for (const column of CONTACT_SORT_COLUMNS) {
      for (const desc of [false, true]) {
        const sort = { column, desc };
        const all = await everyId(sort);
        const paged: string[] = [];
        for (let offset = 0; offset < all.length; offset += 97) paged.push(...(await listContactRows(t.db, { sort, offset, limit: 97 })).map((r) => r.id));
        expect(paged, `${column} ${desc}`).toEqual(all);
        const walked: string[] = [];
        let cursor: ContactCursor | null = null;
        do {
          const page: Awaited<ReturnType<typeof listContactRowsAfter>> = await listContactRowsAfter(t.db, { sort, cursor, limit: 89 });
          walked.push(...page.rows.map((r) => r.id));
          cursor = page.next;
        } while (cursor);
        expect(walked, `keyset ${column} ${desc}`).toEqual(all);
      }
    }
  });

  it("counts up to a cap", async () => {
    expect(await countContactsUpTo(t.db, { cap: 100 })).toEqual({ count: 100, capped: true });
    expect(await countContactsUpTo(t.db, { cap: 5000 })).toEqual({ count: DEMO_CONTACT_COUNT + 700, capped: false });
  });

  it("searches names, emails, phones as typed, and account names; column filters narrow", async () => {
    const page = async (over: Partial<Parameters<typeof contactsTableQuery>[1]>) => {
      const { rows, hasNext, count } = await loadContactsTablePage(t.db, { ...request(over), offset: 0, limit: 2000, countCap: 10_000 });
      return { rows, hasNext, total: await count };
    };
    const [sample] = await listContactRows(t.db, { sort: { column: "createdAt", desc: true }, offset: 3, limit: 1, where: undefined });
    const byPhone = await page({ search: `0${sample!.mobilePhone!.slice(4, 6)} ${sample!.mobilePhone!.slice(6, 9)} ${sample!.mobilePhone!.slice(9)}` });
    expect(byPhone.rows.map((r) => r.id)).toContain(sample!.id);
    const infocom = await page({ search: "infoc" });
    expect(infocom.rows.length).toBeGreaterThan(0);
    expect(infocom.rows.every((r) => r.accountName === "Infocom" || /infoc/i.test(`${r.fullName} ${r.email}`))).toBe(true);
    const shevchenko = await page({ search: "ШЕВЧЕНКО" });
    expect(shevchenko.rows.length).toBeGreaterThan(0);
    expect(shevchenko.rows.every((r) => r.fullName.includes("Шевченко") || r.email?.includes("shevchenko"))).toBe(true);
    const english = await page({ filters: { language: "en", fullName: "barber" } });
    expect(english.rows.length).toBeGreaterThan(0);
    expect(english.rows.every((r) => r.language === "en" && r.fullName.includes("Barber"))).toBe(true);
    expect(english.total).toEqual({ count: english.rows.length, capped: false });
    const nothing = await page({ filters: { language: "klingon" }, search: "zzzzqqq" });
    expect(nothing).toEqual({ rows: [], hasNext: false, total: { count: 0, capped: false } });
    const firstTwo = await loadContactsTablePage(t.db, { ...request(), offset: 0, limit: 2, countCap: 10_000 });
    expect([firstTwo.rows.length, firstTwo.hasNext, await firstTwo.count]).toEqual([2, true, { count: DEMO_CONTACT_COUNT + 700, capped: false }]);
  });

  it("exports the current view as CSV that reads back the same rows", async () => {
    const labels: ExportLabels = {
      fields: { fullName: "Name", accountName: "Account", jobTitle: "Job title", email: "Email", mobilePhone: "Mobile phone", workPhone: "Work phone", language: "Language", doNotUseEmail: "Do not use email", doNotUseSms: "Do not use SMS", emailInvalid: "Email is invalid" },
      createdAt: "Created",
      yes: "yes",
      no: "no",
    };
    const { where, sort } = await contactsTableQuery(t.db, request({ filters: { language: "en" }, sort: { id: "fullName", desc: false } }));
    let text = "";
    for await (const chunk of contactsCsv(t.db, { where, sort, labels })) text += chunk;
    const [header, ...records] = [...parseCsv(text)].map((r) => r.cells);
    expect(header?.[0]).toBe("Name");
    const expected = await listContactRows(t.db, { where, sort, offset: 0, limit: 10_000 });
    expect(records.map((r) => r[3])).toEqual(expected.map((r) => r.email ?? ""));
    expect(records.every((r) => r[6] === "en")).toBe(true);
  });

  it("contactsMatchingQuery of a dynamic group selects what the table shows for it", async () => {
    const group = (await listGroups(t.db)).find((g) => g.name === "Абоненти Київстар")!;
    const table = await loadContactsTablePage(t.db, { ...request({ groupId: group.id }), offset: 0, limit: 5000, countCap: 10_000 });
    expect(table.rows.every((r) => /^\+380(67|68|96|97|98)/.test(r.mobilePhone ?? ""))).toBe(true);
    expect(table.rows.length).toBeGreaterThan(0);
    expect(await table.count).toEqual({ count: table.rows.length, capped: false });
    const query = await contactsMatchingQuery(t.db, { groupId: group.id });
    const matched = await executeRows<{ id: string }>(t.db, sql`select id from contacts where id in (${query})`);
    expect(matched.map((r) => r.id).sort()).toEqual(table.rows.map((r) => r.id).sort());
  });

  // Last: it adds contacts the counts above do not expect.
  it("bulk seeding with indexes dropped and rebuilt (as for a million rows) leaves every index and constraint in place", async () => {
    if (t.kind !== "postgres") return; // PGlite never takes that path
    const indexes = () => executeRows<{ name: string }>(t.db, sql`select indexname as name from pg_indexes where tablename = 'contacts' order by 1`);
    const before = await indexes();
    const [existing] = await executeRows<{ email: string }>(t.db, sql`select email from contacts where email is not null limit 1`);
    // The first generated number is "+38050" + (contacts before the seed + 1): take it beforehand.
    const taken = `+38050${String((await countAllContacts(t.db)) + 2).padStart(7, "0")}`;
    await t.db.execute(sql`insert into contacts (full_name, mobile_phone) values ('Number taken', ${taken})`);
    expect(await seedBulkContacts(t, { count: 300, rebuildIndexes: true })).toMatchObject({ inserted: 299 });
    expect(await indexes()).toEqual(before);
    // The unique constraints are back: a second contact with an existing email is refused.
    await expect(t.db.execute(sql`insert into contacts (full_name, email) values ('Twin', ${existing!.email})`)).rejects.toThrow();
  });
});
