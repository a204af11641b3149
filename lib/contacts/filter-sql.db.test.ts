import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { contacts } from "@/db/schema";
import { addGroupMembers, insertGroup } from "@/db/queries/groups";
import { contactFilterSchema, filterConditionSchema, type ContactFilter, type FilterCondition } from "./filter";
import { compileContactFilter } from "./filter-sql";
import { addContact, contactsTestActor } from "./testing";

let t: TestDatabase;
let groupId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const ctx = await contactsTestActor(t.db);
  await addContact(ctx, { fullName: "Петренко Іван", email: "ivan@infocom.ua", mobilePhone: "067 123 45 67", jobTitle: "Директор", accountName: "Infocom", language: "uk" });
  await addContact(ctx, { fullName: "Andrew S. Barber", email: "a.barber@gros.com", mobilePhone: "+1 206 587 1036", workPhone: "+1 206 480 3801", jobTitle: "Specialist", accountName: "Axiom", language: "en", doNotUseEmail: true });
  await addContact(ctx, { fullName: "Коваль Олена", email: "olena@ukr.net", mobilePhone: "050 765 43 21", language: "ru", emailInvalid: true, doNotUseSms: true });
  await addContact(ctx, { fullName: "100% Discount_Guy", mobilePhone: "+380931112233" });
  await addContact(ctx, { fullName: "O'Brien; DROP TABLE contacts; --", email: "obrien@example.com", jobTitle: "" });
  const group = await insertGroup(t.db, { name: "Webinar", kind: "static", folder: null, isFavourite: false, filter: null, createdBy: null });
  groupId = group.id;
  await addGroupMembers(t.db, { groupId, where: sql`${contacts.fullName} in ('Петренко Іван', 'Коваль Олена')` });
});
afterAll(() => t?.destroy());

async function names(filter: ContactFilter): Promise<string[]> {
  const rows = await t.db.select({ name: contacts.fullName }).from(contacts).where(compileContactFilter(contactFilterSchema.parse(filter))).orderBy(asc(contacts.fullName));
  return rows.map((r) => r.name);
}
const where = (...conditions: Partial<FilterCondition>[]) => names({ combinator: "and", conditions: conditions as FilterCondition[] });

const IVAN = "Петренко Іван";
const ANDREW = "Andrew S. Barber";
const OLENA = "Коваль Олена";
const PERCENT = "100% Discount_Guy";
const OBRIEN = "O'Brien; DROP TABLE contacts; --";

