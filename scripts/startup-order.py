#!/usr/bin/env python3
"""Writes the function order for the release link from callgrind traces.

Usage: startup-order.py BINARY TRACE... > scripts/startup-order.txt

Each trace was recorded with `--dump-instr=yes --compress-pos=no`, so it
lists the address of every instruction that ran. Each address of BINARY is
mapped to the symbols defined where its function starts (all of them:
merged functions and thunks share an address under several names, and the
linker orders a section by any one of them). Names the trace gives would
not do: callgrind picks one alias, sometimes one the symbol table lacks.
Prints the names sorted, one per line; the linker places the sections
that hold them side by side.
"""
import bisect
import subprocess
import sys


def function_starts(binary):
    """Sorted start addresses of the binary's functions and the names at each."""
    listing = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    names = {}
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in "tTwW":
            names.setdefault(int(fields[0], 16), []).append(fields[2])
    starts = sorted(names)
    return starts, names


def executed_addresses(trace, binary):
    """Addresses of instructions of `binary` that ran, from one trace."""
    addresses = set()
    in_binary = False
    with open(trace, errors="replace") as lines:
        for line in lines:
            if line.startswith("ob="):
                in_binary = line[3:].strip() == binary
            elif in_binary and line.startswith("0x"):
                addresses.add(int(line.split(" ", 1)[0], 16))
    return addresses


def main():
    binary, traces = sys.argv[1], sys.argv[2:]
    starts, names = function_starts(binary)
    ordered = set()
    for trace in traces:
        for address in executed_addresses(trace, binary):
            index = bisect.bisect_right(starts, address) - 1
            if index >= 0:
                ordered.update(names[starts[index]])
    if not ordered:
        sys.exit("error[order.empty]: the traces ran no function of %s" % binary)
    sys.stdout.write("".join(name + "\n" for name in sorted(ordered)))


if __name__ == "__main__":
    main()
