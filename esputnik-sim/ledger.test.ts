import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Plan } from "./lifecycle";
import { Ledger, SEGMENT_SIZE, SendRecords } from "./records";
import { emailRecipients, startTestSim, type TestSim } from "./testing";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterEach(() => t.sim.control.reset());
afterAll(() => t.sim.close());

describe("ledger", () => {
  it("counts accepted recipients, distinct externalRequestIds, duplicates and per-message totals", async () => {
    const send = (messageId: number, body: unknown) => t.api(`/v1/message/${messageId}/smartsend`, { json: body });
    await send(293, { email: true, recipients: [...emailRecipients(3, "a"), { locator: "bad" }] });
    // The same batch again (a blind resend): every id becomes a duplicate.
    await send(293, { email: true, recipients: emailRecipients(3, "a") });
    await send(290, { email: false, recipients: [{ locator: "380501234567" }] });

    const ledger = await (await t.ctl("ledger")).json();
    expect(ledger).toMatchObject({
      sendCalls: 3,
      acceptedRecipients: 7,
      rejectedRecipients: 1,
      distinctExternalRequestIds: 3,
      withoutExternalRequestId: 1,
      duplicates: 3,
      duplicateIds: ["a-0", "a-1", "a-2"],
      byMessage: { "293": { accepted: 6, rejected: 1 }, "290": { accepted: 1, rejected: 0 } },
    });
  });

  it("lists accepted externalRequestIds as newline-separated text or JSON", async () => {
    await t.api("/v1/message/293/smartsend", { json: { email: true, recipients: emailRecipients(3, "x") } });
    const textIds = await t.ctl("ledger/ids?format=text");
    expect(textIds.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await textIds.text()).toBe("x-0\nx-1\nx-2\n");
    expect(await (await t.ctl("ledger/ids?format=json")).json()).toEqual(["x-0", "x-1", "x-2"]);
  });

  it("counts calls per endpoint and responses per status", async () => {
    await t.api("/v1/balance");
    await t.api("/v1/balance", { auth: null });
    await t.api("/v1/messages/email/293");
    const calls = await (await t.ctl("calls")).json();
    expect(calls).toEqual({ total: 3, byRoute: { balance: 2, "messages.email.get": 1 }, byStatus: { "200": 2, "401": 1 } });
    expect((await t.ctl("calls", { method: "DELETE" })).status).toBe(200);
    expect((await (await t.ctl("calls")).json()).total).toBe(0);
  });
});

describe("send records retention", () => {
  it("evicts whole segments beyond maxRecords and forgets their ids in the ledger", () => {
    const ledger = new Ledger();
    const records = new SendRecords(() => SEGMENT_SIZE, (ids) => ledger.forget(ids));
    const ids: string[] = [];
    for (let i = 0; i < SEGMENT_SIZE * 2 + 10; i++) {
      const externalRequestId = `e${i}`;
      ids.push(records.add({ sentAt: i, messageId: 1, plan: Plan.EMAIL_DELIVERED, channel: "email", locator: `u${i}@x.io`, externalRequestId }));
      ledger.recordAccepted(1, externalRequestId);
    }
    // Bounded: at most maxRecords + one segment retained.
    expect(records.size).toBe(SEGMENT_SIZE + 10);
    expect(records.seqOf(ids[0] as string)).toBe(-1);
    const last = records.seqOf(ids.at(-1) as string);
    expect(records.get(last)).toMatchObject({ locator: `u${SEGMENT_SIZE * 2 + 9}@x.io`, externalRequestId: `e${SEGMENT_SIZE * 2 + 9}` });
    expect(ledger.summary()).toMatchObject({ acceptedRecipients: SEGMENT_SIZE * 2 + 10, distinctExternalRequestIds: SEGMENT_SIZE + 10, evictedRecords: SEGMENT_SIZE });
    expect(records.firstSentAtOrAfter(SEGMENT_SIZE * 2)).toBe(SEGMENT_SIZE * 2);
  });

  it("does not resolve ids it never issued", () => {
    const records = new SendRecords(() => 10, () => {});
    const id = records.add({ sentAt: 0, messageId: 1, plan: Plan.EMAIL_DELIVERED, channel: "email", locator: "a@x.io", externalRequestId: undefined });
    expect(records.seqOf(id)).toBe(0);
    expect(records.seqOf(`${id.slice(0, 24)}000000000001`)).toBe(-1);
    expect(records.seqOf(`${id.slice(0, 24)}zzzzzzzzzzzz`)).toBe(-1);
    expect(records.seqOf("3ff28330-0000-4000-8000-000000000000")).toBe(-1);
  });
});
