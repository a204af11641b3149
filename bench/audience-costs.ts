/**
 * `npm run bench:audience-costs` — what each part of "import by filter" costs, side by side in one
 * run: the import of 100,000 contacts (lib/mailings/audience.ts) into a fresh mailing, as it is
 * with one part dropped (the id key, the tally trigger) or one index added back (those the
 * import used to maintain) for that import only, inside a transaction
 * that is rolled back (and vacuumed away). Rounds alternate the variants, so the machine's drift
 * hits them alike.
 * Prints one JSON line: p50 per variant and its saving against the import as it is.
 * Options: --contacts N --rounds R
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { createMailing } from "../lib/mailings/mailings";
import { importAudience } from "../lib/mailings/audience";
import { percentile, withBenchDatabase } from "./bench-db";
import { seedAudienceBench } from "./audience-setup";

const { values } = parseArgs({ options: { contacts: { type: "string", default: "100000" }, rounds: { type: "string", default: "5" } } });
const contacts = Number(values.contacts);
const rounds = Number(values.rounds);

const DROP = {
  pk: "alter table mailing_recipients drop constraint mailing_recipients_pkey",
  trigger: "alter table mailing_recipients disable trigger mailing_recipients_tally_insert",
};
const VARIANTS: Record<string, string[]> = {
  asIs: [],
  withoutPk: [DROP.pk],
  withoutTallyTrigger: [DROP.trigger],
  withoutAll: Object.values(DROP),
  // What the levers taken saved: the (mailing, id) index that ids in blocks made redundant
  // (db/schema/mailings.ts RECIPIENT_ID_BLOCK), and the (mailing, address) unique index whose
  // guarantee moved to the send engine's claim (mailing_send_addresses).
  withMailingIdIndex: ["create index bench_mailing_idx on mailing_recipients (mailing_id, id)"],
  withAddressUniqueIndex: ["create unique index bench_locator_uq on mailing_recipients (mailing_id, locator)"],
};

async function main() {
  const result = await withBenchDatabase(async ({ db }) => {
    const { ctx, message, group } = await seedAudienceBench(db, { contacts });
    const timings: Record<string, number[]> = {};
    class RolledBack extends Error {}
    for (let round = 0; round < rounds; round++) {
      for (const [name, statements] of Object.entries(VARIANTS)) {
        const mailing = await createMailing(ctx, { name: `${name} ${round}`, esputnikGroup: "", messageId: message.id, alphaName: "" });
        await db
          .transaction(async (tx) => {
            for (const statement of statements) await tx.execute(sql.raw(statement));
            const started = performance.now();
            await importAudience({ ...ctx, db: tx as unknown as typeof db }, { mailingId: mailing.id, source: { kind: "group", groupId: group.id } });
            (timings[name] ??= []).push(performance.now() - started);
            throw new RolledBack();
          })
          .catch((error: unknown) => {
            if (!(error instanceof RolledBack)) throw error;
          });
        // A rolled-back import leaves its rows and index entries behind as dead ones; unvacuumed,
        // they slow every later variant (this server runs without autovacuum).
        await db.execute(sql`vacuum mailing_recipients`);
      }
    }
    const p50 = Object.fromEntries(Object.entries(timings).map(([name, list]) => [name, Math.round(percentile([...list].sort((a, b) => a - b), 50))]));
    // Positive: what dropping the part saves; negative: what adding the index would cost.
    const saving = Object.fromEntries(Object.entries(p50).filter(([name]) => name !== "asIs").map(([name, ms]) => [name, p50.asIs! - ms]));
    return { contacts, rounds, p50Ms: p50, savingMs: saving };
  });
  console.log(JSON.stringify({ bench: "audience-costs", ...result }));
}

void main();
