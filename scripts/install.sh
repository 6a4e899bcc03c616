#!/usr/bin/env bash
# Builds a release `migrate` with the Swift runtime, Foundation and libstdc++
# linked statically (scripts/release-build.sh: it runs without the Swift
# toolchain; it needs only the C libraries of the system: glibc 2.36 or
# later, libgcc_s, libsqlite3, and libpq or libmariadb when a URL names
# those databases) and installs it under PREFIX
# (default /usr/local):
#   PREFIX/bin/migrate
#   PREFIX/share/bash-completion/completions/migrate
#   PREFIX/share/zsh/site-functions/_migrate
#   PREFIX/share/fish/vendor_completions.d/migrate.fish
#   PREFIX/share/man/man1/migrate.1  (swift-argument-parser's generate-manual)
# Usage: scripts/install.sh [PREFIX]
set -euo pipefail
prefix="${1:-/usr/local}"
case "$prefix" in
  -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  /*) ;;
  *) prefix="$PWD/$prefix" ;;
esac
cd "$(dirname "${BASH_SOURCE[0]}")/.."

binary=$(scripts/release-build.sh)

# The man page, by swift-argument-parser's generate-manual plugin's own tool,
# run on the binary just built: the plugin proper would build every product
# again in release mode without the static runtime. `--help` builds the tool
# (nothing else) and locates it.
swift package plugin generate-manual --help >/dev/null
tool=$(find .build -path '*/debug/generate-manual-tool' -type f | head -n 1)
[ -x "$tool" ] || { echo "error[install.no-manual-tool]: swift-argument-parser's generate-manual tool was not built" >&2; exit 1; }
manuals="$(dirname "$binary")/manual"
rm -rf "$manuals" && mkdir -p "$manuals"
"$tool" "$binary" --output-directory "$manuals" >&2
manual="$manuals/migrate.1"
[ -s "$manual" ] || { echo "error[install.no-manual]: generate-manual wrote no migrate.1" >&2; exit 1; }

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/migrate"
install -m 644 "$manual" "$prefix/share/man/man1/migrate.1"
"$binary" --generate-completion-script bash > "$prefix/share/bash-completion/completions/migrate"
"$binary" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_migrate"
"$binary" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/migrate.fish"
echo "Installed $("$prefix/bin/migrate" --version | head -n 1) to $prefix/bin/migrate" >&2
