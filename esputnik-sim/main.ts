/**
 * Runs the simulator alone: `npm run esputnik:sim -- [--port 8081] [--host 127.0.0.1]
 * [--api-key KEY] [--login USER --password PASS] [--seed S] [--clock real|virtual]
 * [--control-token T] [--no-rate-limit]`. Environment: ESPUTNIK_SIM_PORT, ESPUTNIK_SIM_HOST,
 * ESPUTNIK_SIM_API_KEY, ESPUTNIK_SIM_LOGIN, ESPUTNIK_SIM_PASSWORD, ESPUTNIK_SIM_SEED,
 * ESPUTNIK_SIM_CLOCK, ESPUTNIK_SIM_CONTROL_TOKEN. Flags win over the environment.
 */
import { parseArgs } from "node:util";
import type { ClockMode } from "./clock";
import { startSimulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "api-key": { type: "string" },
    login: { type: "string" },
    password: { type: "string" },
    seed: { type: "string" },
    clock: { type: "string" },
    "control-token": { type: "string" },
    "no-rate-limit": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  console.log("Usage: tsx esputnik-sim/main.ts [--port 8081] [--host 127.0.0.1] [--api-key KEY] [--login USER --password PASS] [--seed S] [--clock real|virtual] [--control-token T] [--no-rate-limit]");
  process.exit(0);
}

const env = process.env;
const port = Number(values.port ?? env.ESPUTNIK_SIM_PORT ?? 8081);
const clockArg = values.clock ?? env.ESPUTNIK_SIM_CLOCK ?? "real";
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? env.ESPUTNIK_SIM_PORT}`);
if (clockArg !== "real" && clockArg !== "virtual") throw new Error(`--clock must be real or virtual, got ${clockArg}`);
const clock: ClockMode = clockArg;

async function main(): Promise<void> {
  const sim = await startSimulator({
    port,
    host: values.host ?? env.ESPUTNIK_SIM_HOST ?? "127.0.0.1",
    apiKey: values["api-key"] ?? env.ESPUTNIK_SIM_API_KEY,
    login: values.login ?? env.ESPUTNIK_SIM_LOGIN,
    password: values.password ?? env.ESPUTNIK_SIM_PASSWORD,
    seed: values.seed ?? env.ESPUTNIK_SIM_SEED,
    clock,
    controlToken: values["control-token"] ?? env.ESPUTNIK_SIM_CONTROL_TOKEN,
    config: values["no-rate-limit"] ? { rateLimit: { enabled: false } } : undefined,
  });

  const auth = sim.state.config.auth;
  const controlBase = sim.url.replace(/\/api$/, "/__sim");
  console.log(`eSputnik simulator listening on ${sim.url}`);
  console.log(`  credentials: any user name, password (API key) "${auth.apiKey}"`);
  if (auth.login !== null) console.log(`  legacy login: ${auth.login} / ${auth.password ?? ""}`);
  console.log(`  clock: ${clock}; seed: ${sim.state.seed}`);
  console.log(`  control API: ${controlBase}/ (reset, seed, advance, faults, config, ledger, calls, webhook)`);
  console.log(`  try: curl -u any:${auth.apiKey} ${sim.url}/v1/account/info`);

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void sim.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
