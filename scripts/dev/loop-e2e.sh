#!/usr/bin/env bash
# Runs the outbox E2E "backend down, worker stopped" N times in a row (default 20) on the current build and reports
# how many passed. A flaky delivery shows as a count below N; each failing run's output is kept in artifacts/.
# Usage: scripts/dev/loop-e2e.sh [N]   (build first: npx wxt build)
set -u
cd "$(dirname "$0")/../.."
runs="${1:-20}"
name='keeps items while the backend is down and the worker is stopped'
mkdir -p artifacts
passed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  # The whole companion file runs (its tests build on each other: sign-in, first deliveries, then the outage), up to
  # and including the outage test.
  if npx vitest run --config vitest.e2e.config.ts extension/e2e/companion.e2e.ts -t "signs in|delivers personas|$name" \
    >"artifacts/loop-e2e-$i.log" 2>&1; then
    passed=$((passed + 1))
    result=pass
  else
    result=fail
  fi
  # How many tests ran, so a filter that stopped matching the outage test cannot pass silently.
  tests=$(sed 's/\x1b\[[0-9;]*m//g' "artifacts/loop-e2e-$i.log" | grep -oE 'Tests +[0-9]+ passed' | grep -oE '[0-9]+' || true)
  [ "$result" = pass ] && rm -f "artifacts/loop-e2e-$i.log"
  echo "{\"run\":$i,\"result\":\"$result\",\"tests_passed\":${tests:-0},\"seconds\":$(($(date +%s) - start))}"
done
echo "{\"loop\":\"outbox backend down, worker stopped\",\"passed\":$passed,\"runs\":$runs}"
[ "$passed" -eq "$runs" ]
