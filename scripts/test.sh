#!/usr/bin/env bash
# The one command that runs the whole test suite: unit tests and the
# integration tests on SQLite, PostgreSQL and MariaDB, the two servers being
# throwaway ones started (and removed) by with-test-databases.sh; then the
# Hummingbird example end to end (scripts/test-example.sh), the DocC
# documentation (scripts/check-docs.sh, which fails on any warning), and the
# format lint. Extra arguments go to `swift test` alone, e.g.
# `scripts/test.sh --filter GraphTests`.
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

# The tree is formatted with scripts/format.sh; the suite fails on any
# difference from .swift-format (run scripts/format.sh to fix it).
readonly FORMAT_LINT=on

if [ $# -gt 0 ]; then
  exec scripts/with-test-databases.sh swift test "$@"
fi

if [ "$FORMAT_LINT" = on ]; then
  swift format lint --strict --recursive Sources Tests Package.swift Plugins \
    examples/hummingbird-notes/Sources examples/hummingbird-notes/Package.swift
fi
# Two suites need the servers to themselves, so they run alone in a second
# process after the rest: ServerWideSettingTests switch MariaDB's global
# read_only, which every concurrent run would see, and StandbyScenarioTests
# wait for the hot standby to replay, which lags behind the whole suite's WAL.
# Then the Hummingbird example and the installed binary, end to end.
alone='ServerWideSettingTests|StandbyScenarioTests'
scripts/with-test-databases.sh bash -c \
  "swift test --skip '$alone' && swift test --filter '$alone' && scripts/test-example.sh && scripts/test-install.sh"
scripts/check-docs.sh
