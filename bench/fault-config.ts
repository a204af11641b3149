/**
 * Settings of the fault benchmark, shared by the driver and its worker processes: small batches
 * (many calls per round, so a kill lands mid-send), short timeouts and leases (a round lasts
 * seconds), and the production rules everywhere else.
 */
import type { EsputnikClientOptions } from "@/lib/esputnik/client";
import { defaultSendingConfig, type SendingConfig } from "@/lib/sending/context";

export const FAULT_CONFIG: SendingConfig = {
  ...defaultSendingConfig,
  concurrency: 4,
  smartsendBatchSize: 100,
  uploadBatchSize: 500,
  statusBatchSize: 200,
  leaseSeconds: 2,
  importFirstPollMs: 200,
  importPollMs: 200,
  importTimeoutMs: 20_000,
  backoffBaseMs: 50,
  backoffMaxMs: 500,
  giveUpAfterMs: 10_000,
};

export const FAULT_CLIENT: Partial<EsputnikClientOptions> = {
  timeoutMs: 800,
  retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 200 },
};

/** 20 % of all calls fail: 429, 500, timeouts (processed, then silence) and dropped connections. */
export const INJECTED_FAULTS = {
  rateLimit: 0.05,
  serverError: 0.05,
  timeout: 0.04,
  dropBefore: 0.03,
  dropAfter: 0.03,
  hangMs: 1_500,
  endpoints: null,
};
