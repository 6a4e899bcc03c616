#!/usr/bin/env python3
"""Times `migrate inspect` on 1,000 tables of 10 columns, each with an index
and a foreign key, then on the same with 200 views, 100 functions (none on
SQLite, which has none) and 100 triggers; prints one line per database and
measurement.

Run through scripts/benchmark.sh, which builds a release binary and starts
the throwaway servers. The schema is created by `migrate upgrade head` from
one generated revision, then `migrate inspect` runs five times and the
median is reported (issue 4's target: under 1 s on each database).
"""
import subprocess
import sys

from benchmark import (BINARY, available_backends, fresh_database, median_of, objects_ddl, report, run,
                       write_schema_project)

TABLES = 1000
VIEWS, FUNCTIONS, TRIGGERS = 200, 100, 100


def count(output, kind):
    return sum(1 for line in output.splitlines() if line.startswith(kind + " "))


def bench_backend(backend, with_objects):
    functions = 0 if backend == "sqlite" else FUNCTIONS
    objects = objects_ddl(backend, VIEWS, functions, TRIGGERS) if with_objects else ""
    with fresh_database(backend) as (folder, url):
        write_schema_project(folder, url, TABLES, objects=objects)
        run(folder, "upgrade", "head")
        output = subprocess.run([BINARY, "inspect"], cwd=folder, capture_output=True, text=True, check=True).stdout
        expected = {"table": TABLES}
        if with_objects:
            expected.update({"view": VIEWS, "function": functions, "trigger": TRIGGERS})
        for kind, wanted in expected.items():
            seen = count(output, kind)
            if seen != wanted:
                sys.exit("%s: inspect printed %d %ss, expected %d" % (backend, seen, kind, wanted))
        what = ("%d tables + %d views, %d functions, %d triggers" % (TABLES, VIEWS, functions, TRIGGERS)
                if with_objects else "%d tables x 10 columns" % TABLES)
        report("%s: inspect, %s (median of 5)" % (backend, what), median_of(folder, 5, "inspect"), 1.0)


def main():
    for backend in available_backends():
        bench_backend(backend, with_objects=False)
        bench_backend(backend, with_objects=True)


if __name__ == "__main__":
    main()
