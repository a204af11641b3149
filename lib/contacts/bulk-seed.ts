import { sql, type SQL } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/connect";
import type { Queryable } from "@/db/types";
import { executeRows } from "@/db/execute";
import { countAllContacts } from "@/db/queries/contacts";
import { ENGLISH_FIRST, ENGLISH_LAST, SEED_NAMES, UA_MOBILE_CODES, UKRAINIAN_FIRST, UKRAINIAN_LAST } from "./seed-names";

/**
 * `npm run seed -- --contacts N` and the benchmark: N generated contacts in ONE
 * INSERT … SELECT over generate_series — no row passes through Node. On PostgreSQL, for large N
 * (at least REBUILD_INDEXES_FROM, and at least as many as exist) the secondary indexes and unique
 * constraints are dropped first and rebuilt after, in the same transaction (building an
 * index once is several times faster than updating it a million times: measured here 1M rows in
 * about a minute instead of several). If anything fails, the transaction puts everything back.
 */
const REBUILD_INDEXES_FROM = 100_000;

export type SeedPhases = Record<"accounts" | "dropIndexes" | "insert" | "rebuildIndexes" | "analyze", number>;

export async function seedBulkContacts(
  handle: Pick<DatabaseHandle, "db" | "kind">,
  { count, rebuildIndexes }: { count: number; rebuildIndexes?: boolean },
): Promise<{ inserted: number; ms: number; phases: Partial<SeedPhases> }> {
  const phases: Partial<SeedPhases> = {};
  const timed = async <T>(phase: keyof SeedPhases, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      phases[phase] = Math.round(performance.now() - started);
    }
  };
  const started = performance.now();
  const inserted = await handle.db.transaction(async (tx) => {
    await timed("accounts", () => createSeedAccounts(tx, Math.min(5000, Math.max(10, Math.floor(count / 200)))));
    // Rebuilding pays when the new rows are many, and at least as many as those already there.
    const rebuild = handle.kind === "postgres" && (rebuildIndexes ?? (count >= REBUILD_INDEXES_FROM && count >= (await countAllContacts(tx))));
    const indexes = rebuild ? await timed("dropIndexes", () => dropSecondaryIndexes(tx)) : [];
    const [row] = await timed("insert", () => executeRows<{ n: number }>(tx, insertGeneratedContacts(count)));
    // The definitions come from PostgreSQL's own catalog (pg_indexes), never from input.
    if (rebuild) await timed("rebuildIndexes", async () => {
      for (const definition of indexes) await tx.execute(sql.raw(definition));
    });
    return Number(row?.n ?? 0);
  });
  // Fresh statistics, or the planner misjudges "account name contains …" (measured: 430 ms → 3 ms).
  if (handle.kind === "postgres") await timed("analyze", () => handle.db.execute(sql`analyze contacts, accounts`));
  return { inserted, ms: Math.round(performance.now() - started), phases };
}

const textArray = (items: readonly string[]) => sql`array[${sql.join(items.map((i) => sql`${i}`), sql`, `)}]::text[]`;

async function createSeedAccounts(db: Queryable, n: number) {
  await db.execute(sql`
    insert into accounts (name)
    select (${textArray(["Альфа", "Вектор", "Оріон", "Сігма", "Прайм", "Нова", "Delta", "Smart"])})[1 + g % 8] || ' ' ||
           (${textArray(["Трейд", "Софт", "Логістик", "Агро", "Фарм", "Груп", "Сервіс", "Systems"])})[1 + (g / 8) % 8] || ' ' || g
    from generate_series(1, ${n}::int) g
    on conflict do nothing`);
}

/**
 * Drops the secondary indexes and unique constraints of contacts (the primary key stays: group
 * members refer to it) and returns the statements that recreate them, read from PostgreSQL's
 * catalog. The generated rows are unique by construction, so the constraints come back intact.
 */
