/**
 * Public types of the eSputnik client. Field names follow the API exactly
 * (see /work/shared/esputnik-api.md); values are already normalised by the schemas:
 * numbers are numbers, booleans are booleans and lists are arrays even when the API sent
 * a single object or strings.
 */
import type { MessageStatusValue } from "./statuses";

export interface Page<T> {
  items: T[];
  /** From the `TotalCount` response header; falls back to `items.length` when the header is missing. */
  total: number;
}

export interface PageQuery {
  /** Part of the name or a tag. */
  search?: string;
  /** 1-based index of the first item. Default 1. */
  startindex?: number;
  /** At most 500 (the API's maximum). Default 500. */
  maxrows?: number;
}

export interface AccountInfo {
  userEmail: string;
  organisationName: string;
  /** UNKNOWN(§8.12): mentioned by one FAQ page only, absent in the spec; read when present. */
  organisationId?: number;
}

export interface SenderReservedBalance {
  senderId?: number;
  senderName?: string;
  balance?: number;
}

export interface Balance {
  currentBalance: number;
  creditLimit: number;
  /** ISO 4217, e.g. "UAH". */
  currency: string;
  bonusEmails: number;
  bonusSmses: number;
  /** Media type → reserved balances per sender. */
  sendersReservedBalances?: Record<string, SenderReservedBalance[]>;
}

interface MessageBase {
  id: number;
  name: string;
  languageCode?: string;
  tags: string[];
  subscriptionsKeys: string[];
  languages: string[];
}

export interface EmailMessage extends MessageBase {
  /** `"Name" <address@host>` */
  from?: string;
  subject?: string;
  htmlText?: string;
  rawHtml?: string;
  ampHtml?: string;
  css?: string;
  translations: Omit<EmailMessage, "translations">[];
}

export interface SmsMessage extends MessageBase {
  /** The alpha name (SMS sender id). */
  from?: string;
  text?: string;
  trackUrls?: boolean;
  translations: Omit<SmsMessage, "translations">[];
}

/** An approved SMS sender name from `GET /v1/interfaces/sms`. */
export interface SmsInterface {
  type: string;
  value: string;
}

export interface SmartsendRecipient {
  /** Email address for email messages; phone number (digits, optional leading +) for SMS. */
  locator: string;
  contactId?: number;
  externalCustomerId?: string;
  /**
   * Personalisation. The API wants a string holding serialized JSON; an object passed here is
   * serialized by the client.
   */
  jsonParam?: string | Record<string, unknown> | null;
  /** Your id for this recipient's message; echoed back on the result and in contact activity. */
  externalRequestId?: string;
  languageCode?: string;
}

export interface SmartsendRequest {
  recipients: SmartsendRecipient[];
  /** true for an email message, false for every other channel. UNKNOWN(§8.5): the API default is unknown, so it is required here. */
  email: boolean;
  /** Email: display name only. SMS: the alpha name; the message's own sender when omitted. */
  fromName?: string;
}

export interface SmartsendResult {
  locator: string;
  /** OK = queued; ERROR = could not be queued (see `message`). */
  status: "OK" | "ERROR";
  /** Present when status is OK; use it with `messageStatus`. */
  requestId?: string;
  message?: string;
  /** Copied from the matching recipient of the request (the API does not echo it). */
  externalRequestId?: string;
}

export interface MessageStatus {
  requestId: string;
  status: MessageStatusValue;
  delivered: boolean;
  failed: boolean;
}

export type ChannelType =
  | "email"
  | "sms"
  | "viber"
  | "mobilepush"
  | "webpush"
  | "appinbox"
  | "widget"
  | "inapp"
  | (string & {});

export interface ContactChannel {
  type: ChannelType;
  value: string;
}

export interface Contact {
  id?: number;
  externalCustomerId?: string;
  contactKey?: string;
  firstName?: string;
  lastName?: string;
  channels: ContactChannel[];
  languageCode?: string;
  timeZone?: string;
  address?: { region?: string; town?: string; address?: string; postcode?: string };
  fields?: { id: number; value: string }[];
}

export type DedupeOn = "email" | "sms" | "push" | "email_or_sms" | "id" | "externalCustomerId" | "fieldId";

export interface ContactsUpsertRequest {
  /** At most 3,000 contacts per call. */
  contacts: Contact[];
  dedupeOn: DedupeOn;
  fieldId?: number;
  contactFields?: string[];
  customFieldsIDs?: number[];
  groupNames?: string[];
  groupNamesExclude?: string[];
  restoreDeleted?: boolean;
  eventKeyForNewContacts?: string;
}

export interface FailedContact {
  /** Whatever the API echoes back of the contact, plus the reason. */
  contact: Record<string, unknown>;
  error: string;
}

export interface ContactsUpsertResult {
  asyncSessionId: string;
  failedContacts: FailedContact[];
  errorMessage?: string;
}

export type ImportState = "STARTED" | "IMPORTING" | "FINISHED" | "ERROR" | (string & {});

export interface ImportStatus {
  status: ImportState;
  timestamp?: string;
  description?: string;
  mapping: { dedupeValue: string; contactId: number }[];
}

export interface Group {
  id: number;
  name: string;
  type: "Static" | "Dynamic" | "Combined" | (string & {});
}

export interface GroupQuery {
  name?: string;
  startindex?: number;
  maxrows?: number;
}

export interface ContactActivityQuery {
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss]`, or a Date (sent as UTC `YYYY-MM-DDTHH:mm:ss`). */
  dateFrom: string | Date;
  dateTo: string | Date;
  email?: string;
  sms?: string;
  messageTag?: string;
  activityStatus?: string;
  /** Opaque cursor: the `offset` of the last item of the previous page. */
  offset?: string;
  maxrows?: number;
}

export interface ContactActivity {
  activityStatus: string;
  activityDateTime: string;
  /** Instance id. UNKNOWN(§8.7): whether it equals the send's requestId (the simulator makes it so). */
  iid?: string;
  externalRequestId?: string;
  contactId?: number;
  externalCustomerId?: string;
  email?: string;
  sms?: string;
  mediaType?: string;
  messageId?: number;
  messageInstanceId?: number;
  messageName?: string;
  messageTag?: string;
  statusDescription?: string;
  broadcastId?: string;
  offset?: string;
}

export interface ActivityPage {
  items: ContactActivity[];
  /** Pass as `offset` to read the next page; undefined when this page was the last one. */
  nextOffset?: string;
}
