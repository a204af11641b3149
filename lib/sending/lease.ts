/**
 * One runner per mailing: a run holds a lease on the mailing row, renewed while it works. Only
 * the holder claims recipients and sends, so when a runner dies (kill -9, deploy, timeout) the
 * next one — after the lease expires — can safely recover what the dead one left behind.
 * A runner that lost its lease (paused too long) notices at its next guarded write and stops.
 */
import { randomUUID } from "node:crypto";
import { acquireSendLease, releaseSendLease, renewSendLease } from "@/db/queries/sending";
import type { SendingContext } from "./context";

export class SendLease {
  private timer: NodeJS.Timeout | null = null;
  private lostFlag = false;

  private constructor(
    private readonly ctx: SendingContext,
    readonly mailingId: string,
    /** Unique per run, so that two runs in one process never share a lease. */
    readonly owner: string,
  ) {}

  static async acquire(ctx: SendingContext, mailingId: string): Promise<SendLease | null> {
    const owner = `${ctx.workerId}:${randomUUID().slice(0, 8)}`;
    const seconds = ctx.config.leaseSeconds;
    if (!(await acquireSendLease(ctx.db, { mailingId, owner, seconds }))) return null;
    const lease = new SendLease(ctx, mailingId, owner);
    lease.timer = setInterval(() => void lease.renew(), Math.max(200, (seconds * 1000) / 3));
    lease.timer.unref();
    return lease;
  }

  /** True once a renewal found the mailing taken by another runner. */
  get lost(): boolean {
    return this.lostFlag;
  }

  private async renew(): Promise<void> {
    try {
      const held = await renewSendLease(this.ctx.db, { mailingId: this.mailingId, owner: this.owner, seconds: this.ctx.config.leaseSeconds });
      if (!held) this.lostFlag = true;
    } catch (err) {
      // A missed renewal is not fatal: the lease lasts three renewal periods.
      this.ctx.logger.warn("send lease renewal failed", { mailingId: this.mailingId, error: err });
    }
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await releaseSendLease(this.ctx.db, { mailingId: this.mailingId, owner: this.owner });
  }
}
