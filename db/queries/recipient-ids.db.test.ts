import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { recipientIdsByState, seedMailing } from "@/lib/sending/test-support";
import { executeRows } from "../execute";
import type { Tx } from "../types";
import { insertAudience } from "./audience";
import { deleteRecipients, listRecipients } from "./mailings";
import {
  claimRecipients,
  listInDoubt,
  nextBatchBoundaries,
  readUploadChunk,
  recoverStaleBatches,
  releaseClaimedBatches,
  requeueInDoubt,
} from "./sending";
import { readAcceptedPage } from "./sending-status";
import { takeRecipientIds } from "./recipient-ids";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

const seqScans = async (tx: Tx) =>
  Number((await executeRows<{ n: unknown }>(tx, sql`select seq_scan as n from pg_stat_xact_user_tables where relname = 'mailing_recipients'`))[0]?.n ?? 0);

describe(`a mailing's recipients, by its block of ids (${process.env.TEST_DB})`, () => {
  it("every query of one mailing's recipients reaches them through the primary key, never a scan of the table", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 40, excluded: 5 });
    const other = await seedMailing(t.db, { recipients: 40 });
    await t.db.execute(sql`update mailings set status = 'sending', send_lease_owner = 'owner' where id = ${mailingId}::uuid`);
    await t.db.transaction(async (tx) => {
      // Planned as at a million rows: a scan only where no index can serve the query.
      await tx.execute(sql`set local enable_seqscan = off`);
      const before = await seqScans(tx);
      await listRecipients(tx, { mailingId, page: 1, pageSize: 10, responses: ["not_sent"], search: "Person" });
      const boundaries = await nextBatchBoundaries(tx, { mailingId, afterId: 0, count: 5, batches: 2 });
      expect(boundaries).toHaveLength(2);
      const claimed = await claimRecipients(tx, {
        mailingId,
        batchId: randomUUID(),
        afterId: 0,
        upToId: boundaries[0]!,
        limit: 5,
        worker: "w",
        leaseOwner: "owner",
      });
      expect(claimed).toHaveLength(5);
      await releaseClaimedBatches(tx, { mailingId, error: "test" });
      await recoverStaleBatches(tx, { mailingId });
      await readUploadChunk(tx, { mailingId, afterId: 0, limit: 10 });
      await readAcceptedPage(tx, { mailingId, afterId: 0, limit: 10, onlyOpen: true });
      await listInDoubt(tx, { mailingId, limit: 10 });
      await requeueInDoubt(tx, { mailingId });
      await recipientIdsByState(tx as never, mailingId);
      await tx.execute(sql`update mailings set status = 'draft' where id = ${other.mailingId}::uuid`);
      await insertAudience(tx, { mailingId: other.mailingId, channel: "email", contactsWhere: sql`false` });
      await deleteRecipients(tx, { mailingId, ids: [1, 2] });
      await deleteRecipients(tx, { mailingId: other.mailingId, ids: "all" });
      expect(await seqScans(tx)).toBe(before);
    });
  });

  it("numbers each mailing's rows inside its own block, in the order they were added", async () => {
    const a = await seedMailing(t.db, { recipients: 3 });
    const b = await seedMailing(t.db, { recipients: 2 });
    const idsOf = async (mailingId: string) => Object.values(await recipientIdsByState(t.db, mailingId)).flat().sort((x, y) => x - y);
    const [blockA, blockB] = [await idsOf(a.mailingId), await idsOf(b.mailingId)];
    expect(blockA.map((id) => id - blockA[0]!)).toEqual([0, 1, 2]);
    expect(blockB.map((id) => id - blockB[0]!)).toEqual([0, 1]);
    expect(Math.floor(blockA[0]! / 268_435_456)).not.toBe(Math.floor(blockB[0]! / 268_435_456));
    // The next ids continue the block; a block cannot overflow into the next one.
    expect(await takeRecipientIds(t.db, { mailingId: a.mailingId, count: 2 })).toBe(blockA[2]! + 1);
    await expect(takeRecipientIds(t.db, { mailingId: a.mailingId, count: 268_435_456 })).rejects.toThrow();
  });

  it("refuses a block whose ids would pass 2^53, the largest integer a JavaScript number holds exactly", async () => {
    const [{ last }] = (await executeRows<{ last: unknown }>(t.db, sql`select last_value as last from mailing_recipient_id_blocks`)) as [{ last: unknown }];
    const newMailing = () => seedMailing(t.db, { recipients: 0 });
    try {
      await t.db.execute(sql`select setval('mailing_recipient_id_blocks', ${2 ** 25 - 1}, false)`);
      await expect(newMailing()).resolves.toBeDefined(); // its last id is 2^53 - 1
      await expect(newMailing()).rejects.toThrow();
    } finally {
      await t.db.execute(sql`select setval('mailing_recipient_id_blocks', ${Number(last)})`);
    }
  });
});
