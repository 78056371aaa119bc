#!/usr/bin/env bash
# Fails when a package in package-lock.json does not support the running Node: the EBADENGINE
# warnings `npm ci` would print (npm only warns; this makes it an error). A dry run: it reads
# the lock file and installs nothing, so it takes seconds. Run it on the lowest Node the README
# promises (20.19+). Usage: scripts/check-engines.sh [repository root, default: this script's].
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
if ! output=$(npm ci --dry-run --no-audit --no-fund 2>&1); then
  printf '%s\n' "$output" >&2
  echo "check-engines: npm ci --dry-run failed" >&2
  exit 1
fi
if grep -q EBADENGINE <<<"$output"; then
  grep -A4 'EBADENGINE Unsupported engine' <<<"$output" >&2
  echo "check-engines: packages above do not support Node $(node --version); pick versions that do" >&2
  exit 1
fi
echo "check-engines: every locked package supports Node $(node --version)"
