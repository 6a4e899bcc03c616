#!/usr/bin/env python3
"""Times `migrate inspect` on 1,000 tables of 10 columns, each with an index
and a foreign key; prints one line per database.

Run through scripts/benchmark.sh, which builds a release binary and starts
the throwaway servers. The schema is created by `migrate upgrade head` from
one generated revision, then `migrate inspect` runs five times and the
median is reported (issue 4's target: under 1 s on each database).
"""
import subprocess
import sys

from benchmark import BINARY, available_backends, fresh_database, median_of, report, run, write_schema_project

TABLES = 1000


def bench_backend(backend):
    with fresh_database(backend) as (folder, url):
        write_schema_project(folder, url, TABLES)
        run(folder, "upgrade", "head")
        output = subprocess.run([BINARY, "inspect"], cwd=folder, capture_output=True, text=True, check=True).stdout
        seen = output.count("\ntable ") + output.startswith("table ")
        if seen != TABLES:
            sys.exit("%s: inspect printed %d tables, expected %d" % (backend, seen, TABLES))
        report("%s: inspect, %d tables x 10 columns (median of 5)" % (backend, TABLES),
               median_of(folder, 5, "inspect"), 1.0)


def main():
    for backend in available_backends():
        bench_backend(backend)


if __name__ == "__main__":
    main()
