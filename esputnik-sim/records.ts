/**
 * Compact storage of accepted recipients, sized for benchmark load (tens of thousands per second).
 *
 * - Records live in fixed-size segments of typed arrays (send time, message id, plan, channel) plus
 *   two string columns (locator, externalRequestId). No request bodies are kept.
 * - The requestId *encodes* the record's sequence number: `<random per-run prefix><12 hex digits>`,
 *   shaped like a v4 UUID. Looking a status up is a parse, not a hash-map probe, and costs no memory.
 * - Memory is bounded: beyond `maxRecords` the oldest segment is evicted (its ids become unknown,
 *   like statuses the real service no longer keeps — UNKNOWN(§8.1) retention).
 */
import { randomUUID } from "node:crypto";
import type { PlanCode } from "./lifecycle";
import type { Channel } from "./seed";

export const SEGMENT_SIZE = 65_536;
const CHANNEL_CODE: Record<Channel, number> = { email: 0, sms: 1 };

class Segment {
  readonly sentAt = new Float64Array(SEGMENT_SIZE);
  readonly messageId = new Int32Array(SEGMENT_SIZE);
  readonly plan = new Uint8Array(SEGMENT_SIZE);
  readonly channel = new Uint8Array(SEGMENT_SIZE);
  readonly locator: string[] = [];
  readonly externalRequestId: (string | undefined)[] = [];
}

export interface NewRecord {
  sentAt: number;
  messageId: number;
  plan: PlanCode;
  channel: Channel;
  locator: string;
  externalRequestId: string | undefined;
}

export interface RecordView extends NewRecord {
  seq: number;
  requestId: string;
}

export class SendRecords {
  /** `xxxxxxxx-xxxx-4xxx-yxxx-`: 24 characters, new for every store. */
  private readonly prefix = randomUUID().slice(0, 24);
  private segments: Segment[] = [];
  /** Sequence number of the first retained record. */
  private firstSeq = 0;
  private nextSeq = 0;

  constructor(
    private readonly maxRecords: () => number,
    private readonly onEvict: (externalRequestIds: (string | undefined)[]) => void,
  ) {}

  get size(): number {
    return this.nextSeq - this.firstSeq;
  }

  /** First sequence number still retained, and one past the last. */
  get range(): { first: number; end: number } {
    return { first: this.firstSeq, end: this.nextSeq };
  }

  requestIdOf(seq: number): string {
    return this.prefix + seq.toString(16).padStart(12, "0");
  }

  /** The record's sequence number, or -1 for ids this store never issued or already evicted. */
  seqOf(requestId: string): number {
    if (requestId.length !== 36 || !requestId.startsWith(this.prefix)) return -1;
    const hex = requestId.slice(24);
    if (!/^[0-9a-f]{12}$/.test(hex)) return -1;
    const seq = Number.parseInt(hex, 16);
    return seq >= this.firstSeq && seq < this.nextSeq ? seq : -1;
  }

  add(record: NewRecord): string {
    const seq = this.nextSeq;
    const offset = seq % SEGMENT_SIZE;
    if (offset === 0) this.segments.push(new Segment());
    const segment = this.segments[this.segments.length - 1] as Segment;
    segment.sentAt[offset] = record.sentAt;
    segment.messageId[offset] = record.messageId;
    segment.plan[offset] = record.plan;
    segment.channel[offset] = CHANNEL_CODE[record.channel];
    segment.locator[offset] = record.locator;
    segment.externalRequestId[offset] = record.externalRequestId;
    this.nextSeq++;
    this.evictBeyondLimit();
    return this.requestIdOf(seq);
  }

  get(seq: number): RecordView {
    const segment = seq >= this.firstSeq && seq < this.nextSeq ? this.segmentOf(seq) : undefined;
    if (!segment) throw new RangeError(`no record ${seq}`);
    const offset = seq % SEGMENT_SIZE;
    return {
      seq,
      requestId: this.requestIdOf(seq),
      sentAt: segment.sentAt[offset] ?? 0,
      messageId: segment.messageId[offset] ?? 0,
      plan: (segment.plan[offset] ?? 0) as PlanCode,
      channel: segment.channel[offset] === CHANNEL_CODE.sms ? "sms" : "email",
      locator: segment.locator[offset] ?? "",
      externalRequestId: segment.externalRequestId[offset],
    };
  }

