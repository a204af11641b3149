import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import type { ContactFilter } from "../../lib/contacts/filter";
import type { ImportMapping, RowProblem } from "../../lib/contacts/import-types";

/** The company a contact works for. Names are unique case-insensitively (import finds them by name). */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("accounts_name_lower_uq").on(sql`lower(${t.name})`)],
);
export type Account = typeof accounts.$inferSelect;

/**
 * What the table's search looks in, lower-cased in one column so that a single trigram index
 * (pg_trgm, GIN) answers "contains" searches on a million rows. Phones are E.164, so typing the
 * national form "067 123" still matches: "+380671234567" contains "0671234567".
 */
const searchTextExpression = (t: { fullName: AnyPgColumn; email: AnyPgColumn; mobilePhone: AnyPgColumn; workPhone: AnyPgColumn }): SQL =>
  sql`lower(${t.fullName}) || ' ' || coalesce(${t.email}, '') || ' ' || coalesce(${t.mobilePhone}, '') || ' ' || coalesce(${t.workPhone}, '')`;

export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fullName: text("full_name").notNull(),
    jobTitle: text("job_title"),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    /** Trimmed and lower-cased (lib/contacts/normalise.ts); unique, so it is also the dedupe key. */
    email: text("email").unique("contacts_email_uq"),
    /** The address bounced or is known to be dead: mailings skip it. */
    emailInvalid: boolean("email_invalid").notNull().default(false),
    /** E.164 ("+380671234567"); unique, the second dedupe key. */
    mobilePhone: text("mobile_phone").unique("contacts_mobile_phone_uq"),
    workPhone: text("work_phone"),
    /** The language mailings are written in for this contact: "uk" | "en" | "ru". */
    language: text("language"),
    doNotUseEmail: boolean("do_not_use_email").notNull().default(false),
    doNotUseSms: boolean("do_not_use_sms").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs((): SQL => searchTextExpression(contacts)),
    /**
     * The CSV import that created the contact, and its row in the file: a later row of the same file
     * with the same email or phone is reported as "repeats row N" rather than "already in the base".
     * No foreign key: imports are never deleted, and a key check on every imported row would slow
     * the import for nothing.
     */
    importId: uuid("import_id"),
    importRowNumber: integer("import_row_number"),
  },
  (t) => [
    // Sort columns carry the id so that a page boundary is stable and keyset export can resume.
    index("contacts_created_at_idx").on(t.createdAt, t.id),
    index("contacts_full_name_idx").on(t.fullName, t.id),
    index("contacts_job_title_idx").on(t.jobTitle, t.id),
    // The unique constraint's index alone cannot order the rows without an email by id.
    index("contacts_email_idx").on(t.email, t.id),
    index("contacts_account_idx").on(t.accountId),
    index("contacts_search_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
  ],
);
export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;

export const contactGroupKindEnum = pgEnum("contact_group_kind", ["static", "dynamic"]);
export type ContactGroupKind = (typeof contactGroupKindEnum.enumValues)[number];

/**
 * A group of contacts to send to. Static groups list their members (contact_group_members);
 * dynamic groups are a saved filter evaluated at the moment they are used.
 */
export const contactGroups = pgTable(
  "contact_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: contactGroupKindEnum("kind").notNull(),
    filter: jsonb("filter").$type<ContactFilter>(),
    /** An optional folder name the groups list is arranged by ("Всі" → folder → group). */
    folder: text("folder"),
    isFavourite: boolean("is_favourite").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contact_groups_name_lower_uq").on(sql`lower(${t.name})`),
    check("contact_groups_filter_iff_dynamic", sql`(${t.kind} = 'dynamic') = (${t.filter} is not null)`),
  ],
);
export type ContactGroup = typeof contactGroups.$inferSelect;

export const contactGroupMembers = pgTable(
  "contact_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => contactGroups.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.contactId] }), index("contact_group_members_contact_idx").on(t.contactId)],
);

/**
 * uploading: the browser is sending the file's rows (contact_import_chunks); running: a background
 * job (pg-boss, lib/jobs) imports them; done / failed: finished.
 */
export const contactImportStatusEnum = pgEnum("contact_import_status", ["uploading", "running", "done", "failed"]);
export type ContactImportStatus = (typeof contactImportStatusEnum.enumValues)[number];

/**
 * One CSV import. The background job imports the uploaded rows in batches; each batch commits
 * together with the counters here, so `lastRowNumber` is exactly how far the import got (and where
 * a job killed midway resumes).
 */
export const contactImports = pgTable("contact_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileName: text("file_name").notNull(),
  // The default cannot be "uploading": a new enum value is unusable in the migration that adds it.
  status: contactImportStatusEnum("status").notNull().default("running"),
  mapping: jsonb("mapping").$type<ImportMapping>().notNull(),
  /** Imported contacts are also added to this static group, when one was chosen. */
  groupId: uuid("group_id").references(() => contactGroups.id, { onDelete: "set null" }),
  /** Data rows in the file (blank lines not counted). */
  totalRows: integer("total_rows").notNull(),
  /** The file row number of the last row processed; a batch starting at or before it is a repeat. */
  lastRowNumber: integer("last_row_number").notNull().default(0),
  processedRows: integer("processed_rows").notNull().default(0),
  insertedRows: integer("inserted_rows").notNull().default(0),
  rejectedRows: integer("rejected_rows").notNull().default(0),
  /**
   * Job runs in a row that ended in an error (a batch that cannot be written, the database gone…),
   * and the last error, for the log reader: the page says only that attempts fail. A batch that
   * commits resets both; after MAX_FAILED_RUNS (lib/contacts/import-contacts.ts) the import stops.
   */
  failedRuns: integer("failed_runs").notNull().default(0),
  lastError: text("last_error"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});
export type ContactImport = typeof contactImports.$inferSelect;

/** One row of a file as uploaded: its number as a spreadsheet shows it (the header is row 1), and its cells. */
export type ImportFileRow = { row: number; cells: string[] };

/**
 * A file's rows waiting to be imported, as the browser uploaded them: one chunk per upload
 * request, stored as one JSON value (one row per chunk, not per file row: storing, reading and
 * deleting them costs next to nothing beside the import itself). The import no longer depends on
 * the tab staying open. A chunk is deleted in the batch that imports its last row.
 */
export const contactImportChunks = pgTable(
  "contact_import_chunks",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => contactImports.id, { onDelete: "cascade" }),
    firstRowNumber: integer("first_row_number").notNull(),
    lastRowNumber: integer("last_row_number").notNull(),
    rowCount: integer("row_count").notNull(),
    /** In file order. */
    rows: jsonb("rows").$type<ImportFileRow[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.firstRowNumber] })],
);

/** Every row an import refused, with the reasons (i18n keys) and the row as it was in the file. */
export const contactImportRejections = pgTable(
  "contact_import_rejections",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => contactImports.id, { onDelete: "cascade" }),
    /** The line number as a spreadsheet shows it: the header is row 1. */
    rowNumber: integer("row_number").notNull(),
    problems: jsonb("problems").$type<RowProblem[]>().notNull(),
    cells: jsonb("cells").$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);
export type ContactImportRejection = typeof contactImportRejections.$inferSelect;
