#!/usr/bin/env bash
# Builds the release `migrate` that scripts/install.sh installs and
# scripts/benchmark.sh times, and prints its path on stdout. One place for
# the flags, so what is measured is what is installed:
#
# - The Swift runtime and Foundation linked statically (--static-swift-stdlib):
#   the binary runs without the toolchain, and starts in half the time.
# - libstdc++ linked statically too, when the compiler finds libstdc++.a:
#   the shared one costs about 1.5 MiB of resident pages and thousands of
#   symbol lookups at every start, for the few functions the runtime uses.
# - Linked by lld with packed relative relocations (DT_RELR, glibc 2.36 or
#   later): a position-independent binary keeps address-space randomisation,
#   and the loader reads about 20 KB of relocations instead of 2 MB.
# - No dynamic symbol table of the program's own functions
#   (--no-export-dynamic, overriding the static Swift runtime's
#   -export-dynamic): nothing looks them up by name, and the loader no longer
#   reads 700 KB of symbols and hash buckets at every start.
# - Every function in its own section, placed by scripts/startup-order.txt:
#   the functions an everyday command runs (about 1 MB) lie side by side
#   instead of spread over 19 MB of code, so a start touches fewer pages.
#   Regenerate the list with scripts/startup-order.sh after large changes;
#   a stale list costs memory, never correctness.
#
# Usage: scripts/release-build.sh [extra swift build arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

flags=(
  -c release --product migrate --static-swift-stdlib
  -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
  -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections
)

# `-lstdc++` finds the first libstdc++.* in the search path; a folder that
# holds only the static archive, searched first, makes that the archive.
clang="$(dirname "$(readlink -f "$(command -v swift)")")/clang"
archive=$("$clang" -print-file-name=libstdc++.a 2>/dev/null || true)
if [ -f "$archive" ]; then
  mkdir -p .build/static-libstdc++
  ln -sf "$archive" .build/static-libstdc++/libstdc++.a
  flags+=(-Xlinker "-L$PWD/.build/static-libstdc++")
else
  echo "release-build: no libstdc++.a found (install libstdc++-12-dev); linking the shared libstdc++" >&2
fi

# In a build folder of its own, named by the compile flags: swift build's
# incremental compile does not notice changed compiler flags (objects built
# without function sections would stay), and other release builds of this
# package use other flags. The ordering list is a link input (below).
scratch=".build/release-build-$(printf '%s\n' "${flags[@]}" | sha256sum | cut -c1-12)"
flags+=(--scratch-path "$scratch")

flags+=(-Xlinker --no-export-dynamic)

# Under a name that carries its content's hash: a new list changes the link
# command, so swift build links again (it does not watch the file itself).
if [ -s scripts/startup-order.txt ]; then
  mkdir -p "$scratch/startup-order"
  order="$scratch/startup-order/$(sha256sum scripts/startup-order.txt | cut -c1-16).txt"
  cp scripts/startup-order.txt "$order"
  flags+=(-Xlinker "--symbol-ordering-file=$PWD/$order" -Xlinker --no-warn-symbol-ordering)
fi

swift build "${flags[@]}" "$@" >&2
echo "$PWD/$scratch/release/migrate"
