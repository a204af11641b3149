import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { insertUser } from "@/db/queries/users";
import { insertContact } from "@/db/queries/contacts";
import { insertMessage } from "@/db/queries/messages";
import { countResponsesOfMailings } from "@/db/queries/tallies";
import { mailingRecipients, mailings } from "@/db/schema";
import { createMailing, type MailingCtx } from "@/lib/mailings/mailings";
import { importAudience } from "@/lib/mailings/audience";
import { createFollowUp } from "@/lib/mailings/follow-up";

// The follow-up dialog shows, beside each response, the count the mailing page reads from the
// tallies (countResponsesOfMailings). Those numbers must be the recipients the follow-up copies:
// each recipient's latest response, counted once. A change to either side that breaks it fails here.
let t: TestDatabase;
let ctx: MailingCtx;
let messageId: string;
const contactIds: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await insertUser(t.db, { email: "f@test.ua", name: "Manager", role: "manager", passwordHash: "x" });
  ctx = { db: t.db, actor: { id: user.id }, now: () => new Date() };
  messageId = (await insertMessage(t.db, { name: "Лист", esputnikId: 301, channel: "email", description: "", notes: "", createdBy: user.id })).id;
  for (const [i, name] of ["Олена", "Петро", "Ірина", "Марко"].entries())
    contactIds.push((await insertContact(t.db, { language: "uk", fullName: name, email: `follow-${i}@shop.ua`, mobilePhone: null })).id);
});
afterAll(() => t?.destroy());

describe(`follow-up counts (${process.env.TEST_DB})`, () => {
  it("are the recipients a follow-up copies, by each recipient's latest response", async () => {
    const parent = await createMailing(ctx, { name: "Батьківська", esputnikGroup: "", messageId, alphaName: "" });
    await importAudience(ctx, { mailingId: parent.id, source: { kind: "contacts", contactIds } });
    const set = (contactId: string, values: Partial<typeof mailingRecipients.$inferInsert>) =>
      t.db
        .update(mailingRecipients)
        .set(values)
        .where(sql`${mailingRecipients.mailingId} = ${parent.id} and ${mailingRecipients.contactId} = ${contactId}`);
    const [olena, petro, iryna, marko] = contactIds as [string, string, string, string];
    await set(olena, { state: "accepted", requestId: "f-1", esputnikStatus: "DELIVERED", delivered: true });
    await set(petro, { state: "accepted", requestId: "f-2", esputnikStatus: "UNDELIVERED", failed: true, done: true });
    await set(iryna, { state: "accepted", requestId: "f-3", esputnikStatus: "DELIVERED", delivered: true });
    await set(marko, { state: "accepted", requestId: "f-4" });
    // A later status replaces the earlier one: Iryna has read it since, so she is no longer "delivered".
    await set(iryna, { esputnikStatus: "READ", done: true });
    await t.db.update(mailings).set({ status: "sent" }).where(eq(mailings.id, parent.id));

    const counts = (await countResponsesOfMailings(t.db, { mailingIds: [parent.id] })).get(parent.id)!;
    expect(counts).toMatchObject({ delivered: 1, not_delivered: 1, read: 1, in_queue: 1, clicked: 0 });

    for (const responses of [["delivered", "not_delivered"], ["read"], ["in_queue", "delivered", "read"]] as const) {
      const followUp = await createFollowUp(ctx, { parentId: parent.id, name: `За ${responses.join("+")}`, esputnikGroup: "", messageId, alphaName: "", responses: [...responses] });
      expect(followUp.added + followUp.excluded).toBe(responses.reduce((sum, r) => sum + counts[r], 0));
    }
  });
});
