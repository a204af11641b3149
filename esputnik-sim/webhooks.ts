/**
 * Webhook delivery of activity events, like the real service: POST of a JSON array, optional
 * Basic auth, anything but HTTP 200 retried with growing back-off, and later events wait for
 * earlier ones (order preserved).
 *
 * Events are collected on `tick()`: after every `advance`, and once a second in real-time mode.
 */
import { forEachEvent, type ActivityItem } from "./activity";
import type { SimState } from "./state";

/** Events kept while the receiver is failing; beyond it the oldest are dropped (and counted). */
const MAX_QUEUE = 100_000;
const POST_TIMEOUT_MS = 10_000;

export interface WebhookStats {
  delivered: number;
  batches: number;
  failedAttempts: number;
  dropped: number;
  pending: number;
  lastError: string | null;
}

export class WebhookEmitter {
  private queue: ActivityItem[] = [];
  private sending = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  /** Simulated time up to which events were collected; null while no URL is configured. */
  private collectedUntil: number | null = null;
  private readonly interval: NodeJS.Timeout;
  private readonly idleWaiters: (() => void)[] = [];
  readonly stats: Omit<WebhookStats, "pending"> = { delivered: 0, batches: 0, failedAttempts: 0, dropped: 0, lastError: null };

  constructor(private readonly state: SimState) {
    this.interval = setInterval(() => this.tick(), 1000);
    this.interval.unref();
  }

  /** (Re)reads the config: events start being collected from the moment a URL is set. */
  configure(): void {
    if (!this.state.config.webhook.url) {
      this.collectedUntil = null;
      this.queue = [];
      this.notifyIdle();
    } else if (this.collectedUntil === null) {
      this.collectedUntil = this.state.clock.now();
    }
  }

  tick(): void {
    if (this.collectedUntil === null || !this.state.config.webhook.url) return;
    const now = this.state.clock.now();
    if (now > this.collectedUntil) {
      forEachEvent(this.state, { after: this.collectedUntil, to: now }, (item) => {
        this.queue.push(item);
        return true;
      });
      this.collectedUntil = now;
      if (this.queue.length > MAX_QUEUE) this.stats.dropped += this.queue.splice(0, this.queue.length - MAX_QUEUE).length;
    }
    void this.flush();
  }

  snapshot(): WebhookStats {
    return { ...this.stats, pending: this.queue.length };
  }

  /** Resolves once the queue is empty (tests). */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.sending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    clearInterval(this.interval);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.queue = [];
    this.notifyIdle();
  }

  private async flush(): Promise<void> {
    const { url, user, password, batchSize, retryBaseMs, retryMaxMs } = this.state.config.webhook;
    if (this.sending || this.retryTimer || !url) return;
    if (this.queue.length === 0) return this.notifyIdle();
    this.sending = true;
    const batch = this.queue.slice(0, Math.max(1, batchSize));
    let error: string | null = null;
    try {
      const headers: Record<string, string> = { "Content-Type": "application/json; charset=UTF-8" };
      if (user !== null || password !== null) {
        headers.Authorization = `Basic ${Buffer.from(`${user ?? ""}:${password ?? ""}`).toString("base64")}`;
      }
      const response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (response.status !== 200) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    this.sending = false;
    if (error === null) {
      // The queue may have been cleared by a reconfiguration meanwhile.
      if (this.queue[0] === batch[0]) this.queue.splice(0, batch.length);
      this.stats.delivered += batch.length;
      this.stats.batches++;
      this.failures = 0;
      return this.flush();
    }
    this.stats.failedAttempts++;
    this.stats.lastError = error;
    this.failures++;
    const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** (this.failures - 1));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
    this.retryTimer.unref();
  }

  private notifyIdle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
