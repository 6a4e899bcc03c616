#!/usr/bin/env bash
# The main job: build `migrate` and upgrade the project's own example (the
# `notes` app in migrate.ini and migrations/) to head on its SQLite default,
# notes.db in the repository root. Safe to run again: the second run finds
# the database up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-packages.sh
ensure_packages "${BUILD_PACKAGES[@]}"
swift build --product migrate >&2
.build/debug/migrate upgrade head
.build/debug/migrate current --verbose
