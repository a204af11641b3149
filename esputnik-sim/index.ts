/**
 * eSputnik API simulator: `startSimulator()` runs it in-process (demo mode, tests);
 * `npm run esputnik:sim` runs it alone (main.ts). See README.md.
 */
export { startSimulator } from "./server";
export type { SimHandle, SimOptions } from "./server";
export { DEMO_API_KEY, defaultConfig } from "./config";
export type { SimConfig } from "./config";
export type { SimControl, LedgerSummary, CallCounts } from "./control";
export { SimControlError } from "./control";
export type { FaultConfig, FaultKind } from "./faults";
export { APPROVED_ALPHA_NAMES } from "./seed";
export type { SimState } from "./state";
