/**
 * Typed eSputnik (Yespo) REST client. Framework-free; credentials come from the caller.
 * Endpoint facts and their sources: /work/shared/esputnik-api.md.
 */
import type { z } from "zod";
import { EsputnikError } from "./errors";
import { basicAuthorization, parseBody, send, totalCountHeader, type ApiRequest, type Transport } from "./http";
import {
  createEsputnikLimiter,
  realClock,
  sharedEsputnikLimiter,
  unlimited,
  type Clock,
  type EsputnikLimiter,
  type EsputnikLimiterOptions,
} from "./limiter";
import { resolveRetryOptions, type RetryOptions } from "./retry";
import {
  accountInfoSchema,
  balanceSchema,
  contactActivitySchema,
  contactsUpsertResultSchema,
  emailMessageSchema,
  groupSchema,
  importStatusSchema,
  list,
  messageStatusResponseSchema,
  smartsendResponseSchema,
  smsInterfacesSchema,
  smsMessageSchema,
} from "./schemas";
import type {
  AccountInfo,
  ActivityPage,
  Balance,
  ContactActivity,
  ContactActivityQuery,
  ContactsUpsertRequest,
  ContactsUpsertResult,
  EmailMessage,
  Group,
  GroupQuery,
  ImportStatus,
  MessageStatus,
  Page,
  PageQuery,
  SmartsendRecipient,
  SmartsendRequest,
  SmartsendResult,
  SmsMessage,
} from "./types";

/** Documented API limits, enforced before a request is sent. */
export const LIMITS = {
  maxRows: 500,
  smartsendRecipients: 1000,
  bulkContacts: 3000,
  /**
   * UNKNOWN(§8.1): the API does not document a maximum of ids per status call. The real service
   * sits behind nginx, whose default request-line limit is 8 KB; 200 UUIDs with commas is ~7.4 KB.
   */
  statusIdsPerCall: 200,
  /** Default `maxrows` of GET /v2/contacts/activity. */
  activityRows: 25_000,
} as const;

export interface EsputnikClientOptions {
  /** e.g. `https://esputnik.com/api`; a trailing slash is fine. */
  baseUrl: string;
  /** Any user name works with an API key (it may be empty); or the legacy account login. */
  login: string;
  /** The API key (or the legacy account password). */
  password: string;
  /** Per HTTP attempt, body included. Default 30,000 ms. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /**
   * Client-side rate limit. Default: a limiter shared by every client with the same base URL and
   * credentials in this process (200/s; message list/get 10/s and 500/h). Pass `{ limiter }` to
   * share one explicitly, limiter options for a private one, or `false` to disable.
   */
  rateLimit?: false | ({ limiter?: EsputnikLimiter } & EsputnikLimiterOptions);
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Time source for back-off sleeps and import polling (tests inject a fake one). */
  clock?: Clock;
  /** Ids per GET /v1/message/status call. Default LIMITS.statusIdsPerCall. */
  statusIdsPerCall?: number;
}

export interface WaitForImportOptions {
  /** Between polls. Default 2,000 ms. */
  intervalMs?: number;
  /** Give up after this long. Default 10 minutes (bulk imports can take minutes). */
  timeoutMs?: number;
}

export interface ActivitySearchRange {
  dateFrom: string | Date;
  dateTo: string | Date;
  /** Stop after this many pages. Default 20. */
  maxPages?: number;
  maxrows?: number;
}

