#!/usr/bin/env python3
"""Times `migrate inspect` on 1,000 tables of 10 columns, each with an index
and a foreign key; prints one line per database.

Run through scripts/benchmark.sh, which builds a release binary and starts
the throwaway servers. The schema is created by `migrate upgrade head` from
one generated revision, then `migrate inspect` runs five times and the
median is reported (issue 4's target: under 1 s on each database).
"""
import os
import shutil
import subprocess
import sys
import tempfile

from benchmark import BINARY, database_for, median_of, report, run

TABLES = 1000


def schema_ddl(tables):
    """t0 is the root; every other table references the one before it."""
    lines = []
    for index in range(tables):
        parent = ", parent_id INTEGER" + ("" if index == 0 else " REFERENCES t%d (id)" % (index - 1))
        columns = "".join(", c%d VARCHAR(50)" % n for n in range(1, 9))
        lines.append("CREATE TABLE t%d (id INTEGER PRIMARY KEY%s%s);" % (index, parent, columns))
        lines.append("CREATE INDEX t%d_c1 ON t%d (c1);" % (index, index))
    return "\n".join(lines) + "\n"


def write_project(folder, url):
    versions = os.path.join(folder, "migrations", "versions")
    os.makedirs(versions)
    with open(os.path.join(folder, "migrate.ini"), "w") as ini:
        ini.write("[migrate]\nscript_location = %(here)s/migrations\n")
        ini.write("url = " + url.replace("%", "%%") + "\n")
    with open(os.path.join(versions, "000000000001_schema.sql"), "w") as f:
        f.write(
            "-- Schema\n--\n-- Revision ID: 000000000001\n-- Revises:\n"
            "-- Create Date: 2026-11-23 10:00:00.000000\n-- Branch Labels:\n-- Depends On:\n\n"
            "-- migrate:upgrade\n" + schema_ddl(TABLES) + "\n-- migrate:downgrade\n"
        )


def bench_backend(backend):
    folder = tempfile.mkdtemp(prefix="migrate-bench-inspect-")
    try:
        url, drop = database_for(backend, folder)
        try:
            write_project(folder, url)
            run(folder, "upgrade", "head")
            output = subprocess.run([BINARY, "inspect"], cwd=folder, capture_output=True, text=True, check=True).stdout
            seen = output.count("\ntable ") + output.startswith("table ")
            if seen != TABLES:
                sys.exit("%s: inspect printed %d tables, expected %d" % (backend, seen, TABLES))
            report("%s: inspect, %d tables x 10 columns (median of 5)" % (backend, TABLES),
                   median_of(folder, 5, "inspect"), 1.0)
        finally:
            drop()
    finally:
        shutil.rmtree(folder)


def main():
    bench_backend("sqlite")
    if os.environ.get("MIGRATE_TEST_POSTGRESQL_URL"):
        bench_backend("postgresql")
    if os.environ.get("MIGRATE_TEST_MYSQL_URL"):
        bench_backend("mysql")


if __name__ == "__main__":
    main()
