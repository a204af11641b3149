/**
 * eSputnik (Yespo) REST client: entry point for the app. Server-only: it carries credentials.
 * Scripts outside Next (the simulator, benchmarks) import ./client directly.
 */
import "server-only";

export { createEsputnikClient, LIMITS } from "./client";
export type { EsputnikClient, EsputnikClientOptions, WaitForImportOptions, ActivitySearchRange } from "./client";
export { EsputnikError, isEsputnikError } from "./errors";
export type { EsputnikErrorKind } from "./errors";
export { createEsputnikLimiter, sharedEsputnikLimiter, unlimited, realClock } from "./limiter";
export type { Clock, EsputnikLimiter, EsputnikLimiterOptions, LimiterBucket, RateWindow } from "./limiter";
export type { RetryOptions } from "./retry";
export {
  EMAIL_STATUSES,
  SMS_STATUSES,
  classifyStatus,
  isFinalStatus,
  isDeliveredStatus,
  isFailedStatus,
  isKnownStatus,
} from "./statuses";
export type { EmailStatus, SmsStatus, MessageStatusValue, StatusClassification } from "./statuses";
export type * from "./types";