export interface EsputnikClient {
  accountInfo(): Promise<AccountInfo>;
  balance(): Promise<Balance>;
  listEmailMessages(query?: PageQuery): Promise<Page<EmailMessage>>;
  listSmsMessages(query?: PageQuery): Promise<Page<SmsMessage>>;
  getEmailMessage(id: number): Promise<EmailMessage>;
  getSmsMessage(id: number): Promise<SmsMessage>;
  /** Approved SMS sender (alpha) names. */
  listSmsSenderNames(): Promise<string[]>;
  /** Sends a prepared message to ≤ 1,000 recipients. Never retried once it may have been processed. */
  smartsend(messageId: number, request: SmartsendRequest): Promise<SmartsendResult[]>;
  /** Statuses by requestId, in batches of `statusIdsPerCall`. Unknown ids may be missing from the result. */
  messageStatus(requestIds: readonly string[]): Promise<MessageStatus[]>;
  /** Bulk upsert of ≤ 3,000 contacts; processed asynchronously (see waitForImport). */
  upsertContacts(request: ContactsUpsertRequest): Promise<ContactsUpsertResult>;
  importStatus(sessionId: string): Promise<ImportStatus>;
  /** Polls importStatus until FINISHED or ERROR (returned, not thrown). Throws kind "timeout" when it takes too long. */
  waitForImport(sessionId: string, options?: WaitForImportOptions): Promise<ImportStatus>;
  listGroups(query?: GroupQuery): Promise<Group[]>;
  /** One page of GET /v2/contacts/activity. */
  contactActivity(query: ContactActivityQuery): Promise<ActivityPage>;
  /**
   * Pages through contact activity in the range and returns the items per externalRequestId
   * (the API cannot filter by it). Used to reconcile in-doubt sends.
   */
  findActivityByExternalRequestIds(ids: Iterable<string>, range: ActivitySearchRange): Promise<Map<string, ContactActivity[]>>;
}

