/**
 * Uploads the audience as eSputnik contacts into the mailing's group (segment), ≤ 3,000 per bulk
 * call, and watches each import until eSputnik reports it finished.
 *
 * It runs beside the smartsend pipeline rather than before it: smartsend addresses recipients by
 * locator, so it does not need the import to have finished, and sharing the permits keeps every
 * connection busy instead of idling while imports are processed (they take seconds to minutes).
 * Uploads are idempotent (upsert by address), so a failed or interrupted one is simply repeated;
 * the mailing's upload cursor only moves past chunks whose import finished.
 */
import { randomUUID } from "node:crypto";
import { advanceUploadCursor, finishUploadBatch, insertUploadBatch, readUploadChunk, setUploadSession, type UploadRecipient } from "@/db/queries/sending";
import { EsputnikError } from "@/lib/esputnik/errors";
import type { ContactsUpsertRequest, FailedContact } from "@/lib/esputnik/types";
import { failureOf, isRetryable } from "./failures";
import { Permits } from "./permits";
import { contactOf } from "./recipients";
import { runLoops, type SendRun } from "./send-run";

/** Uploads every chunk after the cursor and waits for their imports. */
export async function uploadAudience(run: SendRun): Promise<void> {
  const chunks = new ChunkCursor(run);
  const imports: Promise<void>[] = [];
  let watchError: unknown;
  // A few upload loops only: uploads take their share of the permits, sends the rest.
  const loops = Math.max(1, Math.floor(run.ctx.config.concurrency / 4));
  await runLoops(run, loops, async () => {
    for (;;) {
      const chunk = await chunks.next();
      if (!chunk) return;
      const uploaded = await uploadChunk(run, chunk.batchId, chunk.rows);
      // Watched in the background; a failure is kept (not left unhandled) and stops the run.
      if (uploaded) {
        imports.push(
          watchImport(run, chunk.batchId, uploaded, chunks).catch((error: unknown) => {
            watchError ??= error;
            run.stop({ kind: "error", error });
          }),
        );
      }
    }
  });
  await Promise.all(imports);
  if (watchError !== undefined) throw watchError;
}

type Chunk = { batchId: string; rows: UploadRecipient[]; lastId: number; state: "open" | "finished" | "failed" };

/**
 * Hands out chunks in id order and moves the stored cursor past the longest run of finished
 * chunks at its start, so "id ≤ cursor" always means "in the eSputnik group".
 */
class ChunkCursor {
  private afterId: number;
  private readonly open: Chunk[] = [];
  /** Chunks are read one at a time: the in-memory cursor moves with each read. */
  private readonly lock = new Permits(1);

  constructor(private readonly run: SendRun) {
    this.afterId = run.plan.uploadCursor;
  }

  async next(): Promise<Chunk | null> {
    return this.lock.use(async () => {
      if (this.run.stopped) return null;
      const { db, config } = this.run.ctx;
      const rows = await readUploadChunk(db, { mailingId: this.run.plan.mailingId, afterId: this.afterId, limit: config.uploadBatchSize });
      const last = rows.at(-1);
      if (!last) return null;
      this.afterId = last.id;
      const chunk: Chunk = { batchId: randomUUID(), rows, lastId: last.id, state: "open" };
      this.open.push(chunk);
      return chunk;
    });
  }

  async finished(batchId: string, ok: boolean): Promise<void> {
    const chunk = this.open.find((c) => c.batchId === batchId);
    if (!chunk) return;
    chunk.state = ok ? "finished" : "failed";
    let cursor: number | null = null;
    while (this.open[0]?.state === "finished") cursor = this.open.shift()!.lastId;
    if (cursor !== null) {
      await advanceUploadCursor(this.run.ctx.db, { mailingId: this.run.plan.mailingId, cursor, leaseOwner: this.run.lease.owner });
    }
  }
}

function contactsRequest(run: SendRun, rows: UploadRecipient[]): ContactsUpsertRequest {
  const { channel, group } = run.plan;
  return {
    contacts: rows.map(contactOf),
    dedupeOn: channel === "email" ? "email" : "sms",
    // Only the addresses overwrite what eSputnik has: names there may be better kept than ours.
    contactFields: ["email", "sms"],
    groupNames: [group],
  };
}

type Uploaded = { sessionId: string; failed: FailedContact[] };

/** One bulk call, retried while eSputnik is busy or unreachable. Null when the run stopped. */
async function uploadChunk(run: SendRun, batchId: string, rows: UploadRecipient[]): Promise<Uploaded | null> {
  const { ctx, plan } = run;
  await insertUploadBatch(ctx.db, { id: batchId, mailingId: plan.mailingId, size: rows.length, worker: ctx.workerId });
  const request = contactsRequest(run, rows);
  while (!run.stopped) {
    try {
      const result = await run.permits.use(() => run.client.upsertContacts(request));
      await setUploadSession(ctx.db, { batchId, sessionId: result.asyncSessionId });
      run.succeeded();
      return { sessionId: result.asyncSessionId, failed: result.failedContacts };
    } catch (err) {
      if (!(err instanceof EsputnikError)) throw err;
      // An upsert repeated is harmless, so even an answer lost in doubt is simply retried.
      if (isRetryable(err) || err.inDoubt) await run.transientFailure(err);
      else run.fail(failureOf(err));
    }
  }
  await finishUploadBatch(ctx.db, { batchId, state: "released", error: "released: the run stopped; the upload is repeated" });
  return null;
}

/** Polls the import until it finishes, fails or takes too long; records the outcome on the batch. */
async function watchImport(run: SendRun, batchId: string, uploaded: Uploaded, chunks: ChunkCursor): Promise<void> {
  const { ctx } = run;
  const { config, clock } = ctx;
  const deadline = clock.now().getTime() + config.importTimeoutMs;
  const rejected = uploaded.failed.length > 0 ? `${uploaded.failed.length} contact(s) refused, e.g. ${uploaded.failed[0]?.error ?? ""}` : null;
  let delay = config.importFirstPollMs;
  for (;;) {
    await clock.sleep(delay);
    delay = config.importPollMs;
    if (run.stopped) {
      await finishUploadBatch(ctx.db, { batchId, state: "released", error: "released: the run stopped before the import finished" });
      return;
    }
    let state: string;
    let description = "";
    try {
      const status = await run.permits.use(() => run.client.importStatus(uploaded.sessionId));
      state = status.status;
      description = status.description ?? "";
    } catch (err) {
      if (err instanceof EsputnikError && isRetryable(err) && clock.now().getTime() < deadline) continue;
      if (!(err instanceof EsputnikError)) throw err;
      await finishUploadBatch(ctx.db, { batchId, state: "settled", error: `import status unknown: ${err.message}` });
      await chunks.finished(batchId, false);
      return;
    }
    if (state === "FINISHED" || state === "ERROR") {
      const error = state === "ERROR" ? `import ERROR: ${description}` : rejected;
      await finishUploadBatch(ctx.db, { batchId, state: "settled", error });
      await chunks.finished(batchId, state === "FINISHED");
      return;
    }
    if (clock.now().getTime() >= deadline) {
      await finishUploadBatch(ctx.db, { batchId, state: "settled", error: `import still ${state} after ${config.importTimeoutMs} ms` });
      await chunks.finished(batchId, false);
      return;
    }
  }
}
