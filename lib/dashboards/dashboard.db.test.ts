import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { insertUser } from "@/db/queries/users";
import { insertMessage } from "@/db/queries/messages";
import { mailingRecipients, mailings, type Channel, type MailingStatus } from "@/db/schema";
import { countMailingsByBucket, countResponsesByBucket, listSendingProgress, topMailingsByAudience } from "@/db/queries/dashboard";
import { countResponsesOfMailings } from "@/db/queries/tallies";
import { getMailingSummary } from "@/lib/mailings/summary";
import type { Response } from "@/lib/mailings/responses";
import { parseDashboardFilter } from "./filter";
import { loadDashboard } from "./load";
import { rateOf } from "./summary";
import { takeRecipientIds } from "@/db/queries/recipient-ids";

/**
 * A hand-built month (March 2026, Kyiv) whose every figure is known. Edge cases on purpose: a draft
 * created at 00:30 Kyiv time on 2 March (still 1 March in UTC), one created just after midnight on
 * 30 March (summer time: UTC+3), and mailings just outside the month on both sides.
 */
let t: TestDatabase;
const id: Record<string, string> = {};
const user: Record<string, string> = {};
const message: Record<string, string> = {};

/** Recipient rows as the send engine leaves them, one kind per response. */
const ROW_FOR: Record<Response, Partial<typeof mailingRecipients.$inferInsert>> = {
  excluded: { state: "excluded", exclusionReason: "no_email" },
  not_sent: { state: "pending" },
  sending: { state: "sending" },
  in_doubt: { state: "in_doubt" },
  rejected: { state: "rejected", rejectReason: "invalid" },
  in_queue: { state: "accepted", esputnikStatus: "IN_QUEUE" },
  delivered: { state: "accepted", esputnikStatus: "DELIVERED", delivered: true, done: true },
  read: { state: "accepted", esputnikStatus: "READ", delivered: true, done: true },
  clicked: { state: "accepted", esputnikStatus: "CLICKED", delivered: true, done: true },
  not_delivered: { state: "accepted", esputnikStatus: "UNDELIVERED", failed: true, done: true },
};

async function mailing(
  key: string,
  m: { channel: Channel; status: MailingStatus; by: string; message: string; createdAt: string; sentAt?: string },
  recipients: Partial<Record<Response, number>> = {},
) {
  const [row] = await t.db
    .insert(mailings)
    .values({
      name: `Mailing ${key}`,
      esputnikGroup: key,
      channel: m.channel,
      status: m.status,
      createdBy: user[m.by],
      messageId: message[m.message],
      createdAt: new Date(m.createdAt),
      sentAt: m.sentAt ? new Date(m.sentAt) : null,
    })
    .returning({ id: mailings.id });
  id[key] = row!.id;
  const rows = Object.entries(recipients).flatMap(([response, n]) =>
    Array.from({ length: n }, (_, i) => ({ mailingId: row!.id, locator: `${key}-${response}-${i}`, ...ROW_FOR[response as Response] })),
  );
  if (rows.length) {
    const first = await takeRecipientIds(t.db, { mailingId: row!.id, count: rows.length });
    await t.db.insert(mailingRecipients).values(rows.map((r, i) => ({ ...r, id: first + i })));
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  user.olena = (await insertUser(t.db, { email: "olena@test.ua", name: "Олена", role: "manager", passwordHash: "x" })).id;
  user.petro = (await insertUser(t.db, { email: "petro@test.ua", name: "Петро", role: "manager", passwordHash: "x" })).id;
  const msg = (name: string, esputnikId: number, channel: Channel) => insertMessage(t.db, { name, esputnikId, channel, description: "", notes: "", createdBy: null });
  message.webinar = (await msg("Вебінар", 293, "email")).id;
  message.news = (await msg("Новини", 301, "email")).id;
  message.promo = (await msg("Акція", 290, "sms")).id;

  const email = { channel: "email" as const, message: "webinar" };
  await mailing("E1", { ...email, status: "sent", by: "olena", createdAt: "2026-03-02T09:00:00Z", sentAt: "2026-03-02T10:00:00Z" }, {
    delivered: 3,
    read: 2,
    clicked: 1,
    not_delivered: 2,
    in_queue: 1,
    rejected: 1,
    excluded: 1,
  });
  await mailing("E2", { ...email, message: "news", status: "partially_sent", by: "petro", createdAt: "2026-03-10T12:00:00Z", sentAt: "2026-03-10T13:00:00Z" }, {
    delivered: 4,
    not_delivered: 1,
    in_doubt: 1,
    not_sent: 2,
  });
  await mailing("E3", { ...email, status: "draft", by: "olena", createdAt: "2026-03-01T22:30:00Z" }, { not_sent: 2 }); // 2 March, 00:30 Kyiv
  await mailing("E4", { ...email, status: "failed", by: "olena", createdAt: "2026-03-20T08:00:00Z" }, { rejected: 2 });
  await mailing("E7", { ...email, status: "draft", by: "olena", createdAt: "2026-03-29T21:30:00Z" }); // 30 March, 00:30 Kyiv (UTC+3)
  await mailing("E5", { ...email, status: "cancelled", by: "petro", createdAt: "2026-03-31T21:30:00Z" }, { not_sent: 7 }); // 1 April in Kyiv
  await mailing("E6", { ...email, status: "sent", by: "olena", createdAt: "2026-02-28T21:30:00Z" }, { delivered: 5 }); // 28 Feb, 23:30 Kyiv

  const sms = { channel: "sms" as const, message: "promo" };
  await mailing("S1", { ...sms, status: "sent", by: "olena", createdAt: "2026-03-05T09:00:00Z", sentAt: "2026-03-05T09:30:00Z" }, {
    delivered: 2,
    clicked: 1,
    not_delivered: 1,
    excluded: 1,
  });
  await mailing("S2", { ...sms, status: "sending", by: "petro", createdAt: "2026-03-06T09:00:00Z", sentAt: "2026-03-06T10:00:00Z" }, {
    in_queue: 4,
    delivered: 1,
    sending: 1,
  });
  await mailing("S3", { ...sms, status: "draft", by: "olena", createdAt: "2026-03-07T09:00:00Z" }, { not_sent: 1 });
  await mailing("S4", { ...sms, status: "queued", by: "olena", createdAt: "2026-03-08T09:00:00Z" });
});
afterAll(() => t?.destroy());

