/**
 * Queries of the send engine: the lease on a mailing, claiming recipients into batches, the
 * batch state machine (claimed → in_flight → settled | in_doubt | released) and contact uploads.
 * Every write that decides whether a recipient may go out is guarded in SQL (state, batch, lease),
 * so that a stale runner can never act on rows another runner has taken over.
 */
import { and, asc, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { executeRows } from "../execute";
import type { Queryable, Tx } from "../types";
import { mailingRecipients, mailingSendAddresses, mailings, sendBatches, type RecipientState } from "../schema";
import { countTallied } from "./tallies";
import { recipientsOfMailing } from "./recipient-ids";

/** Ids as one bigint[] parameter (a thousand of them would otherwise be a thousand parameters). */
const pgBigintArray = (ids: number[]) => sql`${`{${ids.join(",")}}`}::bigint[]`;

const leaseUntil = (seconds: number) => sql`now() + make_interval(secs => ${seconds}::float8)`;

/** Takes the mailing for one runner: free, expired, or already ours. */
export async function acquireSendLease(db: Queryable, q: { mailingId: string; owner: string; seconds: number }): Promise<boolean> {
  const rows = await db
    .update(mailings)
    .set({ sendLeaseOwner: q.owner, sendLeaseExpiresAt: leaseUntil(q.seconds) })
    .where(
      and(
        eq(mailings.id, q.mailingId),
        or(isNull(mailings.sendLeaseOwner), eq(mailings.sendLeaseOwner, q.owner), lt(mailings.sendLeaseExpiresAt, sql`now()`)),
      ),
    )
    .returning({ id: mailings.id });
  return rows.length > 0;
}

/** Extends our lease; false when another runner has taken the mailing meanwhile. */
export async function renewSendLease(db: Queryable, q: { mailingId: string; owner: string; seconds: number }): Promise<boolean> {
  const rows = await db
    .update(mailings)
    .set({ sendLeaseExpiresAt: leaseUntil(q.seconds) })
    .where(and(eq(mailings.id, q.mailingId), eq(mailings.sendLeaseOwner, q.owner)))
    .returning({ id: mailings.id });
  return rows.length > 0;
}

export async function releaseSendLease(db: Queryable, q: { mailingId: string; owner: string }): Promise<void> {
  await db
    .update(mailings)
    .set({ sendLeaseOwner: null, sendLeaseExpiresAt: null })
    .where(and(eq(mailings.id, q.mailingId), eq(mailings.sendLeaseOwner, q.owner)));
}

/** Mailings that should be sending but that no live runner holds (crash, deploy, lost job). */
export async function findOrphanedSends(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ id: mailings.id })
    .from(mailings)
    .where(
      and(
        inArray(mailings.status, ["queued", "sending"]),
        or(isNull(mailings.sendLeaseExpiresAt), lt(mailings.sendLeaseExpiresAt, sql`now()`)),
      ),
    );
  return rows.map((r) => r.id);
}

/** The mailing is sending and this runner holds it. */
const isOwnedBy = (mailingId: string, owner: string) =>
  sql`exists (select 1 from ${mailings} where ${mailings.id} = ${mailingId} and ${mailings.status} = 'sending' and ${mailings.sendLeaseOwner} = ${owner})`;

/**
 * Cleans up after a runner that stopped without finishing (run by the lease holder, so no other
 * runner is at work): batches claimed but never sent go back to pending; batches in flight may
 * have reached eSputnik and become in doubt — unless a webhook already proved them delivered;
 * recipients left "sending" by anything else are in doubt too (never guessed as unsent).
 */
export async function recoverStaleBatches(tx: Tx, { mailingId }: { mailingId: string }): Promise<{ released: number; inDoubt: number }> {
  const released = await releaseClaimedBatches(tx, { mailingId, error: "released: the runner stopped before sending" });
  await tx
    .update(sendBatches)
    .set({ state: "released", settledAt: sql`now()`, error: "released: the runner stopped; the upload is repeated" })
    .where(and(eq(sendBatches.mailingId, mailingId), eq(sendBatches.kind, "contacts_upload"), eq(sendBatches.state, "in_flight")));
  await tx
    .update(sendBatches)
    .set({ state: "in_doubt", settledAt: sql`now()`, error: "in doubt: the runner stopped while the call was in flight" })
    .where(and(eq(sendBatches.mailingId, mailingId), eq(sendBatches.kind, "smartsend"), eq(sendBatches.state, "in_flight")));
  const leftovers = await tx
    .update(mailingRecipients)
    .set({ state: deliveredOrInDoubt() })
    .where(and(recipientsOfMailing(mailingId), eq(mailingRecipients.state, "sending")))
    .returning({ state: mailingRecipients.state });
  return { released, inDoubt: leftovers.filter((r) => r.state === "in_doubt").length };
}

