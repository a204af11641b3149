import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { executeRows } from "./execute";
import { recipientsOfMailing, takeRecipientIds } from "./queries/recipient-ids";
import { insertAudience } from "./queries/audience";

/**
 * Migrations that rewrite existing rows, run on data written by the schema before them: the
 * migration files are applied one by one, with rows inserted in between.
 */
let t: TestDatabase;
const migrations = path.join(__dirname, "migrations");
const journal = JSON.parse(readFileSync(path.join(migrations, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };

async function applyMigrations(db: TestDatabase["db"], { from, to }: { from: number; to: number }) {
  for (const { tag } of journal.entries.slice(from, to + 1)) {
    const text = readFileSync(path.join(migrations, `${tag}.sql`), "utf8");
    for (const statement of text.split("--> statement-breakpoint")) if (statement.trim()) await db.execute(sql.raw(statement));
  }
}

beforeAll(async () => {
  t = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await t?.destroy();
});

describe(`migrations over existing data (${process.env.TEST_DB})`, () => {
  it("0017–0018 give every mailing a block of recipient ids; past drafts keep theirs, drafts are renumbered; sent addresses are taken", async () => {
    const blocks = journal.entries.findIndex((e) => e.tag === "0017_recipient_id_blocks");
    await applyMigrations(t.db, { from: 0, to: blocks - 1 });
    const mailing = async (name: string, status: string) =>
      (await executeRows<{ id: string }>(t.db, sql`insert into mailings (name, esputnik_group, channel, status) values (${name}, ${name}, 'email', ${status}::mailing_status) returning id`))[0]!.id;
    const sent = await mailing("Sent", "sent");
    const draft = await mailing("Draft", "draft");
    const empty = await mailing("Empty", "draft");
    // Interleaved, as concurrent imports left them: the identity column numbered them 1…6.
    for (const [m, locator] of [[sent, "a"], [draft, "b"], [sent, "c"], [draft, "d"], [sent, "e"], [draft, "f"]] as const) {
      await t.db.execute(sql`insert into mailing_recipients (mailing_id, locator, state) values (${m}::uuid, ${`${locator}@x.test`}, 'pending')`);
    }
    await t.db.execute(sql`update mailing_recipients set state = 'accepted', request_id = 'req-' || id where mailing_id = ${sent}::uuid`);

    await applyMigrations(t.db, { from: blocks, to: blocks + 1 });
    // 0018: the addresses already sent to are taken by the recipients sent to them.
    const taken = await executeRows<{ locator: string; id: unknown }>(
      t.db,
      sql`select locator, recipient_id as id from mailing_send_addresses where mailing_id = ${sent}::uuid order by locator`,
    );
    expect(taken.map((r) => [r.locator, Number(r.id)])).toEqual([["a@x.test", 1], ["c@x.test", 3], ["e@x.test", 5]]);

    const ids = async (m: string) =>
      (await executeRows<{ id: unknown; locator: string }>(t.db, sql`select id, locator from mailing_recipients where ${recipientsOfMailing(m)} order by id`)).map(
        (r) => [Number(r.id), r.locator],
      );
    // The sent mailing's ids are eSputnik's externalRequestIds: unchanged, and its block is full.
    expect(await ids(sent)).toEqual([[1, "a@x.test"], [3, "c@x.test"], [5, "e@x.test"]]);
    await expect(takeRecipientIds(t.db, { mailingId: sent, count: 1 })).rejects.toThrow();
    // The draft's rows are renumbered into its new block, above every old id, in their order.
    const renumbered = await ids(draft);
    expect(renumbered.map(([, l]) => l)).toEqual(["b@x.test", "d@x.test", "f@x.test"]);
    expect(renumbered[0]![0]).toBeGreaterThanOrEqual(268_435_456);
    expect(renumbered.map(([id]) => id)).toEqual([0, 1, 2].map((i) => (renumbered[0]![0] as number) + i));
    // Imports continue after them; the empty draft starts its own block.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from mailings where id = ${draft}::uuid for update`);
      await tx.execute(sql`insert into contacts (full_name, email) values ('G', 'g@x.test')`);
      await insertAudience(tx, { mailingId: draft, channel: "email", contactsWhere: sql`email = 'g@x.test'` });
    });
    expect((await ids(draft)).map(([id]) => id)).toEqual([0, 1, 2, 3].map((i) => (renumbered[0]![0] as number) + i));
    const [emptyBlock] = await executeRows<{ from: unknown }>(t.db, sql`select recipient_id_from as from from mailings where id = ${empty}::uuid`);
    expect(Number(emptyBlock!.from) % 268_435_456).toBe(0);
    expect(Number(emptyBlock!.from)).not.toBe((renumbered[0]![0] as number) - 1);
  });
});
