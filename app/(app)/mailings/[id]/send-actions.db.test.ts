import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { authModuleMock, nextHeadersMock, signInAs } from "@/test/session-mock";
import { insertUser } from "@/db/queries/users";
import { mailings } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { systemClock } from "@/lib/sending/context";
import { quietLogger, recordingJobs, seedMailing } from "@/lib/sending/test-support";
import { GET as progressRoute } from "@/app/api/mailings/[id]/progress/route";
import { cancelSendAction, reconcileInDoubtAction, resendInDoubtAction, sendMailingAction, updateStatusAction } from "./send-actions";

let t: TestDatabase;
const jobs = recordingJobs();
vi.mock("@/auth", () => authModuleMock());
vi.mock("next/headers", () => nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/db/client", () => ({ getDb: async () => t.db }));
// The job queue itself is tested in lib/jobs; here the actions' wiring and access are.
vi.mock("@/lib/jobs/runtime", () => ({
  commandContext: async (ctx: { db: unknown; actor: { id: string } }) => ({ db: ctx.db, jobs, clock: systemClock, logger: quietLogger, actorId: ctx.actor.id }),
}));

const people = {} as Record<Role, { id: string; role: Role; email: string; name: string }>;
beforeAll(async () => {
  t = await createTestDatabase();
  for (const role of ["admin", "manager", "viewer"] as const) {
    const u = await insertUser(t.db, { email: `${role}@send.test`, name: role, role, passwordHash: "x" });
    people[role] = { id: u.id, role, email: u.email, name: u.name };
  }
});
afterAll(async () => {
  signInAs(null);
  await t?.destroy();
});

const all = { sendMailingAction, cancelSendAction, updateStatusAction, reconcileInDoubtAction, resendInDoubtAction };
const input = (mailingId: string) => ({ mailingId });

describe(`send actions (${process.env.TEST_DB})`, () => {
  it("are mutations for managers: a viewer is refused, and nothing is enqueued", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 3 });
    signInAs(people.viewer);
    for (const [name, action] of Object.entries(all)) {
      expect(action.access, name).toEqual({ kind: "mutation", permission: "manage" });
      expect(await action(undefined, input(mailingId)), name).toMatchObject({ ok: false, error: "forbidden" });
    }
    expect(jobs.calls).toEqual([]);
  });

  it("send: the session's user is the sender; a second press is refused", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 3 });
    signInAs(people.manager);
    expect(await sendMailingAction(undefined, input(mailingId))).toMatchObject({ ok: true, data: { recipients: 3 } });
    const [row] = await t.db.select().from(mailings).where(eq(mailings.id, mailingId));
    expect(row).toMatchObject({ status: "queued", sendRequestedBy: people.manager.id });
    expect(jobs.calls.at(-1)).toEqual({ kind: "send", mailingId });
    expect(await sendMailingAction(undefined, input(mailingId))).toMatchObject({ ok: false, error: "sending.errors.notSendable" });

    signInAs(people.admin);
    expect(await cancelSendAction(undefined, input(mailingId))).toMatchObject({ ok: true, data: { accepted: 0, notSent: 3 } });
  });

  it("validate their input and report domain refusals as translated codes", async () => {
    signInAs(people.manager);
    expect(await updateStatusAction(undefined, { mailingId: "nope" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await sendMailingAction(undefined, input("00000000-0000-4000-8000-000000000000"))).toMatchObject({ ok: false, error: "sending.errors.notFound" });
    const { mailingId } = await seedMailing(t.db, { recipients: 2 });
    expect(await updateStatusAction(undefined, input(mailingId))).toMatchObject({ ok: false, error: "sending.errors.nothingToUpdate" });
    expect(await resendInDoubtAction(undefined, input(mailingId))).toMatchObject({ ok: false, error: "sending.errors.noneInDoubt" });
  });
});

describe(`progress route (${process.env.TEST_DB})`, () => {
  const call = (id: string) => progressRoute(new Request(`http://test.local/api/mailings/${id}/progress`), { params: Promise.resolve({ id }) });

  it("answers any signed-in user with the live counts, never cached", async () => {
    const { mailingId } = await seedMailing(t.db, { recipients: 4, excluded: 1 });
    signInAs(null);
    expect((await call(mailingId)).status).toBe(401);
    signInAs(people.viewer);
    const response = await call(mailingId);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ mailingId, status: "draft", total: 4, excluded: 1, remaining: 4, accepted: 0, inDoubt: 0, active: false });
    expect((await call("not-a-uuid")).status).toBe(404);
    expect((await call("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