/** Batches claimed but not yet handed to eSputnik go back: their recipients are pending again. Returns how many. */
export async function releaseClaimedBatches(tx: Tx, { mailingId, error }: { mailingId: string; error: string }): Promise<number> {
  const released = await tx
    .update(sendBatches)
    .set({ state: "released", settledAt: sql`now()`, error })
    .where(and(eq(sendBatches.mailingId, mailingId), eq(sendBatches.state, "claimed")))
    .returning({ id: sendBatches.id });
  if (released.length === 0) return 0;
  const rows = await tx
    .update(mailingRecipients)
    .set({ state: "pending", batchId: null })
    .where(
      and(
        recipientsOfMailing(mailingId),
        eq(mailingRecipients.state, "sending"),
        inArray(
          mailingRecipients.batchId,
          released.map((b) => b.id),
        ),
      ),
    )
    .returning({ id: mailingRecipients.id });
  return rows.length;
}

export async function mailingExists(db: Queryable, { mailingId }: { mailingId: string }): Promise<boolean> {
  const [row] = await db.select({ id: mailings.id }).from(mailings).where(eq(mailings.id, mailingId)).limit(1);
  return row !== undefined;
}

/** Whether the mailing has at least one recipient in this state (from the tallies: no scan of a million rows). */
export async function hasRecipientsIn(db: Queryable, { mailingId, state }: { mailingId: string; state: RecipientState }): Promise<boolean> {
  return (await countTallied(db, { mailingId, state })) > 0;
}

/** In-doubt recipients (ids, up to `limit`) and when the earliest of their calls left. */
export async function listInDoubt(db: Queryable, { mailingId, limit }: { mailingId: string; limit: number }): Promise<{ ids: number[]; since: Date | null }> {
  const rows = await db
    .select({ id: mailingRecipients.id })
    .from(mailingRecipients)
    .where(and(recipientsOfMailing(mailingId), eq(mailingRecipients.state, "in_doubt")))
    .orderBy(asc(mailingRecipients.id))
    .limit(limit);
  const [first] = await db
    .select({ since: sql<Date | null>`min(${sendBatches.sentAt})`.mapWith(sendBatches.sentAt) })
    .from(sendBatches)
    .where(and(eq(sendBatches.mailingId, mailingId), eq(sendBatches.state, "in_doubt")));
  return { ids: rows.map((r) => r.id), since: first?.since ?? null };
}

/** An explicit resend: in-doubt recipients become pending again. Returns how many. */
export async function requeueInDoubt(tx: Tx, { mailingId }: { mailingId: string }): Promise<number> {
  const rows = await tx
    .update(mailingRecipients)
    .set({ state: "pending", batchId: null })
    .where(and(recipientsOfMailing(mailingId), eq(mailingRecipients.state, "in_doubt")))
    .returning({ id: mailingRecipients.id });
  return rows.length;
}

/** A recipient whose call's answer was lost is in doubt, unless eSputnik already reported a status for it. */
const deliveredOrInDoubt = () => sql`case when ${mailingRecipients.statusRank} > 0 then 'accepted' else 'in_doubt' end::recipient_state`;

export type ClaimedRecipient = {
  id: number;
  locator: string | null;
  fullName: string;
  email: string | null;
  phone: string | null;
  language: string | null;
};

/**
 * The ids that close the next `batches` batches of `count` pending recipients above `afterId` (the
 * last one may close a smaller batch, when fewer remain); [] when none is pending. Lets claims take
 * disjoint id ranges in parallel and still fill whole batches, and reads several boundaries per
 * round trip, since the allocator runs one read at a time. The lower bound keeps the scan short:
 * without it the planner walks the mailing from its first row, past every recipient already sent.
 */
