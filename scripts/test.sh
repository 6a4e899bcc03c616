#!/usr/bin/env bash
# The one command that runs the whole test suite: unit tests and the
# integration tests on SQLite, PostgreSQL and MariaDB, the two servers being
# throwaway ones started (and removed) by with-test-databases.sh. Extra
# arguments go to `swift test`, e.g. `scripts/test.sh --filter GraphTests`.
#
# Plain `swift test`, no --parallel: the suite runs its database scenarios
# concurrently itself, and --parallel would start several test processes,
# each with its own set of connections to the servers.
#
# Without arguments it then checks scripts/install.sh (scripts/test-install.sh:
# a release build, the installed binary run with the toolchain hidden) on the
# same servers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ $# -eq 0 ]; then
  exec scripts/with-test-databases.sh bash -c 'swift test && scripts/test-install.sh'
fi
exec scripts/with-test-databases.sh swift test "$@"