describe(`contact filter compiler (${process.env.TEST_DB})`, () => {
  it("text operators, case-insensitive", async () => {
    expect(await where({ field: "fullName", op: "contains", value: "ПЕТРЕН" })).toEqual([IVAN]);
    // Cyrillic "а": in "Іван" and "Олена", not in the Latin names.
    expect(await where({ field: "fullName", op: "notContains", value: "а" })).toEqual([PERCENT, ANDREW, OBRIEN]);
    expect(await where({ field: "fullName", op: "equals", value: "andrew s. barber" })).toEqual([ANDREW]);
    expect(await where({ field: "fullName", op: "notEquals", value: "Andrew S. Barber" })).toHaveLength(4);
    expect(await where({ field: "fullName", op: "startsWith", value: "коваль" })).toEqual([OLENA]);
    expect(await where({ field: "fullName", op: "endsWith", value: "barber" })).toEqual([ANDREW]);
  });

  it("empty and not empty treat null and '' alike; negations include contacts without a value", async () => {
    expect(await where({ field: "jobTitle", op: "isEmpty" })).toEqual([PERCENT, OBRIEN, OLENA]);
    expect(await where({ field: "jobTitle", op: "isNotEmpty" })).toEqual([ANDREW, IVAN]);
    expect(await where({ field: "jobTitle", op: "notContains", value: "дир" })).toEqual([PERCENT, ANDREW, OBRIEN, OLENA]);
    expect(await where({ field: "email", op: "isEmpty" })).toEqual([PERCENT]);
  });

  it("emails compare lower-cased; phones in E.164 whatever way they are typed", async () => {
    expect(await where({ field: "email", op: "equals", value: "IVAN@infocom.UA" })).toEqual([IVAN]);
    expect(await where({ field: "email", op: "endsWith", value: "@UKR.NET" })).toEqual([OLENA]);
    expect(await where({ field: "mobilePhone", op: "equals", value: "(067) 123-45-67" })).toEqual([IVAN]);
    expect(await where({ field: "mobilePhone", op: "contains", value: "123 45" })).toEqual([IVAN]);
    expect(await where({ field: "mobilePhone", op: "startsWith", value: "050" })).toEqual([OLENA]);
    expect(await where({ field: "mobilePhone", op: "startsWith", value: "+1 206" })).toEqual([ANDREW]);
    expect(await where({ field: "workPhone", op: "isNotEmpty" })).toEqual([ANDREW]);
  });

  it("account conditions, including contacts without one", async () => {
    expect(await where({ field: "accountName", op: "equals", value: "infocom" })).toEqual([IVAN]);
    expect(await where({ field: "accountName", op: "contains", value: "xio" })).toEqual([ANDREW]);
    expect(await where({ field: "accountName", op: "notEquals", value: "Infocom" })).toEqual([PERCENT, ANDREW, OBRIEN, OLENA]);
    expect(await where({ field: "accountName", op: "isEmpty" })).toEqual([PERCENT, OBRIEN, OLENA]);
    expect(await where({ field: "accountName", op: "isNotEmpty" })).toEqual([ANDREW, IVAN]);
  });

  it("language, flags, group membership and creation date", async () => {
    expect(await where({ field: "language", op: "equals", value: "en" })).toEqual([ANDREW]);
    expect(await where({ field: "language", op: "notEquals", value: "uk" })).toEqual([PERCENT, ANDREW, OBRIEN, OLENA]);
    expect(await where({ field: "language", op: "isEmpty" })).toEqual([PERCENT, OBRIEN]);
    expect(await where({ field: "doNotUseEmail", op: "isTrue" })).toEqual([ANDREW]);
    expect(await where({ field: "doNotUseSms", op: "isTrue" })).toEqual([OLENA]);
    expect(await where({ field: "emailInvalid", op: "isFalse" })).toEqual([PERCENT, ANDREW, OBRIEN, IVAN]);
    expect(await where({ field: "group", op: "inGroup", value: groupId })).toEqual([OLENA, IVAN]);
    expect(await where({ field: "group", op: "notInGroup", value: groupId })).toEqual([PERCENT, ANDREW, OBRIEN]);
    expect(await where({ field: "createdAt", op: "inLastDays", value: "1" })).toHaveLength(5);
    expect(await where({ field: "createdAt", op: "before", value: "2000-01-01" })).toEqual([]);
    expect(await where({ field: "createdAt", op: "onOrAfter", value: "2000-01-01" })).toHaveLength(5);
  });

  it("AND, OR and nested groups", async () => {
    const en = { field: "language", op: "equals", value: "en" } as const;
    const ru = { field: "language", op: "equals", value: "ru" } as const;
    const noSms = { field: "doNotUseSms", op: "isTrue", value: "" } as const;
    expect(await names({ combinator: "or", conditions: [en, ru] })).toEqual([ANDREW, OLENA]);
    expect(await names({ combinator: "and", conditions: [ru, noSms] })).toEqual([OLENA]);
    expect(await names({ combinator: "and", conditions: [en, noSms] })).toEqual([]);
    expect(
      await names({
        combinator: "and",
        conditions: [
          { field: "email", op: "isNotEmpty", value: "" },
          { combinator: "or", conditions: [en, { field: "accountName", op: "equals", value: "Infocom" }] },
        ],
      }),
    ).toEqual([ANDREW, IVAN]);
  });

  it("takes values literally: wildcards, quotes and SQL in values match text, never run", async () => {
    expect(await where({ field: "fullName", op: "contains", value: "%" })).toEqual([PERCENT]);
    expect(await where({ field: "fullName", op: "contains", value: "_" })).toEqual([PERCENT]);
    expect(await where({ field: "fullName", op: "contains", value: "\\" })).toEqual([]);
    expect(await where({ field: "fullName", op: "contains", value: "'; DROP TABLE contacts; --" })).toEqual([]);
    expect(await where({ field: "fullName", op: "contains", value: "; DROP TABLE contacts; --" })).toEqual([OBRIEN]);
    expect(await where({ field: "accountName", op: "equals", value: "x' or '1'='1" })).toEqual([]);
    expect(await where({ field: "email", op: "equals", value: "' or 1=1 --" })).toEqual([]);
    const [{ n }] = (await t.db.select({ n: sql<number>`count(*)::int` }).from(contacts)) as [{ n: number }];
    expect(n).toBe(5);
  });

  it("refuses malformed conditions before any SQL is built", () => {
    const bad = [
      { field: "fullName", op: "contains", value: "" },
      { field: "fullName", op: "isTrue" },
      { field: "language", op: "equals", value: "de" },
      { field: "createdAt", op: "before", value: "2026-13-45'" },
      { field: "createdAt", op: "inLastDays", value: "1; drop table contacts" },
      { field: "group", op: "inGroup", value: "1 or 1=1" },
      { field: "password_hash", op: "contains", value: "x" },
    ];
    for (const c of bad) expect(filterConditionSchema.safeParse(c).success, JSON.stringify(c)).toBe(false);
    const deep: ContactFilter = { combinator: "and", conditions: [{ combinator: "or", conditions: [{ combinator: "and", conditions: [{ combinator: "or", conditions: [{ field: "language", op: "isEmpty", value: "" }] }] }] }] };
    expect(contactFilterSchema.safeParse(deep).success).toBe(false);
    expect(contactFilterSchema.safeParse({ combinator: "and", conditions: [] }).success).toBe(false);
  });
});
