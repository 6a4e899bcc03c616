#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet.
# A machine that has them all does no network work. Usable as a command or
# sourced (it defines ensure_packages).
set -euo pipefail

ensure_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing ${missing[*]} ..." >&2
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# The C libraries the package links against.
BUILD_PACKAGES=(pkg-config libsqlite3-dev libpq-dev libmariadb-dev)

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_packages "$@"
fi