export function createEsputnikClient(options: EsputnikClientOptions): EsputnikClient {
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, "");
  if (!/^https?:\/\//i.test(baseUrl)) throw new TypeError(`eSputnik base URL must be http(s): ${options.baseUrl}`);
  const clock = options.clock ?? realClock;
  const statusIdsPerCall = options.statusIdsPerCall ?? LIMITS.statusIdsPerCall;
  if (!(statusIdsPerCall >= 1)) throw new RangeError("statusIdsPerCall must be >= 1");

  const transport: Transport = {
    baseUrl,
    authorization: basicAuthorization(options.login, options.password),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: resolveRetryOptions(options.retry),
    limiter: resolveLimiter(options, baseUrl, clock),
    fetch: options.fetch ?? globalThis.fetch,
    clock,
  };

  async function getJson<S extends z.ZodType>(request: ApiRequest, schema: S) {
    const response = await send(transport, request);
    return { value: parseBody(request, response, schema), response };
  }

  async function listPage<S extends z.ZodType>(path: string, query: PageQuery, item: S): Promise<Page<z.output<S>>> {
    const request: ApiRequest = { method: "GET", path, bucket: "messages", query: { search: query.search, ...pageParams(query) } };
    const { value: items, response } = await getJson(request, list(item));
    return { items, total: totalCountHeader(response) ?? items.length };
  }

  const client: EsputnikClient = {
    async accountInfo() {
      return (await getJson({ method: "GET", path: "/v1/account/info" }, accountInfoSchema)).value;
    },

    async balance() {
      return (await getJson({ method: "GET", path: "/v1/balance" }, balanceSchema)).value;
    },

    listEmailMessages: (query = {}) => listPage("/v1/messages/email", query, emailMessageSchema),
    listSmsMessages: (query = {}) => listPage("/v1/messages/sms", query, smsMessageSchema),

    async getEmailMessage(id) {
      const path = `/v1/messages/email/${messageIdSegment(id)}`;
      return (await getJson({ method: "GET", path, bucket: "messages" }, emailMessageSchema)).value;
    },

    async getSmsMessage(id) {
      const path = `/v1/messages/sms/${messageIdSegment(id)}`;
      return (await getJson({ method: "GET", path, bucket: "messages" }, smsMessageSchema)).value;
    },

    async listSmsSenderNames() {
      const { value } = await getJson({ method: "GET", path: "/v1/interfaces/sms" }, smsInterfacesSchema);
      return value.map((item) => item.value);
    },

    async smartsend(messageId, request) {
      const { recipients } = request;
      if (recipients.length === 0 || recipients.length > LIMITS.smartsendRecipients) {
        throw new RangeError(`smartsend takes 1 to ${LIMITS.smartsendRecipients} recipients, got ${recipients.length}`);
      }
      const body = {
        recipients: recipients.map(recipientBody),
        email: request.email,
        ...(request.fromName !== undefined ? { fromName: request.fromName } : {}),
      };
      const path = `/v1/message/${messageIdSegment(messageId)}/smartsend`;
      const { value } = await getJson({ method: "POST", path, body }, smartsendResponseSchema);
      return attachExternalRequestIds(recipients, value.results);
    },

    async messageStatus(requestIds) {
      const unique = [...new Set(requestIds.map((id) => id.trim()).filter((id) => id !== ""))];
      const statuses: MessageStatus[] = [];
      for (let start = 0; start < unique.length; start += statusIdsPerCall) {
        const batch = unique.slice(start, start + statusIdsPerCall);
        // Raw commas keep the URL short (see LIMITS.statusIdsPerCall); ids themselves are encoded.
        const rawQuery = `ids=${batch.map(encodeURIComponent).join(",")}`;
        const { value } = await getJson({ method: "GET", path: "/v1/message/status", rawQuery }, messageStatusResponseSchema);
        statuses.push(...value.results);
      }
      return statuses;
    },

    async upsertContacts(request) {
      const count = request.contacts.length;
      if (count === 0 || count > LIMITS.bulkContacts) {
        throw new RangeError(`contacts upsert takes 1 to ${LIMITS.bulkContacts} contacts, got ${count}`);
      }
      return (await getJson({ method: "POST", path: "/v1/contacts", body: request }, contactsUpsertResultSchema)).value;
    },

    async importStatus(sessionId) {
      const path = `/v1/importstatus/${encodeURIComponent(sessionId)}`;
      return (await getJson({ method: "GET", path }, importStatusSchema)).value;
    },

    async waitForImport(sessionId, waitOptions = {}) {
      const intervalMs = waitOptions.intervalMs ?? 2000;
      const timeoutMs = waitOptions.timeoutMs ?? 600_000;
      const deadline = clock.now() + timeoutMs;
      for (;;) {
        const status = await client.importStatus(sessionId);
        if (status.status === "FINISHED" || status.status === "ERROR") return status;
        if (clock.now() + intervalMs > deadline) {
          throw new EsputnikError({
            kind: "timeout",
            method: "GET",
            path: `/v1/importstatus/${sessionId}`,
            body: status.status,
            message: `eSputnik import ${sessionId} still ${status.status} after ${timeoutMs} ms`,
          });
        }
        await clock.sleep(intervalMs);
      }
    },

    async listGroups(query = {}) {
      const request: ApiRequest = { method: "GET", path: "/v1/groups", query: { name: query.name, ...pageParams(query) } };
      return (await getJson(request, list(groupSchema))).value;
    },

    async contactActivity(query) {
      const maxrows = query.maxrows ?? LIMITS.activityRows;
      const request: ApiRequest = {
        method: "GET",
        path: "/v2/contacts/activity",
        query: {
          dateFrom: formatDate(query.dateFrom),
          dateTo: formatDate(query.dateTo),
          email: query.email,
          sms: query.sms,
          messageTag: query.messageTag,
          activityStatus: query.activityStatus,
          offset: query.offset,
          maxrows: query.maxrows,
        },
      };
      const items = (await getJson(request, list(contactActivitySchema))).value;
      // The cursor is the last item's offset; a short page is the last page.
      const last = items.at(-1);
      return { items, nextOffset: items.length >= maxrows ? last?.offset : undefined };
    },

    async findActivityByExternalRequestIds(ids, range) {
      const wanted = new Set(ids);
      const found = new Map<string, ContactActivity[]>();
      if (wanted.size === 0) return found;
      let offset: string | undefined;
      for (let page = 0; page < (range.maxPages ?? 20); page++) {
        const result = await client.contactActivity({ dateFrom: range.dateFrom, dateTo: range.dateTo, offset, maxrows: range.maxrows });
        for (const item of result.items) {
          if (item.externalRequestId === undefined || !wanted.has(item.externalRequestId)) continue;
          const bucket = found.get(item.externalRequestId) ?? [];
          bucket.push(item);
          found.set(item.externalRequestId, bucket);
        }
        offset = result.nextOffset;
        if (offset === undefined) break;
      }
      return found;
    },
  };
  return client;
}

