#!/usr/bin/env bash
# The whole test suite (the README's `npm test`): installs what a fresh machine lacks, then runs the checks,
# the unit and server tests (on PGlite and on a real PostgreSQL), the HubSpot card and settings page tests, the end-to-end tests in
# Chromium with the built extension, and the size budget. Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
mkdir -p artifacts

[ -d node_modules ] || npm ci
bash scripts/dev/ensure-system-deps.sh || exit 1

failed_steps=()
step() {
  local name=$1; shift
  echo "::: $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}

step typecheck npm run -s typecheck
step lint npm run -s lint
step format npm run -s format:check
step build npx wxt build
# The Web Store package: store build, zip, check:store (its folder is what welcome.e2e.ts installs).
step package npm run -s package

if [ -z "${TEST_DATABASE_URL:-}" ] && [ -x scripts/dev/pg-test-cluster.sh ]; then
  TEST_DATABASE_URL=$(bash scripts/dev/pg-test-cluster.sh start) && export TEST_DATABASE_URL
fi

# The backend's production build, started as deployed (NODE_ENV=production, its own secrets) on the test PostgreSQL.
step server-build npm run -s build:server
step server-smoke npm run -s smoke:server
step unit npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest-unit.json
if [ -f crm-app/src/app/cards/package.json ]; then
  # The HubSpot card is its own package (React 18 for HubSpot's sandbox, beside the extension's React 19).
  [ -d crm-app/src/app/cards/node_modules ] || npm run -s setup:card
  step card npm run -s test:card
fi
if [ -f crm-app/src/app/settings/package.json ]; then
  # The app's settings page: a package of its own too, like every HubSpot UI component folder.
  [ -d crm-app/src/app/settings/node_modules ] || npm run -s setup:settings
  step settings npm run -s test:settings
fi
step e2e npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=artifacts/vitest-e2e.json
step size npm run -s size

# One closing line for CI, summed over the Vitest runs.
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) continue;
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
  }
  console.log(`${passed} passed, ${failed} failed`);
' "$ROOT/artifacts/vitest-unit.json" "$ROOT/artifacts/vitest-e2e.json"

if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Failed steps: ${failed_steps[*]}" >&2
  exit 1
fi
