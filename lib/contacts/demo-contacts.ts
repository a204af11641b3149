import { inArray } from "drizzle-orm";
import type { Db } from "@/db/types";
import { contacts } from "@/db/schema";
import { findOrCreateAccountIds } from "@/db/queries/accounts";
import { countAllContacts, insertContactsSkippingDuplicates, type ContactValues } from "@/db/queries/contacts";
import { addGroupMembers, insertGroup } from "@/db/queries/groups";
import type { ContactFilter, FilterCondition } from "./filter";
import type { ContactLanguage } from "./languages";
import { normalisePhone } from "./normalise";
import { oneOf, SEED_NAMES, UA_MOBILE_CODES, type SeedPerson } from "./seed-names";

/**
 * The demo base: a few hundred believable contacts (Ukrainian and English names, companies,
 * Ukrainian mobile numbers, a few opted out or bounced) and the groups the user manual shows —
 * so that a first look at Contacts and at a mailing's audience has something to work with.
 * Deterministic (seeded random), and only on an empty contacts table.
 */
export const DEMO_CONTACT_COUNT = 320;

export async function seedDemoContacts(db: Db, { count = DEMO_CONTACT_COUNT }: { count?: number } = {}): Promise<{ created: number }> {
  if ((await countAllContacts(db)) > 0) return { created: 0 };
  return db.transaction(async (tx) => {
    const random = seededRandom(20260527);
    const accountIds = await findOrCreateAccountIds(tx, { names: SEED_NAMES.accounts, createdBy: null });
    const people = demoPeople(count, random);
    const inserted = await insertContactsSkippingDuplicates(
      tx,
      people.map((p) => ({ ...p.values, accountId: p.account ? (accountIds.get(p.account.toLowerCase()) ?? null) : null })),
    );
    const ids = inserted.map((c) => c.id);
    for (const group of DEMO_GROUPS) {
      const row = await insertGroup(tx, { ...group, filter: group.filter ?? null, createdBy: null });
      if (group.kind === "static") await addGroupMembers(tx, { groupId: row.id, where: inArray(contacts.id, pick(ids, group.members ?? 0, random)) });
    }
    return { created: inserted.length };
  });
}

type DemoGroup = { name: string; kind: "static" | "dynamic"; folder: string | null; isFavourite: boolean; filter?: ContactFilter; members?: number };

const DEMO_GROUPS: DemoGroup[] = [
  { name: "Учасники вебінару", kind: "static", folder: null, isFavourite: true, members: 12 },
  { name: "VIP-клієнти", kind: "static", folder: "Продажі", isFavourite: false, members: 8 },
  { name: "Не використовувати email", kind: "dynamic", folder: null, isFavourite: false, filter: allOf({ field: "doNotUseEmail", op: "isTrue", value: "" }) },
  { name: "Неактуальна email-адреса", kind: "dynamic", folder: null, isFavourite: false, filter: allOf({ field: "emailInvalid", op: "isTrue", value: "" }) },
  { name: "Контакти без контрагента", kind: "dynamic", folder: null, isFavourite: false, filter: allOf({ field: "accountName", op: "isEmpty", value: "" }) },
  {
    name: "Англомовні контакти",
    kind: "dynamic",
    folder: "Сегменти",
    isFavourite: true,
    filter: allOf({ field: "language", op: "equals", value: "en" }),
  },
  {
    name: "Абоненти Київстар",
    kind: "dynamic",
    folder: "Сегменти",
    isFavourite: false,
    filter: anyOf(...["+38067", "+38068", "+38096", "+38097", "+38098"].map((value): FilterCondition => ({ field: "mobilePhone", op: "startsWith", value }))),
  },
  {
    name: "Керівники",
    kind: "dynamic",
    folder: "Сегменти",
    isFavourite: false,
    filter: anyOf(...["Директор", "Керівник", "CEO", "Head"].map((value): FilterCondition => ({ field: "jobTitle", op: "contains", value }))),
  },
];

function allOf(...conditions: FilterCondition[]): ContactFilter {
  return { combinator: "and", conditions };
}
function anyOf(...conditions: FilterCondition[]): ContactFilter {
  return { combinator: "or", conditions };
}

type Random = () => number;

/** mulberry32: a tiny seeded generator, so every demo start gives the same base. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const digits = (n: number, random: Random) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");

function pick<T>(items: T[], n: number, random: Random): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
  return out;
}

const MAIL_DOMAINS = ["gmail.com", "ukr.net", "i.ua", "outlook.com"];

function demoPeople(count: number, random: Random): { values: Omit<ContactValues, "accountId">; account: string | null }[] {
  const usedEmails = new Set<string>();
  const usedPhones = new Set<string>();
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const english = random() < 0.3;
    const person: SeedPerson = english ? SEED_NAMES.english(random) : SEED_NAMES.ukrainian(random);
    const account = random() < 0.88 ? oneOf(SEED_NAMES.accounts, random) : null;
    const language: ContactLanguage = english ? "en" : random() < 0.85 ? "uk" : "ru";
    let email: string | null = random() < 0.92 ? `${person.login}@${oneOf(MAIL_DOMAINS, random)}` : null;
    if (email && usedEmails.has(email)) email = email.replace("@", `${i}@`);
    if (email) usedEmails.add(email);
    let mobilePhone: string | null = random() < 0.9 ? normalisePhone(`+380${oneOf(UA_MOBILE_CODES, random)}${digits(7, random)}`) : null;
    if (mobilePhone && usedPhones.has(mobilePhone)) mobilePhone = null;
    if (mobilePhone) usedPhones.add(mobilePhone);
    return {
      account,
      values: {
        fullName: person.fullName,
        jobTitle: random() < 0.8 ? oneOf(english ? SEED_NAMES.englishTitles : SEED_NAMES.ukrainianTitles, random) : null,
        email,
        mobilePhone,
        workPhone: random() < 0.3 ? normalisePhone(`+38044${digits(7, random)}`) : null,
        language,
        doNotUseEmail: random() < 0.05,
        doNotUseSms: random() < 0.05,
        emailInvalid: random() < 0.04,
        createdBy: null,
        createdAt: new Date(now - Math.floor(random() * 400 * 86_400_000)),
      },
    };
  });
}
