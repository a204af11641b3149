/**
 * `npm run bench:contacts` — the contacts table on a large base, on PostgreSQL. Seeds N contacts
 * (default 1,000,000) into a fresh database, then times what the contacts page runs for a view
 * (lib/contacts/contacts-table-query.ts): `rows` is the page of rows the table waits for, `count`
 * the capped count streamed into the header afterwards — for the first page, searches, sorts,
 * column filters and a deep page. Then the CSV import path (the same verbs the browser calls, in
 * batches of 2,000). Prints one JSON line. Options: --contacts N --import-rows M --runs R
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { insertUser } from "../db/queries/users";
import { seedBulkContacts } from "../lib/contacts/bulk-seed";
import { loadContactsTablePage, type ContactsTableRequest } from "../lib/contacts/contacts-table-query";
import { importContactRows, startContactImport } from "../lib/contacts/import-contacts";
import { IMPORT_BATCH_SIZE } from "../lib/contacts/import-types";
import { percentile, withBenchDatabase } from "./bench-db";
import type { Db } from "../db/types";

const { values } = parseArgs({
  options: { contacts: { type: "string", default: "1000000" }, "import-rows": { type: "string", default: "100000" }, runs: { type: "string", default: "15" } },
});
const contacts = Number(values.contacts);
const importRows = Number(values["import-rows"]);
const runs = Number(values.runs);

type View = Partial<ContactsTableRequest> & { page?: number };
const view = (v: View): ContactsTableRequest & { page: number } => ({ search: "", filters: {}, sort: { id: "createdAt", desc: true }, page: 1, ...v });

/** Each scenario cycles through its views, so a result is not one lucky query plan. */
const SCENARIOS: Record<string, (ContactsTableRequest & { page: number })[]> = {
  firstPage: [view({})],
  search: [
    view({ search: "шевченко" }),
    view({ search: "olena" }),
    view({ search: "067 000 12" }),
    view({ search: "Оріон Софт" }),
    view({ search: "0123456@example" }),
    view({ search: "Hughes" }),
  ],
  sort: [
    view({ sort: { id: "fullName", desc: false } }),
    view({ sort: { id: "email", desc: true } }),
    view({ sort: { id: "jobTitle", desc: false } }),
    view({ sort: { id: "createdAt", desc: false } }),
  ],
  filter: [
    view({ filters: { language: "en" } }),
    view({ filters: { jobTitle: "manager", language: "en" } }),
    view({ filters: { accountName: "Логістик" } }),
    view({ filters: { fullName: "Мороз", language: "ru" } }),
    view({ filters: { mobilePhone: "050 12" } }),
  ],
  deepPage: [view({ page: 200 })],
};
const PAGE_SIZE = 50;

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)) };
};

async function measureViews(db: Db) {
  const out: Record<string, { rows: { p50: number; p95: number }; count: { p50: number; p95: number }; runs: number }> = {};
  for (const [name, views] of Object.entries(SCENARIOS)) {
    const rowsMs: number[] = [];
    const countMs: number[] = [];
    for (let i = 0; i < runs * views.length; i++) {
      const v = views[i % views.length]!;
      const started = performance.now();
      const page = await loadContactsTablePage(db, { ...v, offset: (v.page - 1) * PAGE_SIZE, limit: PAGE_SIZE, countCap: 10_000 });
      rowsMs.push(performance.now() - started);
      await page.count;
      countMs.push(performance.now() - started);
    }
    out[name] = { rows: summary(rowsMs), count: summary(countMs), runs: rowsMs.length };
  }
  return out;
}

/** A file's worth of rows (one in 20 has a bad phone, so rejections are part of the work). */
function importFile(n: number): { row: number; cells: string[] }[] {
  return Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    cells: [`Імпорт Контакт ${i}`, `import.${i}@bench.test`, i % 20 === 0 ? "12345" : `+38099${String(i).padStart(7, "0")}`, `Імпорт Компанія ${i % 500}`, "uk"],
  }));
}

async function measureImport(db: Db) {
  const actor = await insertUser(db, { email: "bench@contacts.test", name: "Bench", role: "manager", passwordHash: "x" });
  const ctx = { db, actor: { id: actor.id } };
  const rows = importFile(importRows);
  const started = performance.now();
  const job = await startContactImport(ctx, {
    fileName: "bench.csv",
    totalRows: rows.length,
    mapping: { columns: ["fullName", "email", "mobilePhone", "accountName", "language"] },
  });
  let progress = job;
  for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) progress = await importContactRows(ctx, { importId: job.id, rows: rows.slice(i, i + IMPORT_BATCH_SIZE) });
  const seconds = (performance.now() - started) / 1000;
  return { rows: rows.length, inserted: progress.insertedRows, rejected: progress.rejectedRows, seconds: Number(seconds.toFixed(1)), rowsPerSecond: Math.round(rows.length / seconds) };
}

async function main() {
  const result = await withBenchDatabase(async (handle) => {
    const seed = await seedBulkContacts(handle, { count: contacts });
    // A base in use has been through autovacuum; without this, the first queries would race it.
    await handle.db.execute(sql`vacuum analyze contacts`);
    const views = await measureViews(handle.db);
    const csvImport = await measureImport(handle.db);
    return { seed: { contacts: seed.inserted, seconds: Number((seed.ms / 1000).toFixed(1)), phasesMs: seed.phases }, pageSize: PAGE_SIZE, viewsMs: views, csvImport };
  });
  console.log(JSON.stringify({ bench: "contacts-table", database: "postgres", ...result }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
