#!/usr/bin/env bash
# Installs the Debian packages the tests and `npm start` need, when they are missing: Chromium (driven by
# playwright-core; Playwright's own browser download cannot work offline), PostgreSQL (the server tests run against a
# real server as well as PGlite), and a CJK font so Chinese UI screenshots are legible.
set -euo pipefail

need=()
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null || need+=(postgresql)
fc-list 2>/dev/null | grep -qi -E 'wqy|noto sans cjk' || need+=(fonts-wqy-microhei)

if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