async function dropSecondaryIndexes(db: Queryable): Promise<string[]> {
  const uniques = await executeRows<{ name: string; definition: string }>(
    db,
    sql`select conname as name, pg_get_constraintdef(oid) as definition
        from pg_constraint where conrelid = 'contacts'::regclass and contype = 'u'`,
  );
  const indexes = await executeRows<{ name: string; definition: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as definition
        from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = 'contacts'
          and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
  );
  for (const u of uniques) await db.execute(sql`alter table contacts drop constraint ${sql.identifier(u.name)}`);
  for (const i of indexes) await db.execute(sql`drop index ${sql.identifier(i.name)}`);
  await db.execute(sql`set local maintenance_work_mem = '512MB'`);
  return [
    ...uniques.map((u) => `alter table contacts add constraint "${u.name.replace(/"/g, '""')}" ${u.definition}`),
    ...indexes.map((i) => i.definition),
  ];
}

/**
 * Names, companies, E.164 mobiles (unique: the number is derived from the row's position after
 * the existing contacts), emails unique by a per-run tag, languages and flags in realistic shares.
 */
function insertGeneratedContacts(count: number): SQL {
  const run = Date.now().toString(36);
  const uaFirst = textArray(UKRAINIAN_FIRST.map(([name]) => name));
  const uaFirstLatin = textArray(UKRAINIAN_FIRST.map(([, latin]) => latin));
  const uaLast = textArray(UKRAINIAN_LAST.map(([name]) => name));
  const uaLastLatin = textArray(UKRAINIAN_LAST.map(([, latin]) => latin));
  const enFirst = textArray(ENGLISH_FIRST);
  const enLast = textArray(ENGLISH_LAST);
  const uaTitles = textArray(SEED_NAMES.ukrainianTitles);
  const enTitles = textArray(SEED_NAMES.englishTitles);
  const codes = textArray(UA_MOBILE_CODES);
  return sql`
    with base as (select count(*)::bigint as offset_n from contacts),
         acc as (select array_agg(id) as ids, count(*)::int as n from accounts),
         src as (
           -- bigint arithmetic (g * 7919 overflows int at a million), indexes back to int for array subscripts.
           select g, acc.ids, acc.n as account_count,
                  g % 10 < 3 as english,
                  (1 + (g * 7 + g / 11) % ${UKRAINIAN_FIRST.length})::int as uf, (1 + (g * 13 + g / 17) % ${UKRAINIAN_LAST.length})::int as ul,
                  (1 + (g * 7 + g / 11) % ${ENGLISH_FIRST.length})::int as ef, (1 + (g * 13 + g / 17) % ${ENGLISH_LAST.length})::int as el,
                  (1 + g % 7)::int as title, (1 + (g * 31) % greatest(acc.n, 1))::int as account,
                  case when g % 20 = 0 then null
                       else '+380' || (${codes})[(1 + (base.offset_n + g) / 10000000 % 12)::int] || lpad(((base.offset_n + g) % 10000000)::text, 7, '0') end as mobile
           from generate_series(1::bigint, ${count}::bigint) g, base, acc
         ),
         inserted as (
           insert into contacts (full_name, job_title, account_id, email, mobile_phone, work_phone, language,
                                 do_not_use_email, do_not_use_sms, email_invalid, created_at)
           select
             case when english then (${enFirst})[ef] || ' ' || (${enLast})[el] else (${uaLast})[ul] || ' ' || (${uaFirst})[uf] end,
             case when g % 5 = 0 then null when english then (${enTitles})[title] else (${uaTitles})[title] end,
             case when g % 10 = 9 or account_count = 0 then null else ids[account] end,
             case when g % 25 = 0 then null
                  when english then lower((${enFirst})[ef] || '.' || (${enLast})[el]) || '.' || ${run} || g || '@example.com'
                  else (${uaFirstLatin})[uf] || '.' || (${uaLastLatin})[ul] || '.' || ${run} || g || '@example.com' end,
             mobile,
             case when g % 3 = 0 then '+38044' || lpad(((g * 7919) % 10000000)::text, 7, '0') end,
             case when english then 'en' when g % 7 = 0 then 'ru' else 'uk' end,
             g % 20 = 1, g % 25 = 2, g % 30 = 3,
             now() - make_interval(secs => (g * 37) % 31536000)
           from src
           -- A number some existing contact already has is left out: the unique constraints may be
           -- off while this runs, and a plain INSERT is twice as fast as ON CONFLICT anyway. (A null
           -- mobile passes too; no "is null or …" here, which would turn the anti-join into a
           -- subquery per row.)
           where not exists (select 1 from contacts c where c.mobile_phone = src.mobile)
           returning 1
         )
    select count(*)::int as n from inserted`;
}
