/**
 * `npm run bench:audience` — how long "import by filter" takes for a large group: one set-based
 * INSERT … SELECT (lib/mailings/audience.ts) on PostgreSQL. Seeds N contacts (default 100,000),
 * a dynamic group matching all of them (one in five cannot receive email), and imports it into a
 * fresh email mailing a few times. Prints one JSON line. Options: --contacts N --runs R
 *
 * Next to each import, the same rows are written into a copy of the recipients table with no
 * index, no trigger and no dedupe (`floorMs`): what this machine needs just to store them. The
 * machine's speed moves from one day to the next by a factor of two, so `ratioToFloor`, taken
 * within one run, is what compares the import's own cost across days.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { insertUser } from "../db/queries/users";
import { insertMessage } from "../db/queries/messages";
import { insertGroup } from "../db/queries/groups";
import { createMailing } from "../lib/mailings/mailings";
import { importAudience } from "../lib/mailings/audience";
import { contactsMatchingQuery } from "../lib/contacts/matching";
import { percentile, withBenchDatabase } from "./bench-db";

const { values } = parseArgs({ options: { contacts: { type: "string", default: "100000" }, runs: { type: "string", default: "5" } } });
const contacts = Number(values.contacts);
const runs = Number(values.runs);

async function main() {
const result = await withBenchDatabase(async ({ db }) => {
  // Every tenth contact has no email or opted out, so exclusions are exercised too.
  await db.execute(sql`
    insert into contacts (full_name, email, mobile_phone, language, do_not_use_email)
    select 'Contact ' || g,
           case when g % 10 = 0 then null else 'c' || g || '@bench.test' end,
           '+38067' || lpad(g::text, 7, '0'),
           'uk',
           g % 10 = 5
    from generate_series(1, ${contacts}) g`);
  await db.execute(sql`analyze contacts`);
  const user = await insertUser(db, { email: "bench@test", name: "Bench", role: "manager", passwordHash: "x" });
  const message = await insertMessage(db, { name: "Bench", esputnikId: 293, channel: "email", description: "", notes: "", createdBy: user.id });
  const group = await insertGroup(db, {
    name: "Bench audience",
    kind: "dynamic",
    filter: { combinator: "or", conditions: [{ field: "email", op: "endsWith", value: "@bench.test" }, { field: "language", op: "equals", value: "uk" }] },
    folder: null,
    isFavourite: false,
    createdBy: user.id,
  });
  const ctx = { db, actor: { id: user.id }, now: () => new Date() };
  await db.execute(sql`create table bench_floor (like mailing_recipients including defaults including identity) with (fillfactor = 60)`);
  const groupContacts = await contactsMatchingQuery(db, { groupId: group.id });
  const floors: number[] = [];
  const timings: number[] = [];
  let last = { matched: 0, added: 0, excluded: 0, duplicates: 0 };
  for (let i = 0; i < runs; i++) {
    const mailing = await createMailing(ctx, { name: `Bench ${i}`, esputnikGroup: "", messageId: message.id, alphaName: "" });
    const started = performance.now();
    last = await importAudience(ctx, { mailingId: mailing.id, source: { kind: "group", groupId: group.id } });
    timings.push(performance.now() - started);
    const floorStarted = performance.now();
    await db.execute(sql`
      insert into bench_floor (mailing_id, contact_id, full_name, email, phone, language, locator, state)
      select ${mailing.id}::uuid, c.id, c.full_name, c.email, c.mobile_phone, c.language, c.email, 'pending'
      from contacts c where c.id in (${groupContacts})`);
    floors.push(performance.now() - floorStarted);
  }
  timings.sort((a, b) => a - b);
  floors.sort((a, b) => a - b);
  const p50Ms = percentile(timings, 50);
  const floorMs = percentile(floors, 50);
  return {
    contacts,
    runs,
    ...last,
    p50Ms: Math.round(p50Ms),
    maxMs: Math.round(timings.at(-1) ?? 0),
    floorMs: Math.round(floorMs),
    ratioToFloor: Math.round((p50Ms / floorMs) * 100) / 100,
  };
});
console.log(JSON.stringify({ bench: "audience-import", ...result }));
}

void main();
