import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

export const channelEnum = pgEnum("channel", ["email", "sms"]);
export type Channel = (typeof channelEnum.enumValues)[number];

/** A reference to a message (template) prepared in eSputnik: we store its id, never its content. */
export const esputnikMessages = pgTable(
  "esputnik_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    esputnikId: integer("esputnik_id").notNull(),
    channel: channelEnum("channel").notNull(),
    description: text("description").notNull().default(""),
    notes: text("notes").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("esputnik_messages_channel_id_uq").on(t.channel, t.esputnikId), index("esputnik_messages_name_idx").on(t.name)],
);
export type EsputnikMessage = typeof esputnikMessages.$inferSelect;

export const mailingStatusEnum = pgEnum("mailing_status", [
  "draft",
  "queued",
  "sending",
  "sent",
  "partially_sent",
  "failed",
  "cancelled",
]);
export type MailingStatus = (typeof mailingStatusEnum.enumValues)[number];

/**
 * Recipient ids come in blocks, one per mailing: a mailing's recipients are numbered from its
 * block's start, so the primary key alone serves both lookups by id (webhooks, settles) and the
 * walk through one mailing in id order (send engine, audience table) — no second (mailing, id)
 * index to write for every imported row, a sixth of a large import (`npm run bench:audience-costs`).
 * 2^28 ids per mailing (268 million, counting removed rows) and 2^25 mailings keep every id below
 * 2^53, a safe JavaScript integer.
 */
export const RECIPIENT_ID_BLOCK = 268_435_456;
export const recipientIdBlocks = pgSequence("mailing_recipient_id_blocks", { startWith: 1 });

