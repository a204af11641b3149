/**
 * The send engine: "Run process → Send message / Update status" of a mailing, done as durable
 * background jobs with exactly-once discipline. Framework-free: verbs take a context (database,
 * clock, eSputnik client factory, logger, job queue). The app wires it in lib/jobs.
 * Client components import ./responses directly (this entry pulls in server code).
 */
export type { CommandContext, SendingClock, SendingConfig, SendingContext, SendingJobs, SendingLogger, StatusUpdateRequest } from "./context";
export { defaultSendingConfig, systemClock } from "./context";
export { SENDABLE_STATUSES, cancelSend, requestReconcile, requestSend, requestStatusUpdate, resendInDoubt } from "./commands";
export { ACTIVE_STATUSES, finalStatusOf } from "./mailing-status";
export { getSendProgress, type SendProgress } from "./progress";
export { runSendJob, type SendJobResult } from "./send-job";
export { runStatusUpdate, type StatusUpdateResult } from "./status-job";
export { runReconcile } from "./reconcile";
export { runSendingTick } from "./tick";
export {
  applyActivityWebhook,
  isAuthorizedWebhook,
  rotateWebhookCredentials,
  webhookCredentialsInfo,
  webhookPayloadSchema,
  WEBHOOK_PATH,
  type WebhookResult,
} from "./webhook";
export {
  RESPONSE_KEYS,
  isDoneStatus,
  recipientResponse,
  responseOf,
  statusFacts,
  statusRank,
  type ResponseKey,
  type StatusResponse,
} from "./responses";
export { MailingFailure } from "./failures";