const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const march = (extra: Record<string, string> = {}) => parseDashboardFilter({ period: "custom", ...MARCH, ...extra }, "2026-04-15");

describe(`dashboard aggregates (${process.env.TEST_DB})`, () => {
  it("counts a channel's mailings by status within the Kyiv days of the period", async () => {
    const d = await loadDashboard(t.db, march());
    expect(d.email.mailings).toEqual({ total: 5, byStatus: { sent: 1, partially_sent: 1, draft: 2, failed: 1 } });
    expect(d.sms.mailings).toEqual({ total: 4, byStatus: { sent: 1, sending: 1, draft: 1, queued: 1 } });
  });

  it("counts recipients: sent, delivered (with read and clicked), not delivered, read, clicked, and their rates", async () => {
    const d = await loadDashboard(t.db, march());
    // E1: 9 sent (3+2+1 delivered, 2 not, 1 in queue); E2: 5 sent. Rejected, in doubt, kept out and not sent are not "sent".
    expect(d.email.recipients).toEqual({ sent: 14, delivered: 10, notDelivered: 3, inQueue: 1, read: 3, clicked: 1 });
    expect(d.sms.recipients).toEqual({ sent: 9, delivered: 4, notDelivered: 1, inQueue: 4, read: 1, clicked: 1 });
    expect(rateOf(d.email.recipients.delivered, d.email.recipients.sent)).toBeCloseTo(10 / 14);
    expect(rateOf(0, 0)).toBeNull();
  });

  it("agrees with each mailing's own Summary tab (one definition of delivered, sent, read)", async () => {
    const counts = await countResponsesOfMailings(t.db, { mailingIds: [id.E1!, id.S1!] });
    for (const [key, channel] of [["E1", "email"], ["S1", "sms"]] as const) {
      const summary = await getMailingSummary(t.db, { mailingId: id[key]!, channel });
      expect(counts.get(id[key]!)).toEqual(summary.byResponse);
    }
  });

  it("puts mailings and their recipients in Kyiv-day buckets: day, week (from Monday) and month", async () => {
    const scope = MARCH;
    const days = await countMailingsByBucket(t.db, { scope, channel: "email", bucket: "day" });
    expect(days.filter((r) => r.bucket === "2026-03-02").reduce((n, r) => n + r.n, 0)).toBe(2); // E1 and the 00:30 draft
    expect(days.some((r) => r.bucket === "2026-03-01")).toBe(false);
    expect(days.find((r) => r.status === "draft" && r.bucket === "2026-03-30")?.n).toBe(1); // after the summer-time switch

    const d = await loadDashboard(t.db, march({ bucket: "week" }));
    expect(d.email.timeline.map((p) => [p.start, p.mailings, p.sent, p.delivered])).toEqual([
      ["2026-02-23", 0, 0, 0], // 1 March alone: the week began in February
      ["2026-03-02", 2, 9, 6],
      ["2026-03-09", 1, 5, 4],
      ["2026-03-16", 1, 0, 0],
      ["2026-03-23", 0, 0, 0],
      ["2026-03-30", 1, 0, 0],
    ]);
    expect(d.email.timeline[0]).toMatchObject({ from: "2026-03-01", to: "2026-03-01" });

    const months = await countResponsesByBucket(t.db, { scope: { from: "2026-02-01", to: "2026-04-30" }, channel: "email", bucket: "month" });
    const delivered = (month: string) => months.find((r) => r.bucket === month && r.response === "delivered")?.n;
    expect([delivered("2026-02-01"), delivered("2026-03-01")]).toEqual([5, 7]);
    expect(months.find((r) => r.bucket === "2026-04-01")).toMatchObject({ response: "not_sent", n: 7 });
  });

  it("filters by creator and by message", async () => {
    const petro = await loadDashboard(t.db, march({ createdBy: user.petro! }));
    expect(petro.email.mailings.total).toBe(1);
    expect(petro.email.recipients.sent).toBe(5);
    expect(petro.sms.mailings.byStatus).toEqual({ sending: 1 });

    const news = await loadDashboard(t.db, march({ message: message.news! }));
    expect([news.email.mailings.total, news.email.recipients.delivered, news.sms.mailings.total]).toEqual([1, 4, 0]);
    expect(news.topSms).toEqual([]);
  });

  it("ranks SMS mailings by audience, counting nobody kept out and leaving empty mailings out", async () => {
    const top = await topMailingsByAudience(t.db, { scope: MARCH, channel: "sms", limit: 10 });
    expect(top.map((r) => [r.name, r.contacts])).toEqual([
      ["Mailing S2", 6],
      ["Mailing S1", 4],
      ["Mailing S3", 1],
    ]);
    expect(top[0]!.sentAt).toEqual(new Date("2026-03-06T10:00:00Z"));
    expect(await topMailingsByAudience(t.db, { scope: MARCH, channel: "sms", limit: 1 })).toHaveLength(1);
  });

  it("lists sending progress: latest sent first, then never-sent, paged, with each mailing's responses", async () => {
    const page1 = await listSendingProgress(t.db, { scope: MARCH, channel: "sms", page: 1, pageSize: 2 });
    expect(page1.total).toBe(4);
    expect(page1.rows.map((r) => [r.name, r.status, r.contacts])).toEqual([
      ["Mailing S2", "sending", 6],
      ["Mailing S1", "sent", 4],
    ]);
    expect(page1.rows[1]!.responses).toMatchObject({ delivered: 2, clicked: 1, not_delivered: 1, excluded: 1, in_queue: 0 });
    const page2 = await listSendingProgress(t.db, { scope: MARCH, channel: "sms", page: 2, pageSize: 2 });
    expect(page2.rows.map((r) => r.name)).toEqual(["Mailing S4", "Mailing S3"]);
    expect(page2.rows[0]!.responses.not_sent).toBe(0);
  });

  it("shows an empty period as zeros over every bucket, not as missing data", async () => {
    const d = await loadDashboard(t.db, parseDashboardFilter({ period: "custom", from: "2025-06-01", to: "2025-06-07" }, "2026-04-15"));
    expect(d.email.mailings.total).toBe(0);
    expect(d.sms.recipients.sent).toBe(0);
    expect(d.email.timeline).toHaveLength(7);
    expect(d.smsProgress).toEqual({ rows: [], total: 0 });
    expect(d.creators.map((c) => c.name).sort()).toEqual(["Олена", "Петро"]);
  });
});