function resolveLimiter(options: EsputnikClientOptions, baseUrl: string, clock: Clock): EsputnikLimiter {
  if (options.rateLimit === false) return unlimited;
  const { limiter, ...limits } = options.rateLimit ?? {};
  if (limiter) return limiter;
  // Custom limits or a custom clock (tests) get a private limiter; otherwise share by credentials.
  const custom = Object.values(limits).some((value) => value !== undefined) || options.clock !== undefined;
  if (custom) return createEsputnikLimiter({ clock, ...limits });
  return sharedEsputnikLimiter({ baseUrl, login: options.login, password: options.password });
}

function pageParams(query: { startindex?: number; maxrows?: number }): { startindex?: number; maxrows?: number } {
  const { startindex, maxrows } = query;
  if (startindex !== undefined && !(Number.isInteger(startindex) && startindex >= 1)) {
    throw new RangeError(`startindex is 1-based, got ${startindex}`);
  }
  if (maxrows !== undefined && !(Number.isInteger(maxrows) && maxrows >= 1 && maxrows <= LIMITS.maxRows)) {
    throw new RangeError(`maxrows must be 1..${LIMITS.maxRows}, got ${maxrows}`);
  }
  return { startindex, maxrows };
}

function messageIdSegment(id: number): string {
  if (!Number.isInteger(id) || id <= 0) throw new RangeError(`message id must be a positive integer, got ${id}`);
  return String(id);
}

function recipientBody(recipient: SmartsendRecipient): Record<string, unknown> {
  const { jsonParam, ...rest } = recipient;
  const body: Record<string, unknown> = { ...rest };
  // The API wants serialized JSON in a string, not an object.
  if (jsonParam !== undefined && jsonParam !== null) {
    body.jsonParam = typeof jsonParam === "string" ? jsonParam : JSON.stringify(jsonParam);
  }
  return body;
}

const normalizeLocator = (locator: string): string => locator.trim().toLowerCase().replace(/^\+/, "");

/**
 * UNKNOWN(§8.6): the response does not echo externalRequestId. Results come in request order in
 * every example; when counts or locators disagree, match by locator instead (first unmatched).
 */
function attachExternalRequestIds(
  recipients: SmartsendRecipient[],
  results: { locator: string; status: "OK" | "ERROR"; requestId?: string; message?: string }[],
): SmartsendResult[] {
  const inOrder =
    results.length === recipients.length &&
    results.every((result, i) => normalizeLocator(result.locator) === normalizeLocator(recipients[i]?.locator ?? ""));
  if (inOrder) {
    return results.map((result, i) => withExternalId(result, recipients[i]?.externalRequestId));
  }
  const byLocator = new Map<string, SmartsendRecipient[]>();
  for (const recipient of recipients) {
    const key = normalizeLocator(recipient.locator);
    const same = byLocator.get(key);
    if (same) same.push(recipient);
    else byLocator.set(key, [recipient]);
  }
  return results.map((result) => withExternalId(result, byLocator.get(normalizeLocator(result.locator))?.shift()?.externalRequestId));
}

function withExternalId(result: Omit<SmartsendResult, "externalRequestId">, externalRequestId: string | undefined): SmartsendResult {
  const out: SmartsendResult = { locator: result.locator, status: result.status };
  if (result.requestId !== undefined) out.requestId = result.requestId;
  if (result.message !== undefined) out.message = result.message;
  if (externalRequestId !== undefined) out.externalRequestId = externalRequestId;
  return out;
}

/** Dates go out as `YYYY-MM-DDTHH:mm:ss` (UTC for Date objects); strings are passed through. */
function formatDate(value: string | Date): string {
  return typeof value === "string" ? value : value.toISOString().slice(0, 19);
}
