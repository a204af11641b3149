/**
 * The shared state of one send run: its lease, the eSputnik call permits (the configured
 * concurrency), and why it stopped, if it did. The upload and smartsend pipelines both work
 * through it, so a failure in either stops the other.
 */
import type { Channel } from "@/db/schema";
import type { EsputnikClient } from "@/lib/esputnik/client";
import type { EsputnikError } from "@/lib/esputnik/errors";
import type { SendingContext } from "./context";
import { backoffMs, failureOf, MailingFailure } from "./failures";
import type { SendLease } from "./lease";
import { Permits } from "./permits";

/** What the run sends: read once from the mailing and its message when the run starts. */
export interface SendPlan {
  mailingId: string;
  channel: Channel;
  esputnikMessageId: number;
  /** SMS alpha name; undefined = the sender set in the eSputnik message. */
  fromName: string | undefined;
  group: string;
  uploadCursor: number;
}

type StopReason = { kind: "failure"; failure: MailingFailure } | { kind: "interrupted" } | { kind: "error"; error: unknown };

export class SendRun {
  readonly permits: Permits;
  /** Smartsend batches marked in flight: in a call, or ready and waiting for a permit. */
  readonly marked: Permits;
  private reason: StopReason | null = null;
  private transientSince: number | null = null;
  private transientInARow = 0;
  private inDoubtInARow = 0;
  private sentAtMarked = false;

  constructor(
    readonly ctx: SendingContext,
    readonly client: EsputnikClient,
    readonly plan: SendPlan,
    readonly lease: SendLease,
  ) {
    this.permits = new Permits(ctx.config.concurrency);
    this.marked = new Permits(ctx.config.concurrency + ctx.config.readyBatches);
  }

  get stopped(): boolean {
    return this.reason !== null || this.lease.lost;
  }

  get failure(): MailingFailure | null {
    return this.reason?.kind === "failure" ? this.reason.failure : null;
  }

  get error(): unknown {
    return this.reason?.kind === "error" ? this.reason.error : undefined;
  }

  /** The first reason wins: later ones are consequences of it. */
  stop(reason: StopReason): void {
    this.reason ??= reason;
  }

  fail(failure: MailingFailure): void {
    this.stop({ kind: "failure", failure });
  }

  /** True the first time only: the mailing's sentAt is written once per run. */
  firstSend(): boolean {
    if (this.sentAtMarked) return false;
    this.sentAtMarked = true;
    return true;
  }

  succeeded(): void {
    this.transientSince = null;
    this.transientInARow = 0;
    this.inDoubtInARow = 0;
  }

  /**
   * After a call that was certainly not processed (429, refused connection…): wait and let the
   * caller try again, unless eSputnik has been failing for longer than the budget — then the
   * mailing fails with the reason and everything unsent stays pending for a later Send.
   */
  async transientFailure(err: EsputnikError): Promise<void> {
    const { clock, config } = this.ctx;
    const now = clock.now().getTime();
    this.transientSince ??= now;
    this.transientInARow++;
    if (now - this.transientSince >= config.giveUpAfterMs) {
      this.fail(failureOf(err));
      return;
    }
    await clock.sleep(backoffMs(this.transientInARow, config.backoffBaseMs, config.backoffMaxMs));
  }

  /** After a batch went in doubt: several in a row mean eSputnik is unwell; stop feeding it. */
  inDoubt(err: EsputnikError): void {
    this.inDoubtInARow++;
    if (this.inDoubtInARow >= this.ctx.config.maxConsecutiveInDoubt) this.fail(failureOf(err));
  }
}

/**
 * Runs `count` copies of a loop until all end. An unexpected error in one stops the others (they
 * finish their current step) and is rethrown once all have ended.
 */
export async function runLoops(run: SendRun, count: number, loop: () => Promise<void>): Promise<void> {
  const results = await Promise.allSettled(
    Array.from({ length: count }, async () => {
      try {
        await loop();
      } catch (error) {
        run.stop({ kind: "error", error });
        throw error;
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}
