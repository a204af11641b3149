#!/usr/bin/env bash
# `npm test`: every check this project has, in the order that fails fastest.
# Needs PostgreSQL at TEST_DATABASE_URL (default: the local server, trust auth) and Chromium at
# CHROMIUM_PATH (default /usr/bin/chromium). Nothing is skipped silently: a missing prerequisite fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export NEXT_TELEMETRY_DISABLED=1

passed=0; failed=0; summary=()
step() {
  local name="$1"; shift
  local started=$SECONDS
  echo; echo "━━━ ${name} ━━━"
  if "$@"; then passed=$((passed + 1)); summary+=("  ✔ ${name} ($((SECONDS - started)) s)")
  else failed=$((failed + 1)); summary+=("  ✘ ${name} ($((SECONDS - started)) s)"); fi
}

step "typecheck" npx tsc --noEmit -p .
step "translations complete (uk/en/ru)" npx tsx scripts/check-i18n.ts
step "unit + integration tests (PGlite and PostgreSQL)" npx vitest run
step "production build" npx next build
step "standalone server starts and answers /api/health" bash scripts/check-standalone.sh
step "end-to-end tests in Chromium" bash -c 'rm -rf .data/e2e && npx playwright test'

echo; echo "━━━ summary ━━━"
printf '%s\n' "${summary[@]}"
echo "checks: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
