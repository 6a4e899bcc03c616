#!/usr/bin/env bash
# Builds the DocC documentation of MigrateKit and MigrateTesting (the
# catalogs in Sources/*/*.docc and every doc comment) with swift-docc-plugin,
# and fails when DocC warns: an unresolved ``symbol`` link, a missing
# article, a parameter the comment names that does not exist.
#
# First, without a build: every public declaration must carry a `///`
# comment (scripts/doc-coverage.py, which lists the ones that do not;
# scripts/doc-coverage-test.py checks how it reads Swift). Last, the same
# check on the symbol graphs the compiler extracted for DocC.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 scripts/doc-coverage-test.py
if ! python3 scripts/doc-coverage.py -v; then
  echo "check-docs: FAILED: public declarations without a doc comment (listed above)" >&2
  exit 1
fi
out=$(mktemp)
started=$(mktemp)
trap 'rm -f "$out" "$started"' EXIT
status=0
swift package generate-documentation --target MigrateKit --target MigrateTesting >"$out" 2>&1 || status=$?
if [ $status -ne 0 ] || grep -q "warning:" "$out"; then
  grep -E "warning:|error:" -A3 "$out" >&2 || tail -40 "$out" >&2
  echo "check-docs: FAILED: generate-documentation exited $status or warned" >&2
  exit 1
fi
# The compiler's own list of public symbols, extracted just now: each must
# have a doc comment, and be one doc-coverage.py counted.
graphs=()
while IFS= read -r graph; do graphs+=("$graph"); done < <(
  find .build -path '*/extracted-symbols/*' -name '*.symbols.json' -newer "$started")
if [ ${#graphs[@]} -eq 0 ]; then
  echo "check-docs: FAILED: generate-documentation left no symbol graph under .build/*/extracted-symbols" >&2
  exit 1
fi
if ! python3 scripts/doc-coverage.py -q "${graphs[@]}"; then
  echo "check-docs: FAILED: the symbol graphs show public symbols without a doc comment" >&2
  exit 1
fi
echo "check-docs: MigrateKit and MigrateTesting documentation built without warnings"
