#!/usr/bin/env bash
# Proves the `output: "standalone"` build runs the way the Dockerfile runs it: copy the static
# files and migrations beside server.js, start it on a fresh PostgreSQL database, expect a healthy
# /api/health; and expect it to refuse to start in production without its secrets.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.next/standalone
node scripts/prepare-standalone.mjs

admin="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
db="sd_standalone_$$"
psql "$admin" -qc "create database $db" >/dev/null
url="${admin%/*}/$db"
port=3199
log=$(mktemp)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; psql "$admin" -qc "drop database if exists $db with (force)" >/dev/null || true; }
trap cleanup EXIT

# 1. Without secrets in production: must refuse to start.
if (cd "$dir" && NODE_ENV=production PORT=$port HOSTNAME=127.0.0.1 DATABASE_URL="$url" timeout 60 node server.js >"$log" 2>&1); then
  echo "standalone server started without SETTINGS_ENCRYPTION_KEY/AUTH_SECRET — it must refuse"; cat "$log"; exit 1
fi
grep -q "SETTINGS_ENCRYPTION_KEY" "$log" || { echo "refusal did not name the missing key:"; cat "$log"; exit 1; }
echo "✔ refuses to start in production without secrets"

# 2. With secrets: starts, migrates, answers health.
(cd "$dir" && exec env NODE_ENV=production PORT=$port HOSTNAME=127.0.0.1 DATABASE_URL="$url" \
  AUTH_SECRET="$(openssl rand -hex 32)" SETTINGS_ENCRYPTION_KEY="$(openssl rand -hex 32)" AUTH_TRUST_HOST=true \
  node server.js >"$log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do
  body=$(curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null || true)
  if [ "$body" = '{"status":"ok","db":"up"}' ]; then echo "✔ standalone /api/health: $body"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || { echo "standalone server exited:"; cat "$log"; exit 1; }
  sleep 0.5
done
echo "standalone server never became healthy:"; cat "$log"; exit 1
