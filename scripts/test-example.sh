#!/usr/bin/env bash
# The Hummingbird example end to end: builds examples/hummingbird-notes once,
# then on SQLite and on PostgreSQL starts the app (which upgrades its
# database to head at startup), calls GET and POST /notes with curl and
# checks the answers, and drives the migrate command plugin
# (`swift package migrate ...`) in the example's package.
#
# Needs MIGRATE_TEST_POSTGRESQL_URL: scripts/test.sh runs it inside
# with-test-databases.sh after the main suite; alone, run
# `scripts/with-test-databases.sh scripts/test-example.sh`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly example=examples/hummingbird-notes
readonly head=1975ea83b712

fail() { echo "test-example: FAILED: $*" >&2; exit 1; }
log() { echo "test-example: $*" >&2; }

[ -n "${MIGRATE_TEST_POSTGRESQL_URL:-}" ] || fail "MIGRATE_TEST_POSTGRESQL_URL is not set: run under scripts/with-test-databases.sh"

log "building $example (once; Hummingbird takes minutes the first time)"
swift build --package-path "$example"
app="$(swift build --package-path "$example" --show-bin-path)/HummingbirdNotes"

work=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# `migrate` through the example's package, as a user of the plugin runs it.
plugin() {
  swift package --package-path "$example" --allow-writing-to-package-directory \
    --allow-network-connections all migrate "$@"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Compares a JSON answer with the expected JSON, ignoring key order.
same_json() {
  python3 -c 'import json, sys; sys.exit(json.loads(sys.argv[1]) != json.loads(sys.argv[2]))' "$1" "$2"
}

# run_app NAME DATABASE_URL: the whole scenario on one database.
run_app() {
  local name=$1 url=$2 port
  port=$(free_port)
  log "$name: starting the app on port $port"
  # The app reads migrate.ini from the working directory unless MIGRATE_CONFIG
  # names one; this script runs from the repository's root, whose migrate.ini
  # is the main project's.
  MIGRATE_CONFIG="$PWD/$example/migrate.ini" DATABASE_URL="$url" PORT="$port" "$app" >"$work/$name.log" 2>&1 &
  app_pid=$!
  local waited=0
  until curl -sf "http://127.0.0.1:$port/notes" >/dev/null 2>&1; do
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/$name.log" >&2; fail "$name: the app exited before serving"; }
    [ $waited -lt 600 ] || { cat "$work/$name.log" >&2; fail "$name: the app did not answer within 60 s"; }
    sleep 0.1; waited=$((waited + 1))
  done
  grep -q "Running upgrade <base> -> $head (Create notes table)" "$work/$name.log" \
    || { cat "$work/$name.log" >&2; fail "$name: the startup upgrade was not logged"; }

  local answer status
  answer=$(curl -sf "http://127.0.0.1:$port/notes")
  same_json "$answer" '[]' || fail "$name: GET /notes on a new database answered $answer"
  status=$(curl -s -o "$work/post" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"text": "Buy milk"}' "http://127.0.0.1:$port/notes")
  [ "$status" = 201 ] || fail "$name: POST /notes answered $status: $(cat "$work/post")"
  same_json "$(cat "$work/post")" '{"id": 1, "text": "Buy milk", "completed": false}' \
    || fail "$name: POST /notes answered $(cat "$work/post")"
  answer=$(curl -sf "http://127.0.0.1:$port/notes")
  same_json "$answer" '[{"id": 1, "text": "Buy milk", "completed": false}]' \
    || fail "$name: GET /notes answered $answer"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

  # The plugin sees what the app did: the database at head.
  local current
  current=$(DATABASE_URL="$url" plugin current)
  [ "$current" = "$head (head)" ] || fail "$name: 'swift package migrate current' printed '$current'"
  log "$name: passed"
}

run_app sqlite "sqlite:///$work/notes.db"

server=${MIGRATE_TEST_POSTGRESQL_URL%/*}
pg_url="$server/hb_notes_$RANDOM$RANDOM"
DATABASE_URL="$pg_url" plugin database create
run_app postgresql "$pg_url"
DATABASE_URL="$pg_url" plugin database drop --yes

# A failing command fails `swift package` with migrate's exit status.
set +e
# SwiftPM relays a command plugin's output on its own stdout, so migrate's
# stderr arrives there: read both.
DATABASE_URL="$pg_url" plugin current >"$work/missing.err" 2>&1
status=$?
set -e
[ $status -ne 0 ] || fail "'swift package migrate current' on a dropped database succeeded"
grep -q "error\[db\." "$work/missing.err" || fail "no error[db.*] line: $(cat "$work/missing.err")"
echo "test-example: 2 passed, 0 failed"
