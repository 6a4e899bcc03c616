#!/usr/bin/env python3
"""Share of public declarations in Sources/ that carry a doc comment.

A declaration counts when its line starts with `public` or `open` (after
attributes such as `@discardableResult` on the lines above, which are
skipped); it is documented when a `///` line (or the end of a `/** */`
block) stands directly above it or its attributes. Members of a public
enum's `case` list are counted too. Usage: scripts/doc-coverage.py [-v]
"""
import os
import re
import sys

DECL = re.compile(r"^\s*(public|open)\s+(?!import\b)")
CASE = re.compile(r"^\s*case\s+\w")


def enum_depths(lines):
    """Yields, per line, whether it is directly inside a public enum."""
    stack = []
    for line in lines:
        inside = bool(stack) and stack[-1]
        yield inside
        opens = line.count("{")
        closes = line.count("}")
        is_public_enum = bool(re.match(r"^\s*public\s+(indirect\s+)?enum\b", line))
        for _ in range(opens):
            stack.append(is_public_enum)
            is_public_enum = False
        for _ in range(closes):
            if stack:
                stack.pop()


def main():
    verbose = "-v" in sys.argv
    total = documented = 0
    missing = []
    for root, _, files in os.walk("Sources"):
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            path = os.path.join(root, name)
            lines = open(path, encoding="utf-8").read().split("\n")
            for index, (line, in_enum) in enumerate(zip(lines, enum_depths(lines))):
                if not (DECL.match(line) or (in_enum and CASE.match(line))):
                    continue
                above = index - 1
                while above >= 0 and lines[above].strip().startswith("@"):
                    above -= 1
                prev = lines[above].strip() if above >= 0 else ""
                total += 1
                if prev.startswith("///") or prev.endswith("*/"):
                    documented += 1
                else:
                    missing.append(f"{path}:{index + 1}: {line.strip()}")
    if verbose:
        print("\n".join(missing))
    print(f"{documented} of {total} public declarations documented ({100 * documented / max(total, 1):.0f}%)")


main()
