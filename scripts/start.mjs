#!/usr/bin/env node
// The Quick start: `npm start` builds the app when needed, then runs it in demo mode — embedded
// PGlite database in ./.data, the built-in eSputnik simulator, and the demo logins.
// `npm run dev` does the same with `next dev`. Secrets for this local instance are generated once
// into .data/local-secrets.json (git-ignored) unless the environment provides them.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { prepareStandalone } from "./prepare-standalone.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dev = process.argv.includes("--dev");
const dataDir = path.resolve(root, process.env.DATA_DIR || ".data");
const port = process.env.PORT || "3000";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

fs.mkdirSync(dataDir, { recursive: true });
const secretsFile = path.join(dataDir, "local-secrets.json");
let secrets = {};
if (fs.existsSync(secretsFile)) secrets = JSON.parse(fs.readFileSync(secretsFile, "utf8"));
if (!secrets.AUTH_SECRET || !secrets.SETTINGS_ENCRYPTION_KEY) {
  secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ...secrets,
  };
  fs.writeFileSync(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600 });
}

const childEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: port,
  DEMO_MODE: process.env.DEMO_MODE ?? "1",
  AUTH_TRUST_HOST: "true",
  AUTH_SECRET: process.env.AUTH_SECRET || secrets.AUTH_SECRET,
  SETTINGS_ENCRYPTION_KEY: process.env.SETTINGS_ENCRYPTION_KEY || secrets.SETTINGS_ENCRYPTION_KEY,
  NEXT_TELEMETRY_DISABLED: "1",
};

/** The newest modification time under the folders that make up the build. */
function newestSource() {
  let newest = 0;
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (/node_modules|\.next|\.data|\.git|test-results|e2e/.test(path.basename(p))) return;
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of ["app", "components", "lib", "db", "i18n", "messages", "esputnik-sim", "auth.ts", "auth.config.ts", "proxy.ts", "instrumentation.ts", "next.config.ts", "tailwind.config.ts", "package-lock.json"])
    walk(path.join(root, d));
  return newest;
}

if (!dev) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const stale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSource();
  if (stale) {
    console.log("Building Sputnik Desk (first start or changed sources)…");
    const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

// Production runs the standalone server, as the Docker image does.
const child = dev
  ? spawn(process.execPath, [nextBin, "dev", "--hostname", "localhost", "--port", port], { cwd: root, stdio: ["inherit", "pipe", "inherit"], env: childEnv })
  : (() => {
      const dir = prepareStandalone(root);
      return spawn(process.execPath, [path.join(dir, "server.js")], {
        cwd: dir,
        stdio: ["inherit", "pipe", "inherit"],
        env: { ...childEnv, NODE_ENV: "production", HOSTNAME: process.env.HOSTNAME_BIND || "0.0.0.0" },
      });
    })();
child.stdout.pipe(process.stdout);

// Print the banner once the server answers its health check (migrations and demo seed done).
const url = `http://localhost:${port}`;
(async () => {
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 500));
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) {
        const demo = childEnv.DEMO_MODE === "1" || childEnv.DEMO_MODE === "true";
        console.log(
          [
            "",
            "  ┌───────────────────────────────────────────────────────────",
            `  │ Sputnik Desk is running: ${url}`,
            demo ? "  │ Demo login:  admin@demo.sputnik.desk / demo-admin-2026" : "  │ Log in with ADMIN_EMAIL / ADMIN_PASSWORD",
            demo ? "  │ (also manager@… / demo-manager-2026, viewer@… / demo-viewer-2026)" : "",
            demo ? "  │ eSputnik: built-in simulator (no account needed)" : "",
            `  │ Database: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${dataDir}`}`,
            "  └───────────────────────────────────────────────────────────",
            "",
          ]
            .filter(Boolean)
            .join("\n"),
        );
        return;
      }
    } catch {
      /* not up yet */
    }
  }
  console.error("Sputnik Desk did not become healthy in 5 minutes.");
})();

for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
