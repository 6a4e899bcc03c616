#!/usr/bin/env bash
# Builds a release `migrate` with the Swift runtime and Foundation linked
# statically (it runs without the Swift toolchain; it needs only the C
# libraries of the system: libc, libstdc++, libsqlite3, and libpq or
# libmariadb when a URL names those databases) and installs it under PREFIX
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

# The man page first: the plugin builds (and links) the package's release
# products its own way, and the static binary below replaces that link.
swift package plugin --allow-writing-to-package-directory generate-manual >&2
manual=$(find .build/plugins/GenerateManual/outputs -name 'migrate.1' | head -n 1)
[ -n "$manual" ] || { echo "error[install.no-manual]: generate-manual wrote no migrate.1" >&2; exit 1; }

swift build -c release --product migrate --static-swift-stdlib >&2
binary="$(swift build -c release --show-bin-path)/migrate"

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/migrate"
install -m 644 "$manual" "$prefix/share/man/man1/migrate.1"
"$binary" --generate-completion-script bash > "$prefix/share/bash-completion/completions/migrate"
"$binary" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_migrate"
"$binary" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/migrate.fish"
echo "Installed $("$prefix/bin/migrate" --version | head -n 1) to $prefix/bin/migrate" >&2