export async function nextBatchBoundaries(db: Queryable, q: { mailingId: string; afterId: number; count: number; batches: number }): Promise<number[]> {
  const rows = await executeRows<{ id: unknown }>(
    db,
    sql`with next as (
          select id from ${mailingRecipients}
          where ${recipientsOfMailing(q.mailingId)} and state = 'pending' and id > ${q.afterId}
          order by id limit ${q.count * q.batches}
        ), numbered as (
          select id, row_number() over (order by id) as rn, count(*) over () as total from next
        )
        select id from numbered where rn % ${q.count} = 0 or rn = total order by id`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * Claims the pending recipients of an id range (at most `limit`) into a new batch (state
 * "claimed"): one statement, so one round trip and one atomic commit. Only while the mailing is
 * sending and the caller holds its lease. SKIP LOCKED: a claim never waits for another's rows.
 *
 * Each claimed recipient takes its address in mailing_send_addresses, whose primary key is what
 * guarantees that the mailing never sends to one address twice. A recipient whose address another
 * recipient of the mailing already took is excluded (`duplicate_address`) instead of claimed. The
 * import adds each address once, so that never happens unless something else wrote the rows; a
 * recipient claimed again (its batch released before it left, or an in-doubt one resent) finds
 * its address taken by itself and goes on.
 * Returns null when the caller may not claim, [] when nothing in the range is pending any more.
 */
export async function claimRecipients(
  db: Queryable,
  q: { mailingId: string; batchId: string; afterId: number; upToId: number; limit: number; worker: string; leaseOwner: string },
): Promise<ClaimedRecipient[] | null> {
  const rows = await executeRows<{ allowed: boolean; id: unknown } & Omit<ClaimedRecipient, "id">>(
    db,
    sql`with allowed as (
          select 1 from ${mailings}
          where ${mailings.id} = ${q.mailingId} and ${mailings.status} = 'sending' and ${mailings.sendLeaseOwner} = ${q.leaseOwner}
        ), picked as (
          select id, locator from ${mailingRecipients}
          where ${recipientsOfMailing(q.mailingId)} and state = 'pending' and id > ${q.afterId} and id <= ${q.upToId}
            and exists (select 1 from allowed)
          order by id limit ${q.limit}
          for update skip locked
        ), owners as (
          insert into ${mailingSendAddresses} as taken (mailing_id, locator, recipient_id)
          select distinct on (locator) ${q.mailingId}::uuid, locator, id from picked order by locator, id
          on conflict (mailing_id, locator) do update set recipient_id = excluded.recipient_id
            where taken.recipient_id = excluded.recipient_id
          returning recipient_id as id
        ), claimed as (
          update ${mailingRecipients} as r set state = 'sending', batch_id = ${q.batchId}
          from owners where r.id = owners.id
          returning r.id, r.locator, r.full_name as "fullName", r.email, r.phone, r.language
        ), duplicates as (
          update ${mailingRecipients} as r set state = 'excluded', exclusion_reason = 'duplicate_address'
          from picked where r.id = picked.id and picked.id not in (select id from owners)
        ), batch as (
          insert into ${sendBatches} (id, mailing_id, kind, state, size, worker)
          select ${q.batchId}, ${q.mailingId}, 'smartsend', 'claimed', count(*), ${q.worker} from claimed having count(*) > 0
        )
        select exists (select 1 from allowed) as allowed, c.* from (select 1) as one left join claimed c on true`,
  );
  if (!rows[0]?.allowed) return null;
  return rows
    .filter((r) => r.id !== null)
    .map(({ allowed: _allowed, id, ...r }) => ({ ...r, id: Number(id) }))
    .sort((a, b) => a.id - b.id);
}

/**
 * The last write before a batch's call leaves: committed on its own, so that after a crash the
 * batch is known to be possibly sent. Refused (false) when the mailing was cancelled, the lease
 * lost, or the batch released meanwhile: then the call must not be made.
 */
export async function markBatchInFlight(db: Queryable, q: { batchId: string; mailingId: string; leaseOwner: string }): Promise<boolean> {
  const rows = await db
    .update(sendBatches)
    .set({ state: "in_flight", sentAt: sql`now()` })
    .where(and(eq(sendBatches.id, q.batchId), eq(sendBatches.state, "claimed"), isOwnedBy(q.mailingId, q.leaseOwner)))
    .returning({ id: sendBatches.id });
  return rows.length > 0;
}

/**
 * A batch's recipients, by the ids it claimed (the runner holds them). batch_id is not indexed, on
 * purpose: the claim then changes no indexed column, so PostgreSQL writes it as a HOT update with
 * no index entries — half the index work of sending. The batch id still guards every write.
 */
const inBatch = (q: { batchId: string; recipientIds: number[] }) =>
  and(sql`${mailingRecipients.id} = any(${pgBigintArray(q.recipientIds)})`, eq(mailingRecipients.batchId, q.batchId));

export type BatchRef = { batchId: string; recipientIds: number[] };

/** Puts a batch whose call certainly did not reach eSputnik back: its recipients are pending again. */
export async function releaseBatch(tx: Tx, q: BatchRef & { error: string }): Promise<void> {
  await tx
    .update(sendBatches)
    .set({ state: "released", settledAt: sql`now()`, error: q.error.slice(0, 2000) })
    .where(and(eq(sendBatches.id, q.batchId), inArray(sendBatches.state, ["claimed", "in_flight"])));
  await tx
    .update(mailingRecipients)
    .set({ state: "pending", batchId: null })
    .where(and(inBatch(q), eq(mailingRecipients.state, "sending")));
}

/** A batch whose call may have reached eSputnik but whose answer was lost: never resent automatically. */
export async function markBatchInDoubt(tx: Tx, q: BatchRef & { error: string }): Promise<number> {
  await tx
    .update(sendBatches)
    .set({ state: "in_doubt", settledAt: sql`now()`, error: q.error.slice(0, 2000) })
    .where(eq(sendBatches.id, q.batchId));
  return doubtUnsettledRecipients(tx, q);
}

export type SendOutcome = { id: number; requestId: string } | { id: number; rejectReason: string };

/**
 * Stores eSputnik's answer for a batch, in one statement: recipients answered OK are accepted with
 * their request id, ERROR ones rejected with eSputnik's reason, and any the answer left out are in
 * doubt. Rows a webhook already proved accepted are left alone; rows recovery marked in doubt
 * meanwhile take the answer (it is the truth).
 */
export async function settleBatch(db: Queryable, q: BatchRef & { outcomes: SendOutcome[] }): Promise<{ accepted: number; rejected: number; inDoubt: number }> {
  const payload = JSON.stringify(
    q.outcomes.map((o) =>
      "requestId" in o ? { id: o.id, state: "accepted", request_id: o.requestId, reason: null } : { id: o.id, state: "rejected", request_id: null, reason: o.rejectReason.slice(0, 1000) },
    ),
  );
  const [counts] = await executeRows<{ accepted: number; rejected: number; in_doubt: number }>(
    db,
    sql`with answer as (
          select * from json_to_recordset(${payload}::json) as v(id bigint, state text, request_id text, reason text)
        ), settled as (
          update ${mailingRecipients} as r
          set state = answer.state::recipient_state, request_id = answer.request_id, reject_reason = answer.reason, done = (answer.state = 'rejected')
          from answer
          where r.id = answer.id and r.batch_id = ${q.batchId} and r.state in ('sending', 'in_doubt')
          returning r.id, r.state
        ), unanswered as (
          update ${mailingRecipients} as r set state = (case when r.status_rank > 0 then 'accepted' else 'in_doubt' end)::recipient_state
          -- Both updates see the same snapshot, so "not answered" is read from the answer, not from
          -- \`settled\`; NOT IN over it is a hashed lookup (an anti-join here went quadratic).
          where r.id = any(${pgBigintArray(q.recipientIds)}) and r.batch_id = ${q.batchId} and r.state = 'sending'
            and r.id not in (select answer.id from answer)
          returning r.state
        ), batch as (
          update ${sendBatches} set state = 'settled', settled_at = now() where id = ${q.batchId}
        )
        select (select count(*) from settled where state = 'accepted')::int as accepted,
               (select count(*) from settled where state = 'rejected')::int as rejected,
               (select count(*) from unanswered where state = 'in_doubt')::int as in_doubt`,
  );
  return { accepted: Number(counts?.accepted ?? 0), rejected: Number(counts?.rejected ?? 0), inDoubt: Number(counts?.in_doubt ?? 0) };
}

/** Recipients of the batch still "sending": in doubt (or accepted, when a status already proved it). */
async function doubtUnsettledRecipients(tx: Tx, q: BatchRef): Promise<number> {
  const rows = await tx
    .update(mailingRecipients)
    .set({ state: deliveredOrInDoubt() })
    .where(and(inBatch(q), eq(mailingRecipients.state, "sending")))
    .returning({ id: mailingRecipients.id });
  return rows.length;
}

/** Marks when the first recipient left, once. */
export async function markMailingSentAt(db: Queryable, { mailingId }: { mailingId: string }): Promise<void> {
  await db
    .update(mailings)
    .set({ sentAt: sql`coalesce(${mailings.sentAt}, now())` })
    .where(eq(mailings.id, mailingId));
}

export type UploadRecipient = Pick<ClaimedRecipient, "id" | "fullName" | "email" | "phone" | "language">;

/** The next recipients to upload as eSputnik contacts, by id after the cursor. */
export async function readUploadChunk(db: Queryable, q: { mailingId: string; afterId: number; limit: number }): Promise<UploadRecipient[]> {
  return db
    .select({
      id: mailingRecipients.id,
      fullName: mailingRecipients.fullName,
      email: mailingRecipients.email,
      phone: mailingRecipients.phone,
      language: mailingRecipients.language,
    })
    .from(mailingRecipients)
    .where(and(recipientsOfMailing(q.mailingId), ne(mailingRecipients.state, "excluded"), gt(mailingRecipients.id, q.afterId)))
    .orderBy(asc(mailingRecipients.id))
    .limit(q.limit);
}

export async function insertUploadBatch(db: Queryable, q: { id: string; mailingId: string; size: number; worker: string }): Promise<void> {
  await db.insert(sendBatches).values({ ...q, kind: "contacts_upload", state: "in_flight", sentAt: sql`now()` });
}

export async function setUploadSession(db: Queryable, q: { batchId: string; sessionId: string }): Promise<void> {
  await db.update(sendBatches).set({ importSessionId: q.sessionId }).where(eq(sendBatches.id, q.batchId));
}

export async function finishUploadBatch(db: Queryable, q: { batchId: string; state: "settled" | "released"; error: string | null }): Promise<void> {
  await db
    .update(sendBatches)
    .set({ state: q.state, settledAt: sql`now()`, error: q.error?.slice(0, 2000) ?? null })
    .where(eq(sendBatches.id, q.batchId));
}

/** Moves the upload cursor forward (never back), only for the lease holder. */
export async function advanceUploadCursor(db: Queryable, q: { mailingId: string; cursor: number; leaseOwner: string }): Promise<void> {
  await db
    .update(mailings)
    .set({ uploadCursor: sql`greatest(${mailings.uploadCursor}, ${q.cursor})` })
    .where(and(eq(mailings.id, q.mailingId), eq(mailings.sendLeaseOwner, q.leaseOwner)));
}

/** Fresh planner statistics for the recipients table (see lib/sending/statistics.ts). */
export async function analyzeRecipients(db: Queryable): Promise<void> {
  await db.execute(sql`analyze ${mailingRecipients}`);
}

/** True while any batch of the mailing may still be sent by a live runner. */
export async function hasOpenBatches(db: Queryable, { mailingId }: { mailingId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: sendBatches.id })
    .from(sendBatches)
    .where(and(eq(sendBatches.mailingId, mailingId), eq(sendBatches.kind, "smartsend"), inArray(sendBatches.state, ["claimed", "in_flight"])))
    .limit(1);
  return row !== undefined;
}

/** Counts a send run that ended in an unexpected error; returns how many in a row now. */
export async function countSendErrorRun(db: Queryable, { mailingId }: { mailingId: string }): Promise<number> {
  const [row] = await db
    .update(mailings)
    .set({ sendErrorRuns: sql`${mailings.sendErrorRuns} + 1` })
    .where(eq(mailings.id, mailingId))
    .returning({ runs: mailings.sendErrorRuns });
  return row?.runs ?? 0;
}
