#!/usr/bin/env bash
# Regenerates scripts/startup-order.txt, the order in which the release link
# (scripts/release-build.sh) places functions: every function that
# `--version`, `current`, `heads` (cold and from its cache), `history`,
# `upgrade head` and `downgrade base` run on a small SQLite project, from the instruction
# addresses valgrind's callgrind records (scripts/startup-order.py). Placed
# side by side, they fill about 1 MB of pages instead of being spread over
# the whole binary.
# Needs valgrind. Usage: scripts/startup-order.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v valgrind >/dev/null || { echo "error[order.no-valgrind]: startup-order.sh needs valgrind (apt-get install valgrind)" >&2; exit 1; }

binary=$(scripts/release-build.sh)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# callgrind cannot read the debug information of a Swift binary; it needs only the symbols.
strip --strip-debug -o "$work/migrate" "$binary"

mkdir "$work/project" && cd "$work/project"
"$work/migrate" init migrations >/dev/null  # url = sqlite:///%(here)s/app.db
for name in first second; do
  file=$("$work/migrate" revision -m "$name" | sed -n 's/^Generated //p')
  sed -i "s/^-- migrate:upgrade\$/&\nCREATE TABLE $name (id INTEGER PRIMARY KEY, note TEXT);/; s/^-- migrate:downgrade\$/&\nDROP TABLE $name;/" "$file"
done
# Older than the caches' two seconds, so the second `heads` answers from the heads cache.
touch -d '1 minute ago' migrations/versions/*.sql
traces=0
trace() {  # arguments of one migrate command
  traces=$((traces + 1))
  valgrind --tool=callgrind --callgrind-out-file="$work/trace.$traces" --demangle=no \
    --compress-strings=no --compress-pos=no --dump-instr=yes "$work/migrate" "$@" >/dev/null 2>&1 \
    || { echo "error[order.trace-failed]: migrate $* failed under valgrind" >&2; exit 1; }
}
trace --version
trace upgrade head
trace current
trace heads
trace heads
trace history
trace downgrade base
trace upgrade head

cd - >/dev/null
python3 scripts/startup-order.py "$work/migrate" "$work"/trace.* > "$work/order"
mv "$work/order" scripts/startup-order.txt
echo "startup-order.sh: $(wc -l < scripts/startup-order.txt) functions in scripts/startup-order.txt" >&2
