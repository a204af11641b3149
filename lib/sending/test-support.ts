/**
 * Test support for the send engine (imported by tests and benchmarks only): a mailing with a
 * generated audience, a context wired to an eSputnik simulator, and a job port that records.
 */
import { sql } from "drizzle-orm";
import type { Channel } from "@/db/schema";
import { esputnikMessages, mailings, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { executeRows } from "@/db/execute";
import { createEsputnikClient, type EsputnikClient, type EsputnikClientOptions } from "@/lib/esputnik/client";
import { defaultSendingConfig, systemClock, type SendingConfig, type SendingContext, type SendingJobs, type SendingLogger } from "./context";
import { recipientsOfMailing, takeRecipientIds } from "@/db/queries/recipient-ids";

export const SIM_API_KEY = "demo-esputnik-key";
/** Seeded in the simulator: 293 is an email message, 290 an SMS one (sender PROMO). */
export const SIM_MESSAGES = { email: 293, sms: 290 } as const;

export const quietLogger: SendingLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Small batches and short waits: many batches from few recipients, and fast tests. */
export const testConfig: SendingConfig = {
  ...defaultSendingConfig,
  concurrency: 3,
  smartsendBatchSize: 20,
  uploadBatchSize: 50,
  statusBatchSize: 30,
  // Long enough never to lapse on a loaded CI machine; tests that need an expired lease expire it by hand.
  leaseSeconds: 30,
  importFirstPollMs: 0,
  importPollMs: 1,
  importTimeoutMs: 5_000,
  backoffBaseMs: 5,
  backoffMaxMs: 20,
  giveUpAfterMs: 2_000,
};

export type RecordedJobs = SendingJobs & { calls: { kind: "send" | "status" | "reconcile"; mailingId: string; data?: unknown }[] };

export function recordingJobs(): RecordedJobs {
  const calls: RecordedJobs["calls"] = [];
  return {
    calls,
    enqueueSend: async (mailingId) => void calls.push({ kind: "send", mailingId }),
    enqueueStatusUpdate: async (mailingId, data) => void calls.push({ kind: "status", mailingId, data }),
    enqueueReconcile: async (mailingId, data) => void calls.push({ kind: "reconcile", mailingId, data }),
  };
}

export function simClient(url: string, options: Partial<EsputnikClientOptions> = {}): EsputnikClient {
  return createEsputnikClient({
    baseUrl: url,
    login: "test",
    password: SIM_API_KEY,
    timeoutMs: 2_000,
    rateLimit: false,
    retry: { attempts: 4, baseDelayMs: 2, maxDelayMs: 10 },
    ...options,
  });
}

export function testContext(
  db: Db,
  client: EsputnikClient | (() => Promise<EsputnikClient>),
  overrides: Partial<Omit<SendingContext, "config">> & { config?: Partial<SendingConfig> } = {},
): SendingContext & { jobs: RecordedJobs } {
  const { config, ...rest } = overrides;
  return {
    db,
    clock: systemClock,
    esputnik: typeof client === "function" ? client : async () => client,
    logger: quietLogger,
    workerId: "test-worker",
    ...rest,
    jobs: (rest.jobs as RecordedJobs | undefined) ?? recordingJobs(),
    config: { ...testConfig, ...config },
  };
}

export async function createUser(db: Db, email = `manager-${Math.random().toString(36).slice(2)}@test.local`): Promise<string> {
  const [user] = await db.insert(users).values({ email, name: "Manager", role: "manager", passwordHash: "x" }).returning({ id: users.id });
  return user!.id;
}

export interface SeedOptions {
  channel?: Channel;
  recipients: number;
  /**
   * Locator of recipient i (1-based). Default: unique addresses on example.com, or phones ending
   * in 7 (the simulator's magic endings 0000–0005 and 0009 decide outcomes; these never match).
   */
  locator?: (i: number) => string;
  excluded?: number;
  alphaName?: string;
  esputnikMessageId?: number;
  status?: "draft" | "queued";
}

/** A mailing with a generated audience, inserted set-based (INSERT … SELECT generate_series). */
export async function seedMailing(db: Db, options: SeedOptions): Promise<{ mailingId: string; messageId: string }> {
  const channel = options.channel ?? "email";
  const esputnikId = options.esputnikMessageId ?? SIM_MESSAGES[channel];
  const [message] = await db
    .insert(esputnikMessages)
    .values({ name: `Message ${esputnikId}`, esputnikId, channel })
    .onConflictDoUpdate({ target: [esputnikMessages.channel, esputnikMessages.esputnikId], set: { name: sql`excluded.name` } })
    .returning({ id: esputnikMessages.id });
  const [mailing] = await db
    .insert(mailings)
    .values({
      name: `Mailing ${Math.random().toString(36).slice(2, 8)}`,
      esputnikGroup: "Test group",
      messageId: message!.id,
      channel,
      alphaName: options.alphaName ?? "",
      status: options.status ?? "draft",
    })
    .returning({ id: mailings.id });
  const mailingId = mailing!.id;
  await insertAudience(db, { mailingId, channel, count: options.recipients, locator: options.locator });
  if (options.excluded) {
    const first = await takeRecipientIds(db, { mailingId, count: options.excluded });
    await db.execute(sql`insert into mailing_recipients (id, mailing_id, full_name, state, exclusion_reason)
      select ${first - 1}::bigint + g, ${mailingId}::uuid, 'Excluded ' || g, 'excluded', ${channel === "email" ? "no_email" : "no_phone"}::exclusion_reason
      from generate_series(1, ${options.excluded}) g`);
  }
  return { mailingId, messageId: message!.id };
}

async function insertAudience(db: Db, q: { mailingId: string; channel: Channel; count: number; locator?: (i: number) => string }): Promise<void> {
  if (q.count === 0) return;
  const first = await takeRecipientIds(db, { mailingId: q.mailingId, count: q.count });
  if (q.locator) {
    const locators = Array.from({ length: q.count }, (_, i) => q.locator!(i + 1));
    await db.execute(sql`insert into mailing_recipients (id, mailing_id, full_name, email, phone, locator)
      select ${first - 1}::bigint + l.n, ${q.mailingId}::uuid, 'Person ' || l.n, case when ${q.channel} = 'email' then l.v end, case when ${q.channel} = 'sms' then l.v end, l.v
      from json_array_elements_text(${JSON.stringify(locators)}::json) with ordinality as l(v, n)`);
    return;
  }
  const locator = q.channel === "email" ? sql`'r' || g || '-' || ${q.mailingId.slice(0, 8)} || '@example.com'` : sql`'+38067' || lpad((g * 10 + 7)::text, 7, '0')`;
  await db.execute(sql`insert into mailing_recipients (id, mailing_id, full_name, email, phone, locator)
    select ${first - 1}::bigint + g, ${q.mailingId}::uuid, 'Person ' || g,
      case when ${q.channel} = 'email' then ${locator} end,
      case when ${q.channel} = 'sms' then ${locator} end,
      ${locator}
    from generate_series(1, ${q.count}) g`);
}

/** Recipient ids by state, for ledger comparisons. */
export async function recipientIdsByState(db: Db, mailingId: string): Promise<Record<string, number[]>> {
  const rows = await executeRows<{ id: unknown; state: string }>(
    db,
    sql`select id, state from mailing_recipients where ${recipientsOfMailing(mailingId)} order by id`,
  );
  const out: Record<string, number[]> = {};
  for (const row of rows) (out[row.state] ??= []).push(Number(row.id));
  return out;
}
