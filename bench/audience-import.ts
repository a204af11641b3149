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
import { createMailing } from "../lib/mailings/mailings";
import { importAudience } from "../lib/mailings/audience";
import { contactsSpecCondition } from "../lib/contacts/matching";
import { percentile, withBenchDatabase } from "./bench-db";
import { seedAudienceBench } from "./audience-setup";

const { values } = parseArgs({ options: { contacts: { type: "string", default: "100000" }, runs: { type: "string", default: "5" } } });
const contacts = Number(values.contacts);
const runs = Number(values.runs);

async function main() {
const result = await withBenchDatabase(async ({ db }) => {
  const { ctx, message, group } = await seedAudienceBench(db, { contacts });
  await db.execute(sql`create table bench_floor (like mailing_recipients including defaults including identity) with (fillfactor = 60)`);
  const groupCondition = (await contactsSpecCondition(db, { groupId: group.id }))!;
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
      insert into bench_floor (id, mailing_id, contact_id, full_name, email, phone, language, locator, state)
      select ${i * 1_000_000}::bigint + row_number() over (), ${mailing.id}::uuid, contacts.id, contacts.full_name, contacts.email, contacts.mobile_phone, contacts.language, contacts.email, 'pending'
      from contacts where ${groupCondition}`);
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
