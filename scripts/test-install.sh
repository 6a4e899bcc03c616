#!/usr/bin/env bash
# Checks scripts/install.sh end to end: installs into a temporary prefix,
# then runs the installed binary with the Swift toolchain hidden (an empty
# folder mounted over it in a private mount namespace), as on a server
# without Swift: --version, init, revision, upgrade and current on SQLite,
# and, when with-test-databases.sh gives their URLs, on PostgreSQL and
# MariaDB (their client libraries are system libraries, opened on demand).
# Part of scripts/test.sh. Needs root for `unshare -m` (else it tries an
# unprivileged user namespace, `unshare -rm`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() { echo "test-install: FAILED: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

started=$SECONDS
scripts/install.sh "$prefix"
echo "test-install: install.sh took $((SECONDS - started)) s" >&2

for file in bin/migrate share/man/man1/migrate.1 share/bash-completion/completions/migrate \
  share/zsh/site-functions/_migrate share/fish/vendor_completions.d/migrate.fish; do
  [ -s "$prefix/$file" ] || fail "install.sh did not install $file"
done
grep -Eq '^\.(TH|Dt) ' "$prefix/share/man/man1/migrate.1" || fail "migrate.1 is not a man page"
grep -q 'upgrade' "$prefix/share/bash-completion/completions/migrate" || fail "the bash completions lack 'upgrade'"
if ldd "$prefix/bin/migrate" | grep -Eq 'libswift|libFoundation|libicu|libpq|libmariadb'; then
  fail "the installed binary links the Swift runtime or a client library: $(ldd "$prefix/bin/migrate")"
fi
# The release link's choices (scripts/release-build.sh) are in the binary:
# libstdc++ inside it when the static archive exists, relocations packed.
clang="$(dirname "$(readlink -f "$(command -v swift)")")/clang"
if [ -f "$("$clang" -print-file-name=libstdc++.a)" ] && ldd "$prefix/bin/migrate" | grep -q 'libstdc++'; then
  fail "the installed binary links the shared libstdc++: $(ldd "$prefix/bin/migrate")"
fi
readelf -d "$prefix/bin/migrate" | grep -q '(RELR)' || fail "the installed binary's relocations are not packed (no DT_RELR)"
# The listed functions of this package's own modules lie side by side
# (about 0.5 MiB; unordered they spread over more than 2 MiB).
span=$(nm --defined-only "$prefix/bin/migrate" | python3 -c '
import sys
wanted = {name for name in open(sys.argv[1]).read().split() if name.startswith(("$s7migrate", "$s10MigrateKit"))}
addresses = [int(f[0], 16) for f in (line.split() for line in sys.stdin) if len(f) == 3 and f[2] in wanted]
print(max(addresses) - min(addresses) if len(addresses) > len(wanted) // 2 else -1)' scripts/startup-order.txt)
[ "$span" -ge 0 ] && [ "$span" -lt $((1024 * 1024)) ] \
  || fail "the functions of scripts/startup-order.txt are not placed together (span $span bytes; -1: most are missing, run scripts/startup-order.sh)"

# The toolchain's root: /opt/swift for /opt/swift/usr/bin/swift.
toolchain=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")
case "$toolchain" in
  / | /usr) toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib/swift" ;;
esac
mkdir "$work/empty" "$work/project"
if [ "$(id -u)" = 0 ]; then unshare=(unshare -m); else unshare=(unshare -rm); fi

# Runs inside the namespace: hide the toolchain, then use the binary.
cat > "$work/scenario.sh" <<'SCENARIO'
set -euo pipefail
toolchain=$1 empty=$2 migrate=$3
mount --bind "$empty" "$toolchain"
[ -z "$(ls -A "$toolchain")" ] || { echo "the toolchain at $toolchain is still visible" >&2; exit 1; }
! command -v swift >/dev/null 2>&1 || [ ! -x "$(command -v swift)" ] || { echo "swift still runs" >&2; exit 1; }
"$migrate" --version | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+' || { echo "--version printed no version" >&2; exit 1; }
run_on() {  # URL
  local url=$1
  rm -rf migrate.ini migrations
  "$migrate" init migrations >/dev/null
  "$migrate" --url "$url" revision -m "create notes" >/dev/null
  file=$(ls migrations/versions/*.sql)
  printf -- '-- create notes\n--\n-- Revision ID: aaaaaaaaaaaa\n-- Revises:\n-- Create Date: 2026-12-03 10:00:00\n-- Branch Labels:\n-- Depends On:\n\n-- migrate:upgrade\nCREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(100));\n\n-- migrate:downgrade\nDROP TABLE notes;\n' > "$file"
  "$migrate" --url "$url" upgrade head
  "$migrate" --url "$url" current | grep -q 'aaaaaaaaaaaa (head)' || { echo "current did not say aaaaaaaaaaaa (head) on ${url%%:*}" >&2; exit 1; }
  "$migrate" --url "$url" downgrade base
}
run_on "sqlite:///$PWD/installed.db"
[ -s installed.db ] || { echo "no SQLite database was written" >&2; exit 1; }
for server in "${MIGRATE_TEST_POSTGRESQL_URL:-}" "${MIGRATE_TEST_MYSQL_URL:-}"; do
  [ -n "$server" ] || continue
  base=${server%%\?*}; base=${base%/}
  case "$server" in postgres*) base=${base%/*} ;; esac
  url="$base/installcheck_$$"
  "$migrate" database create --url "$url" >/dev/null
  run_on "$url"
  "$migrate" database drop --yes --url "$url" >/dev/null
done
# Without libpq, a PostgreSQL URL is one clear error; SQLite never needed it.
for library in /usr/lib/*/libpq.so.5 /usr/lib/libpq.so.5; do
  [ -e "$library" ] && mount --bind /dev/null "$library"
done
set +e
output=$("$migrate" --url postgresql://127.0.0.1:1/none current 2>&1)
status=$?
set -e
[ "$status" = 1 ] && grep -q '^error\[db.client-library-missing\]: libpq' <<<"$output" ||
  { echo "without libpq: exit $status, $output" >&2; exit 1; }
"$migrate" --url "sqlite:///$PWD/installed.db" current >/dev/null
SCENARIO
(cd "$work/project" && "${unshare[@]}" bash "$work/scenario.sh" "$toolchain" "$work/empty" "$prefix/bin/migrate") ||
  fail "the installed binary failed with the toolchain ($toolchain) hidden"
echo "test-install: ok (installed binary runs without $toolchain; $((SECONDS - started)) s in all)" >&2
