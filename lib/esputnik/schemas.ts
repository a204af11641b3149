/**
 * Response schemas. The backend is Java with JAXB-style JSON mapping, so every schema here
 * tolerates its quirks (see /work/shared/esputnik-api.md §2):
 * - a one-element list may arrive as the bare object, an empty one as null or not at all;
 * - numbers and booleans may arrive as strings ("0.0", "2500", "true") — UNKNOWN(§8.11): which
 *   endpoints still do this, so every field is coerced;
 * - optional fields may be null.
 * Each schema's output type is checked against the public types in ./types.
 */
import { z } from "zod";
import type {
  AccountInfo,
  Balance,
  ContactActivity,
  ContactsUpsertResult,
  EmailMessage,
  Group,
  ImportStatus,
  MessageStatus,
  SmsInterface,
  SmsMessage,
} from "./types";

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A number, or a string holding one. */
export const num = z.preprocess((v) => (typeof v === "string" && NUMERIC.test(v) ? Number(v) : v), z.number());

/** An integer, or a string holding one. */
export const int = z.preprocess((v) => (typeof v === "string" && NUMERIC.test(v) ? Number(v) : v), z.number().int());

/** A boolean, or "true"/"false" in any case. */
export const bool = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const lower = v.trim().toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : v;
}, z.boolean());

/** A string; ids sometimes arrive as numbers. */
export const str = z.preprocess((v) => (typeof v === "number" || typeof v === "boolean" ? String(v) : v), z.string());

/** Optional field that may also be null. */
export function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);
}

/** A list that may arrive as an array, a single object (one element), or null/absent (empty). */
export function list<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

export const accountInfoSchema = z.object({
  userEmail: str,
  organisationName: str,
  organisationId: opt(int),
}) satisfies z.ZodType<AccountInfo>;

const reservedBalanceSchema = z.object({
  senderId: opt(int),
  senderName: opt(str),
  balance: opt(num),
});

export const balanceSchema = z.object({
  currentBalance: num,
  creditLimit: opt(num).transform((v) => v ?? 0),
  currency: str,
  bonusEmails: opt(int).transform((v) => v ?? 0),
  bonusSmses: opt(int).transform((v) => v ?? 0),
  sendersReservedBalances: opt(z.record(z.string(), list(reservedBalanceSchema))),
}) satisfies z.ZodType<Balance>;

const messageBaseShape = {
  id: int,
  name: opt(str).transform((v) => v ?? ""),
  languageCode: opt(str),
  tags: list(str),
  subscriptionsKeys: list(str),
  languages: list(str),
};

const emailTranslationSchema = z.object({
  ...messageBaseShape,
  from: opt(str),
  subject: opt(str),
  htmlText: opt(str),
  rawHtml: opt(str),
  ampHtml: opt(str),
  css: opt(str),
});

export const emailMessageSchema = emailTranslationSchema.extend({
  translations: list(emailTranslationSchema),
}) satisfies z.ZodType<EmailMessage>;

const smsTranslationSchema = z.object({
  ...messageBaseShape,
  from: opt(str),
  text: opt(str),
  trackUrls: opt(bool),
});

export const smsMessageSchema = smsTranslationSchema.extend({
  translations: list(smsTranslationSchema),
}) satisfies z.ZodType<SmsMessage>;

export const smsInterfacesSchema = list(z.object({ type: str, value: str })) satisfies z.ZodType<SmsInterface[]>;

/** The spec wraps some responses in an array where real clients read `{results}`: accept both. */
function resultsEnvelope<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (Array.isArray(v) ? { results: v } : v == null || v === "" ? { results: [] } : v),
    z.object({ results: list(item) }),
  );
}

export const smartsendResultItemSchema = z.object({
  locator: opt(str).transform((v) => v ?? ""),
  status: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(["OK", "ERROR"])),
  requestId: opt(str),
  message: opt(str),
});

export const smartsendResponseSchema = resultsEnvelope(smartsendResultItemSchema);

export const messageStatusSchema = z.object({
  requestId: str,
  status: str,
  delivered: opt(bool).transform((v) => v ?? false),
  failed: opt(bool).transform((v) => v ?? false),
}) satisfies z.ZodType<MessageStatus>;

export const messageStatusResponseSchema = resultsEnvelope(messageStatusSchema);

const failedContactSchema = z
  .looseObject({ error: opt(str).transform((v) => v ?? "") })
  .transform(({ error, ...contact }) => ({ contact, error }));

export const contactsUpsertResultSchema = z.object({
  asyncSessionId: str,
  failedContacts: list(failedContactSchema),
  errorMessage: opt(str),
}) satisfies z.ZodType<ContactsUpsertResult>;

export const importStatusSchema = z.object({
  status: str,
  timestamp: opt(str),
  description: opt(str),
  mapping: list(z.object({ dedupeValue: str, contactId: int })),
}) satisfies z.ZodType<ImportStatus>;

export const groupSchema = z.object({ id: int, name: str, type: str }) satisfies z.ZodType<Group>;

export const contactActivitySchema = z.object({
  activityStatus: str,
  activityDateTime: str,
  iid: opt(str),
  externalRequestId: opt(str),
  contactId: opt(int),
  externalCustomerId: opt(str),
  email: opt(str),
  sms: opt(str),
  mediaType: opt(str),
  messageId: opt(int),
  messageInstanceId: opt(int),
  messageName: opt(str),
  messageTag: opt(str),
  statusDescription: opt(str),
  broadcastId: opt(str),
  offset: opt(str),
}) satisfies z.ZodType<ContactActivity>;
