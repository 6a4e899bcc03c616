#!/usr/bin/env bash
# Builds the DocC documentation of MigrateKit and MigrateTesting (the
# catalogs in Sources/*/*.docc and every doc comment) with swift-docc-plugin,
# and fails when DocC warns: an unresolved ``symbol`` link, a missing
# article, a parameter the comment names that does not exist.
#
# First, without a build: every public declaration must carry a `///`
# comment (scripts/doc-coverage.py, which lists the ones that do not;
# scripts/doc-coverage-test.py checks how it reads Swift).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 scripts/doc-coverage-test.py
if ! python3 scripts/doc-coverage.py -v; then
  echo "check-docs: FAILED: public declarations without a doc comment (listed above)" >&2
  exit 1
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
swift package generate-documentation --target MigrateKit --target MigrateTesting >"$out" 2>&1 || status=$?
if [ $status -ne 0 ] || grep -q "warning:" "$out"; then
  grep -E "warning:|error:" -A3 "$out" >&2 || tail -40 "$out" >&2
  echo "check-docs: FAILED: generate-documentation exited $status or warned" >&2
  exit 1
fi
echo "check-docs: MigrateKit and MigrateTesting documentation built without warnings"
