/**
 * `npm run bench:dashboard`: is the Dashboards page fast at volume? Seeds 10,000 mailings and
 * 1,000,000 recipient rows into a fresh PostgreSQL database (INSERT … SELECT generate_series, about
 * twenty seconds on two cores), then times `loadDashboard` — the one function the page awaits — for
 * each period a visitor can pick. The target is p95 < 300 ms. Ends with one JSON line; its top-level
 * p50/p95 are those of the slowest period, the others are under "periods".
 *
 *   TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) — the server to use;
 *   BENCH_RUNS (default 40) — timed runs per period; BENCH_KEEP_DB=1 keeps the database.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { migrateDatabase, openDatabase } from "../db/connect";
import { loadDashboard } from "../lib/dashboards/load";
import { parseDashboardFilter } from "../lib/dashboards/filter";
import { kyivToday } from "../lib/dashboards/period";

const MAILINGS = 10_000;
const RECIPIENTS = 1_000_000;
/** Mailings are spread over this many days before now: "last 90 days" holds about half of them. */
const HISTORY_DAYS = 180;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 3;

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `sd_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });

const log = (msg: string) => process.stderr.write(`${msg}\n`);

/** Realistic shape: most mailings sent, some drafts and failures; audience sizes skewed (a few big ones). */
async function seed(sql: postgres.Sql) {
  await sql.unsafe(`
    insert into users (email, name, password_hash, role)
    select 'bench' || g || '@bench.test', 'Bench user ' || g, 'x', 'manager' from generate_series(1, 5) g;

    insert into esputnik_messages (name, esputnik_id, channel)
    select 'Bench message ' || g, g, (case when g % 2 = 0 then 'email' else 'sms' end)::channel from generate_series(1, 20) g;

    -- A plain table, not a temporary one: the pool may run the next statement on another connection.
    create unlogged table bench_mailing_seq as
    with m as (
      select g,
        now() - (random() * ${HISTORY_DAYS} * interval '1 day') as created_at,
        random() as r
      from generate_series(1, ${MAILINGS}) g
    )
    select g as n, gen_random_uuid() as id, created_at,
      (case when r < 0.70 then 'sent' when r < 0.75 then 'partially_sent' when r < 0.85 then 'draft'
            when r < 0.90 then 'failed' when r < 0.95 then 'cancelled' when r < 0.98 then 'sending' else 'queued' end)::mailing_status as status
    from m;

    insert into mailings (id, name, esputnik_group, message_id, channel, status, created_by, created_at, updated_at, sent_at)
    select s.id, 'Bench mailing ' || s.n, 'Bench group ' || s.n, msg.id, msg.channel, s.status, u.id, s.created_at, s.created_at,
      case when s.status in ('draft', 'queued') then null else s.created_at + interval '2 hours' end
    from bench_mailing_seq s
    join esputnik_messages msg on msg.esputnik_id = 1 + s.n % 20
    join users u on u.email = 'bench' || (1 + s.n % 5) || '@bench.test';
  `);
  // A bulk load is several times faster with the secondary indexes built once afterwards than
  // maintained row by row. Whatever indexes the schema has today are dropped and rebuilt as they were.
  const indexes = await sql<{ name: string; def: string }[]>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.tablename = 'mailing_recipients' and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  for (const i of indexes) await sql.unsafe(`drop index "${i.name}"`);
  // Recipient g goes to mailing n = 1 + floor(10,000 * random()^2): low numbers get big audiences.
  await sql.unsafe(`
    insert into mailing_recipients (id, mailing_id, full_name, email, phone, locator, state, esputnik_status, delivered, failed, done, request_id)
    select m.recipient_id_from + row_number() over (partition by s.id order by r.g), s.id, 'Recipient ' || r.g, 'r' || r.g || '@bench.test', '+38067' || lpad(r.g::text, 7, '0'),
      'r' || r.g,
      x.state::recipient_state,
      x.status,
      coalesce(x.status in ('DELIVERED', 'READ', 'CLICKED'), false),
      coalesce(x.status = 'UNDELIVERED', false),
      coalesce(x.status <> 'IN_QUEUE', false),
      case when x.state in ('accepted', 'in_doubt') then 'req-' || r.g end
    from (select g, 1 + floor(${MAILINGS} * power(random(), 2))::int as n, random() as p from generate_series(1, ${RECIPIENTS}) g offset 0) r
    join bench_mailing_seq s on s.n = r.n
    join mailings m on m.id = s.id
    cross join lateral (
      select
        case
          when r.p < 0.03 then 'excluded'
          when s.status in ('draft', 'queued', 'cancelled') then 'pending'
          when s.status = 'failed' then (case when r.p < 0.5 then 'rejected' else 'pending' end)
          when s.status = 'sending' and r.p > 0.6 then 'pending'
          when r.p < 0.04 then 'rejected'
          when r.p < 0.045 then 'in_doubt'
          else 'accepted'
        end as state
    ) st
    cross join lateral (
      select st.state,
        case when st.state <> 'accepted' then null
             when r.p < 0.10 then 'IN_QUEUE' when r.p < 0.18 then 'UNDELIVERED'
             when r.p < 0.60 then 'DELIVERED' when r.p < 0.85 then 'READ' else 'CLICKED' end as status
    ) x;
    update mailings m set recipient_ids_used = n.last - m.recipient_id_from
    from (select mailing_id, max(id) as last from mailing_recipients group by mailing_id) n where n.mailing_id = m.id;
    drop table bench_mailing_seq;
  `);
  await Promise.all(indexes.map((i) => sql.unsafe(i.def)));
  // What autovacuum does shortly after a bulk load: statistics and the visibility map (index-only scans).
  await sql.unsafe(`vacuum analyze`);
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 10) / 10;
}

async function main() {
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 10 });
  try {
    await migrateDatabase(handle);
    if (handle.kind !== "postgres") throw new Error("the benchmark needs PostgreSQL");
    let started = performance.now();
    await seed(handle.client);
    const [counts] = await handle.client<{ mailings: number; recipients: number }[]>`
      select (select count(*)::int from mailings) as mailings, (select count(*)::int from mailing_recipients) as recipients`;
    log(`seeded ${counts!.mailings} mailings, ${counts!.recipients} recipients in ${Math.round(performance.now() - started)} ms (${name})`);

    const today = kyivToday(new Date());
    const scenarios: Record<string, Record<string, string>> = {
      "7d": { period: "7d" },
      "30d (default)": {},
      "90d": { period: "90d" },
      [`custom, all ${HISTORY_DAYS + 1} days`]: { period: "custom", from: "2000-01-01", to: today, bucket: "week" },
    };
    const results: Record<string, { p50Ms: number; p95Ms: number; maxMs: number }> = {};
    for (const [label, params] of Object.entries(scenarios)) {
      const filter = parseDashboardFilter(params, today);
      for (let i = 0; i < WARMUP; i++) await loadDashboard(handle.db, filter);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        started = performance.now();
        await loadDashboard(handle.db, filter);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      results[label] = { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: percentile(times, 100) };
      log(`${label.padEnd(24)} p50 ${results[label]!.p50Ms} ms  p95 ${results[label]!.p95Ms} ms  max ${results[label]!.maxMs} ms`);
    }
    const [slowest, worst] = Object.entries(results).sort((a, b) => b[1].p95Ms - a[1].p95Ms)[0]!;
    console.log(
      JSON.stringify({ mailings: counts!.mailings, recipients: counts!.recipients, p50Ms: worst.p50Ms, p95Ms: worst.p95Ms, slowest, runs: RUNS, periods: results }),
    );
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP_DB !== "1") await admin.unsafe(`drop database if exists "${name}" with (force)`);
    else log(`kept database ${name}`);
    await admin.end({ timeout: 5 });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
