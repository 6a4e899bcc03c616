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
import os
import shutil
import tempfile

from benchmark import database_for, median_of, report, run

TABLES = 200
TARGETS = {"sqlite": 0.090, "postgresql": 0.120, "mysql": None}


def schema_ddl(tables):
    """As benchmark-inspect.py: t0 is the root; every other table references the one before it."""
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
    ddl = schema_ddl(TABLES)
    with open(os.path.join(folder, "migrate.ini"), "w") as ini:
        ini.write("[migrate]\nscript_location = %(here)s/migrations\nschema = %(here)s/schema.sql\n")
        ini.write("url = " + url.replace("%", "%%") + "\n")
    with open(os.path.join(folder, "schema.sql"), "w") as f:
        f.write(ddl)
    with open(os.path.join(versions, "000000000001_schema.sql"), "w") as f:
        f.write(
            "-- Schema\n--\n-- Revision ID: 000000000001\n-- Revises:\n"
            "-- Create Date: 2026-11-23 10:00:00.000000\n-- Branch Labels:\n-- Depends On:\n\n"
            "-- migrate:upgrade\n" + ddl + "\n-- migrate:downgrade\n"
        )


def bench_backend(backend):
    folder = tempfile.mkdtemp(prefix="migrate-bench-check-")
    try:
        url, drop = database_for(backend, folder)
        try:
            write_project(folder, url)
            run(folder, "upgrade", "head")
            report("%s: check, %d tables, cold" % (backend, TABLES), run(folder, "check"))
            report("%s: check, %d tables, warm" % (backend, TABLES),
                   median_of(folder, 5, "check"), TARGETS[backend])
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
