#!/usr/bin/env bash
# `npm start` on a fresh clone: install what is missing, then build and launch everything (scripts/dev/start.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules ] || npm ci
bash scripts/dev/ensure-system-deps.sh
exec npx tsx scripts/dev/start.ts
