#!/usr/bin/env bash
# Runs Squawk (pip install squawk-cli, 2.70) and `migrate lint` over the
# PostgreSQL revisions in bench/lint-corpus/versions and prints, for each,
# the time taken and the findings rule by rule (see "migrate lint compared
# with Squawk" in the README).
#
# Squawk gets --assume-in-transaction for the files migrate runs in a
# transaction (no `transaction=false` marker), so both tools judge the
# same execution. Usage: scripts/compare-lint.sh [path/to/migrate]
set -euo pipefail
cd "$(dirname "$0")/.."
migrate=${1:-.build/release/migrate}
[ -x "$migrate" ] || migrate=.build/debug/migrate
corpus=bench/lint-corpus
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
command -v squawk >/dev/null || { echo "squawk not found: pip install squawk-cli==2.70" >&2; exit 1; }

mapfile -t transactional < <(grep -L 'transaction=false' "$corpus"/versions/*.sql)
mapfile -t autocommit < <(grep -l 'transaction=false' "$corpus"/versions/*.sql)
files=$(ls "$corpus"/versions/*.sql | wc -l)

now() { date +%s%N; }
start=$(now)
squawk --reporter json --assume-in-transaction "${transactional[@]}" >"$out/squawk-tx.json" || true
squawk --reporter json "${autocommit[@]}" >"$out/squawk-auto.json" || true
squawk_ms=$(( ($(now) - start) / 1000000 ))
start=$(now)
"$migrate" lint --all -c "$corpus/migrate.ini" --format json >"$out/migrate.json" || true
migrate_ms=$(( ($(now) - start) / 1000000 ))

echo "$files files: squawk $(squawk --version | cut -d' ' -f2) ${squawk_ms} ms, migrate lint ${migrate_ms} ms"
python3 scripts/compare-lint.py "$out/squawk-tx.json" "$out/squawk-auto.json" "$out/migrate.json"
