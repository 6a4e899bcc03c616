#!/usr/bin/env python3
"""Times `migrate check` on 200 tables of 10 columns, each with an index and
a foreign key, when the database at head already matches schema.sql (nothing
to do); prints one line per database, cold and warm.

Run through scripts/benchmark.sh, which builds a release binary and starts
the throwaway servers. Cold: the first `check`, which applies schema.sql to a
scratch database and fills <script_location>/.migrate-cache/. Warm: the median
of five more runs, which read the cached declared schema (issue 4's targets:
under 90 ms on SQLite, 120 ms on PostgreSQL; Alembic 1.20 takes 0.86 s and
1.22 s here).
"""

from benchmark import available_backends, fresh_database, median_of, report, run, write_schema_project

TABLES = 200
TARGETS = {"sqlite": 0.090, "postgresql": 0.120, "mysql": None}


def bench_backend(backend):
    with fresh_database(backend) as (folder, url):
        write_schema_project(folder, url, TABLES, declared=True)
        run(folder, "upgrade", "head")
        report("%s: check, %d tables, cold" % (backend, TABLES), run(folder, "check"))
        report("%s: check, %d tables, warm" % (backend, TABLES), median_of(folder, 5, "check"), TARGETS[backend])


def main():
    for backend in available_backends():
        bench_backend(backend)


if __name__ == "__main__":
    main()
