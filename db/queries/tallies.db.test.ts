import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { expectTalliesMatchRows } from "@/test/tallies";
import { executeRows } from "../execute";
import { mailingRecipientTallies, mailings } from "../schema";
import { compactTallies, countTallied, countTalliedExclusions, findTalliesToCompact, readTallyGroups } from "./tallies";
import { deleteMailingRow } from "./mailings";
import { takeRecipientIds } from "./recipient-ids";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.destroy());

async function newMailing(name: string): Promise<string> {
  const [m] = await t.db.insert(mailings).values({ name, esputnikGroup: name, channel: "email" }).returning({ id: mailings.id });
  return m!.id;
}

const tallyRows = async (mailingId: string) =>
  Number((await executeRows<{ n: unknown }>(t.db, sql`select count(*) as n from ${mailingRecipientTallies} where mailing_id = ${mailingId}`))[0]!.n);

describe(`recipient tallies (${process.env.TEST_DB})`, () => {
  it("follow every insert, update and delete of recipients, in the statement's transaction", async () => {
    const a = await newMailing("tally A");
    const b = await newMailing("tally B");
    for (const m of [a, b]) {
      const first = await takeRecipientIds(t.db, { mailingId: m, count: 100 });
      await t.db.execute(sql`
        insert into mailing_recipients (id, mailing_id, locator, state, exclusion_reason)
        select ${first - 1}::bigint + g, ${m}::uuid, 'r' || g || '@x.test', (case when g % 5 = 0 then 'excluded' else 'pending' end)::recipient_state,
               (case when g % 10 = 0 then 'no_email' when g % 5 = 0 then 'do_not_email' end)::exclusion_reason
        from generate_series(1, 100) g`);
    }
    expect(await countTallied(t.db, { mailingId: a })).toBe(100);
    expect(await countTallied(t.db, { mailingId: a, state: "pending" })).toBe(80);
    expect(await countTalliedExclusions(t.db, { mailingId: a })).toEqual({ no_email: 10, do_not_email: 10 });

    // The send engine's writes: claim, settle, statuses; and one that changes no counted column.
    await t.db.execute(sql`update mailing_recipients set state = 'sending' where mailing_id = ${a} and state = 'pending' and id % 2 = 0`);
    await t.db.execute(sql`update mailing_recipients set state = 'accepted', request_id = 'q' || id where mailing_id = ${a} and state = 'sending'`);
    await t.db.execute(sql`update mailing_recipients set esputnik_status = 'DELIVERED', delivered = true, done = true where mailing_id = ${a} and state = 'accepted' and id % 4 = 0`);
    await t.db.execute(sql`update mailing_recipients set full_name = 'renamed' where mailing_id = ${a}`);
    await t.db.execute(sql`delete from mailing_recipients where mailing_id = ${b} and id % 3 = 0`);
    await expectTalliesMatchRows(t.db);
    const groups = await readTallyGroups(t.db, { mailingId: a });
    expect(groups.find((g) => g.state === "accepted" && g.esputnikStatus === "DELIVERED")?.n).toBeGreaterThan(0);
    expect(groups.reduce((sum, g) => sum + g.n, 0)).toBe(100);

    // A rolled-back transaction leaves neither rows nor counts behind.
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`delete from mailing_recipients where mailing_id = ${a}`);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await countTallied(t.db, { mailingId: a })).toBe(100);
    await expectTalliesMatchRows(t.db);
  });

  it("compaction folds the deltas into one row per combination and keeps every count", async () => {
    const m = await newMailing("tally compact");
    for (let i = 0; i < 30; i++) {
      const id = await takeRecipientIds(t.db, { mailingId: m, count: 1 });
      await t.db.execute(sql`insert into mailing_recipients (id, mailing_id, locator) values (${id}, ${m}::uuid, ${`c${i}@x.test`})`);
    }
    await t.db.execute(sql`update mailing_recipients set state = 'accepted' where mailing_id = ${m} and id % 2 = 0`);
    expect(await tallyRows(m)).toBeGreaterThan(30);
    expect(await findTalliesToCompact(t.db, { minRows: 30, limit: 10 })).toContain(m);
    // Two at once, and a write in between: nothing is counted twice or lost.
    await Promise.all([compactTallies(t.db, { mailingIds: [m] }), compactTallies(t.db, { mailingIds: [m] })]);
    const late = await takeRecipientIds(t.db, { mailingId: m, count: 1 });
    await t.db.execute(sql`insert into mailing_recipients (id, mailing_id, locator) values (${late}, ${m}::uuid, 'late@x.test')`);
    await compactTallies(t.db, { mailingIds: [m] });
    expect(await tallyRows(m)).toBe(2);
    expect(await countTallied(t.db, { mailingId: m })).toBe(31);
    expect(await findTalliesToCompact(t.db, { minRows: 30, limit: 10 })).not.toContain(m);
    await expectTalliesMatchRows(t.db, m);
  });

  it("deleting a mailing deletes its recipients and their counts", async () => {
    const m = await newMailing("tally delete");
    const first = await takeRecipientIds(t.db, { mailingId: m, count: 5 });
    await t.db.execute(sql`insert into mailing_recipients (id, mailing_id, locator) select ${first - 1}::bigint + g, ${m}::uuid, 'd' || g || '@x.test' from generate_series(1, 5) g`);
    await t.db.transaction((tx) => deleteMailingRow(tx, { id: m }));
    const left = await executeRows<{ n: unknown }>(t.db, sql`select (select count(*) from mailing_recipients where mailing_id = ${m}) + (select count(*) from mailing_recipient_tallies where mailing_id = ${m}) as n`);
    expect(Number(left[0]!.n)).toBe(0);
  });
});