  sentAtOf(seq: number): number {
    return this.segmentOf(seq)?.sentAt[seq % SEGMENT_SIZE] ?? Number.NaN;
  }

  /**
   * First retained sequence number whose send time is >= `time`. Send times never decrease
   * (the simulated clock only moves forward), so this is a binary search.
   */
  firstSentAtOrAfter(time: number): number {
    let low = this.firstSeq;
    let high = this.nextSeq;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (this.sentAtOf(mid) < time) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Keeps at least `maxRecords` records, dropping whole segments (cheap, and memory comes back in
   * big pieces). `firstSeq` therefore stays a multiple of the segment size.
   */
  private evictBeyondLimit(): void {
    const limit = Math.max(SEGMENT_SIZE, this.maxRecords());
    while (this.size - SEGMENT_SIZE >= limit) {
      const segment = this.segments.shift();
      if (!segment) break;
      this.onEvict(segment.externalRequestId);
      this.firstSeq += SEGMENT_SIZE;
    }
  }

  private segmentOf(seq: number): Segment | undefined {
    return this.segments[Math.floor((seq - this.firstSeq) / SEGMENT_SIZE)];
  }
}

/**
 * What the simulator accepted, for tests and benchmarks to check exactly-once delivery:
 * counts, distinct externalRequestIds, and duplicates (an id accepted more than once).
 */
export class Ledger {
  sendCalls = 0;
  accepted = 0;
  rejected = 0;
  withoutExternalRequestId = 0;
  duplicates = 0;
  evicted = 0;
  readonly duplicateIds: string[] = [];
  /** externalRequestId → times accepted, insertion-ordered (retained records only). */
  readonly idCounts = new Map<string, number>();
  readonly byMessage = new Map<number, { accepted: number; rejected: number }>();

  static readonly MAX_DUPLICATE_IDS = 1000;

  private messageCounts(messageId: number): { accepted: number; rejected: number } {
    let counts = this.byMessage.get(messageId);
    if (!counts) {
      counts = { accepted: 0, rejected: 0 };
      this.byMessage.set(messageId, counts);
    }
    return counts;
  }

  recordAccepted(messageId: number, externalRequestId: string | undefined): void {
    this.accepted++;
    this.messageCounts(messageId).accepted++;
    if (externalRequestId === undefined) {
      this.withoutExternalRequestId++;
      return;
    }
    const seen = this.idCounts.get(externalRequestId) ?? 0;
    this.idCounts.set(externalRequestId, seen + 1);
    if (seen > 0) {
      this.duplicates++;
      if (this.duplicateIds.length < Ledger.MAX_DUPLICATE_IDS && seen === 1) this.duplicateIds.push(externalRequestId);
    }
  }

  recordRejected(messageId: number): void {
    this.rejected++;
    this.messageCounts(messageId).rejected++;
  }

  forget(externalRequestIds: (string | undefined)[]): void {
    for (const id of externalRequestIds) {
      this.evicted++;
      if (id === undefined) continue;
      const count = this.idCounts.get(id) ?? 0;
      if (count <= 1) this.idCounts.delete(id);
      else this.idCounts.set(id, count - 1);
    }
  }

  summary() {
    return {
      sendCalls: this.sendCalls,
      acceptedRecipients: this.accepted,
      rejectedRecipients: this.rejected,
      distinctExternalRequestIds: this.idCounts.size,
      withoutExternalRequestId: this.withoutExternalRequestId,
      duplicates: this.duplicates,
      duplicateIds: this.duplicateIds,
      duplicateIdsCapped: this.duplicateIds.length >= Ledger.MAX_DUPLICATE_IDS,
      evictedRecords: this.evicted,
      byMessage: Object.fromEntries(this.byMessage),
    };
  }
}
