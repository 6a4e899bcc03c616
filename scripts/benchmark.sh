#!/usr/bin/env bash
# Builds a release binary and times it on SQLite, PostgreSQL and MariaDB
# (servers started by with-test-databases.sh). Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
# The binary scripts/install.sh installs (static runtime, ordered functions).
MIGRATE_BINARY=$(scripts/release-build.sh)
export MIGRATE_BINARY
# One pair of servers for all three: commands, inspection, check.
exec scripts/with-test-databases.sh bash -c \
  'python3 scripts/benchmark-startup.py && python3 scripts/benchmark.py && python3 scripts/benchmark-inspect.py && python3 scripts/benchmark-check.py && python3 scripts/benchmark-fleet.py'