export const mailings = pgTable(
  "mailings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The eSputnik group (segment) the audience is uploaded to before sending. */
    esputnikGroup: text("esputnik_group").notNull(),
    messageId: uuid("message_id").references(() => esputnikMessages.id, { onDelete: "restrict" }),
    /** Copied from the message when it is chosen; the audience's addresses depend on it. */
    channel: channelEnum("channel").notNull(),
    /** SMS sender (alpha name); empty = the sender set in the eSputnik message. */
    alphaName: text("alpha_name").notNull().default(""),
    status: mailingStatusEnum("status").notNull().default("draft"),
    /** Why the mailing failed (an i18n key) and the server's own words, when there are any. */
    failureCode: text("failure_code"),
    failureDetail: text("failure_detail"),
    notes: text("notes").notNull().default(""),
    parentId: uuid("parent_id").references((): AnyPgColumn => mailings.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sendRequestedBy: uuid("send_requested_by").references(() => users.id, { onDelete: "set null" }),
    sendRequestedAt: timestamp("send_requested_at", { withTimezone: true }),
    /** When the first recipient was handed to eSputnik. */
    sentAt: timestamp("sent_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Contact upload progress: recipients with id ≤ cursor are in the eSputnik group. */
    uploadCursor: bigint("upload_cursor", { mode: "number" }).notNull().default(0),
    statusCheckedAt: timestamp("status_checked_at", { withTimezone: true }),
    /**
     * The send run holding the mailing, and until when (database time). One runner per mailing at
     * a time: only the holder may claim recipients, so only it may recover batches a dead runner left.
     */
    sendLeaseOwner: text("send_lease_owner"),
    sendLeaseExpiresAt: timestamp("send_lease_expires_at", { withTimezone: true }),
    /**
     * Send runs in a row that ended in an unexpected error (a bug, the database gone): after a few
     * the mailing fails with a reason instead of being resumed forever. Reset by a finished run or
     * a new Send.
     */
    sendErrorRuns: integer("send_error_runs").notNull().default(0),
    /** When the periodic status check is next due; null while there is nothing left to check. */
    nextStatusPollAt: timestamp("next_status_poll_at", { withTimezone: true }),
    /** The mailing's block of recipient ids (RECIPIENT_ID_BLOCK): ids are ≥ from and < from + span. */
    recipientIdFrom: bigint("recipient_id_from", { mode: "number" })
      .notNull()
      .default(sql`nextval('mailing_recipient_id_blocks') * 268435456`),
    recipientIdSpan: bigint("recipient_id_span", { mode: "number" }).notNull().default(RECIPIENT_ID_BLOCK),
    /** How many ids of the block are taken: the next recipient is from + used + 1. Never goes down. */
    recipientIdsUsed: bigint("recipient_ids_used", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    index("mailings_status_idx").on(t.status),
    index("mailings_next_status_poll_idx").on(t.nextStatusPollAt),
    index("mailings_created_at_idx").on(t.createdAt),
    index("mailings_sent_at_idx").on(t.sentAt),
    index("mailings_created_by_idx").on(t.createdBy),
    index("mailings_parent_idx").on(t.parentId),
    uniqueIndex("mailings_recipient_id_from_uq").on(t.recipientIdFrom),
    check("mailings_recipient_ids_fit", sql`${t.recipientIdsUsed} < ${t.recipientIdSpan}`),
    // Ids are read as JavaScript numbers: a block past 2^53 fails loudly instead of rounding them.
    check("mailings_recipient_ids_safe", sql`${t.recipientIdFrom} + ${t.recipientIdSpan} <= 9007199254740992`),
  ],
);
export type Mailing = typeof mailings.$inferSelect;

/**
 * Where each recipient stands in sending. The send engine moves a recipient
 *   pending → sending (claimed in a batch, before its call leaves)
 *           → accepted (eSputnik queued it: request id stored) | rejected (per-recipient ERROR)
 *           → in_doubt (the call may have reached eSputnik but its answer was lost: never resent automatically)
 * `excluded` recipients cannot receive this channel and are kept, with their reason, for the pre-flight summary.
 */
export const recipientStateEnum = pgEnum("recipient_state", ["pending", "excluded", "sending", "accepted", "rejected", "in_doubt"]);
export type RecipientState = (typeof recipientStateEnum.enumValues)[number];

/**
 * Why a recipient is kept out. `duplicate_address`: the send engine found the address already
 * taken by another recipient of the mailing (mailingSendAddresses) — the import adds each address
 * once, so this is a last line of defence, never expected.
 */
export const exclusionReasonEnum = pgEnum("exclusion_reason", ["no_email", "no_phone", "do_not_email", "do_not_sms", "email_invalid", "duplicate_address"]);
export type ExclusionReason = (typeof exclusionReasonEnum.enumValues)[number];

export const mailingRecipients = pgTable(
  "mailing_recipients",
  {
    /**
     * Also the `externalRequestId` sent to eSputnik: it ties eSputnik's records back to this row.
     * Taken from the mailing's block (mailings.recipient_id_from), by the import
     * (db/queries/audience.ts insertAudience); recipientsOfMailing is the range.
     */
    id: bigint("id", { mode: "number" }).primaryKey(),
    /**
     * No foreign key, on purpose: its per-row check was a sixth of the cost of importing an
     * audience (one INSERT … SELECT of up to a million rows). Every insert runs in a transaction
     * that holds the mailing's row lock (lib/mailings/audience.ts), and deleting a mailing deletes
     * its recipients in the same transaction (db/queries/mailings.ts deleteMailingRow).
     */
    mailingId: uuid("mailing_id").notNull(),
    /** The contact it came from; the name and addresses below are a snapshot taken at import. */
    contactId: uuid("contact_id"),
    fullName: text("full_name").notNull().default(""),
    email: text("email"),
    phone: text("phone"),
    language: text("language"),
    /** The address for this mailing's channel (email or E.164 phone); null when there is none. */
    locator: text("locator"),
    state: recipientStateEnum("state").notNull().default("pending"),
    exclusionReason: exclusionReasonEnum("exclusion_reason"),
    batchId: uuid("batch_id"),
    requestId: text("request_id"),
    rejectReason: text("reject_reason"),
    /** Latest eSputnik status (IN_QUEUE, DELIVERED, READ, …) and when it was seen. */
    esputnikStatus: text("esputnik_status"),
    /** Rank of esputnikStatus (lib/sending/responses.ts): a status with a lower rank never overwrites it. */
    statusRank: smallint("status_rank").notNull().default(0),
    statusAt: timestamp("status_at", { withTimezone: true }),
    delivered: boolean("delivered").notNull().default(false),
    failed: boolean("failed").notNull().default(false),
    /** A final status was reached: no more checks needed. */
    done: boolean("done").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The same contact and the same address are added once per mailing: checked by the import under
    // the mailing's lock (db/queries/audience.ts insertAudience), not by unique indexes, which cost
    // half of a large import (`npm run bench:audience-costs`). That nobody is sent to twice is
    // enforced where sending happens, by mailing_send_addresses' primary key.
    // Few indexes, each earning its keep: every recipient row is inserted once and written two or
    // three times by the send engine (claim, settle, statuses). A write that changes no indexed
    // column is a HOT update — no index entry at all — so neither the state, nor the batch, nor
    // the statuses are indexed: the engine walks a mailing's rows in id order (it claims them in
    // that order) through the primary key, as a mailing's ids are one range, and counts come from mailing_recipient_tallies. The table keeps free room on
    // each page for those updates (fillfactor, migration 0012). The request id is indexed for the
    // webhooks that name only it; partial, it skips rows not yet sent (all of them, at import).
    uniqueIndex("mailing_recipients_request_uq").on(t.requestId).where(sql`${t.requestId} is not null`),
  ],
);
export type MailingRecipient = typeof mailingRecipients.$inferSelect;

/**
 * How many recipients each mailing has per combination of the columns its counts are read from
 * (the response — lib/mailings/responses.ts —, the exclusion reason, done), kept as signed
 * deltas. Statement-level triggers on mailing_recipients (migration 0007) append one row per
 * combination a statement changed, in the statement's own transaction, so a count can never
 * drift from the rows it counts, whichever code wrote them; appending (never updating a shared
 * counter) means concurrent senders never wait on one another. A count is `sum(n)`; compaction
 * (db/queries/tallies.ts) folds a mailing's deltas into one row per combination now and then.
 * This is what answers the summaries, the pre-flight and the dashboards at a million recipients.
 */
export const mailingRecipientTallies = pgTable(
  "mailing_recipient_tallies",
  {
    mailingId: uuid("mailing_id").notNull(),
    state: recipientStateEnum("state").notNull(),
    exclusionReason: exclusionReasonEnum("exclusion_reason"),
    esputnikStatus: text("esputnik_status"),
    failed: boolean("failed").notNull(),
    delivered: boolean("delivered").notNull(),
    done: boolean("done").notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [index("mailing_recipient_tallies_mailing_idx").on(t.mailingId)],
);

/**
 * Every address a mailing has taken into a batch, and the recipient that took it: written by the
 * claim (db/queries/sending.ts claimRecipients) in the statement that moves recipients to
 * `sending`. The primary key is the database's guarantee that a mailing never sends to one address
 * twice, whatever wrote its recipient rows: a second recipient with a taken address is excluded
 * (`duplicate_address`) instead of claimed. Written at send time, batch by batch, it costs the
 * import nothing.
 */
export const mailingSendAddresses = pgTable(
  "mailing_send_addresses",
  {
    mailingId: uuid("mailing_id")
      .notNull()
      .references(() => mailings.id, { onDelete: "cascade" }),
    locator: text("locator").notNull(),
    recipientId: bigint("recipient_id", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.mailingId, t.locator] })],
);

export const batchKindEnum = pgEnum("send_batch_kind", ["contacts_upload", "smartsend"]);
/**
 * One eSputnik call of the send engine. `in_flight` is written *before* the request leaves: a batch
 * found in that state after a crash may have reached eSputnik, so its recipients become in doubt.
 */
export const batchStateEnum = pgEnum("send_batch_state", ["claimed", "in_flight", "settled", "in_doubt", "released"]);

export const sendBatches = pgTable(
  "send_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mailingId: uuid("mailing_id")
      .notNull()
      .references(() => mailings.id, { onDelete: "cascade" }),
    kind: batchKindEnum("kind").notNull(),
    state: batchStateEnum("state").notNull().default("claimed"),
    size: integer("size").notNull(),
    worker: text("worker").notNull(),
    error: text("error"),
    /** contacts_upload: eSputnik's asyncSessionId, polled until the import finishes. */
    importSessionId: text("import_session_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [index("send_batches_mailing_state_idx").on(t.mailingId, t.state)],
);

export const mailingEventKindEnum = pgEnum("mailing_event_kind", [
  "created",
  "comment",
  "audience_imported",
  "audience_removed",
  "send_requested",
  "sending_started",
  "sent",
  "failed",
  "cancelled",
  "status_updated",
  "follow_up_created",
  "in_doubt_resolved",
  "file_attached",
  "file_deleted",
]);

/** The mailing's feed: users' comments and what happened to it, in time order. */
export const mailingEvents = pgTable(
  "mailing_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    mailingId: uuid("mailing_id")
      .notNull()
      .references(() => mailings.id, { onDelete: "cascade" }),
    kind: mailingEventKindEnum("kind").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    text: text("text").notNull().default(""),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mailing_events_mailing_idx").on(t.mailingId, t.createdAt)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const mailingFiles = pgTable(
  "mailing_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mailingId: uuid("mailing_id")
      .notNull()
      .references(() => mailings.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    content: bytea("content").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mailing_files_mailing_idx").on(t.mailingId)],
);
