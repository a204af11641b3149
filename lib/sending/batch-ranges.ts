/**
 * Hands out the id ranges that become smartsend batches. Finding ranges is a quick read done one
 * at a time, a few ranges per read; claiming one (the costly write) then runs in parallel without
 * two claims ever sharing rows, so every batch is full — exactly ceil(N / batch size) calls for an
 * audience sent at once.
 * Recipients put back to pending (a call eSputnik refused) lie behind the cursor: a last sweep
 * from the start picks them up.
 */
import { nextBatchBoundaries } from "@/db/queries/sending";
import { Permits } from "./permits";
import type { SendRun } from "./send-run";

export type BatchRange = { afterId: number; upToId: number };

export class BatchRanges {
  private afterId = 0;
  /** Boundaries read ahead, in id order: each closes the range that starts at the previous one. */
  private ahead: number[] = [];
  private exhausted = false;
  /** Moves on every reopen: a read that was under way meanwhile may predate the release. */
  private generation = 0;
  private readonly lock = new Permits(1);

  constructor(private readonly run: SendRun) {}

  next(): Promise<BatchRange | null> {
    return this.lock.use(async () => {
      const { ctx, plan } = this.run;
      while (!this.exhausted && !this.run.stopped) {
        if (this.ahead.length === 0) {
          const generation = this.generation;
          const ahead = await nextBatchBoundaries(ctx.db, {
            mailingId: plan.mailingId,
            afterId: this.afterId,
            count: ctx.config.smartsendBatchSize,
            // As many as can be in flight at once: one read feeds every loop.
            batches: Math.max(1, ctx.config.concurrency),
          });
          // Reopened during the read: it may have missed the recipients just put back (finding
          // nothing, it would end every loop with them still pending). Read again from the start.
          if (generation !== this.generation) continue;
          this.ahead = ahead;
        }
        const upToId = this.ahead.shift();
        if (upToId !== undefined) {
          const range = { afterId: this.afterId, upToId };
          this.afterId = upToId;
          return range;
        }
        if (this.afterId === 0) this.exhausted = true;
        this.afterId = 0;
      }
      return null;
    });
  }

  /** A batch went back to pending: look for it again (from the start). */
  reopen(): void {
    this.generation++;
    this.exhausted = false;
    this.afterId = 0;
    this.ahead = [];
  }
}
