#!/usr/bin/env python3
"""Times `migrate` on generated projects; prints one line per measurement.

Run through scripts/benchmark.sh, which builds a release binary and starts
the throwaway servers. Measures, on SQLite and (when their URLs are set)
PostgreSQL and MariaDB:
  - `migrate current` on an up-to-date database (startup cost), median of runs
  - `upgrade head` of 500 generated one-table revisions, and `downgrade base`
  - `heads` over 5,000 generated revisions (SQLite only: no database is read)
"""
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid

BINARY = os.environ.get("MIGRATE_BINARY", ".build/release/migrate")


TABLE_DDL = ("CREATE TABLE t{n} (id INTEGER PRIMARY KEY, name VARCHAR(50));", "DROP TABLE t{n};")
TRIVIAL_DDL = ("SELECT 1;", "SELECT 1;")


def write_project(folder, url, count, ddl=TABLE_DDL):
    versions = os.path.join(folder, "migrations", "versions")
    os.makedirs(versions)
    with open(os.path.join(folder, "migrate.ini"), "w") as ini:
        ini.write("[migrate]\nscript_location = %(here)s/migrations\n")
        ini.write("url = " + url.replace("%", "%%") + "\n")
    parent = ""
    for index in range(1, count + 1):
        rev = "%012x" % index
        with open(os.path.join(versions, rev + "_table_%d.sql" % index), "w") as f:
            f.write(
                "-- Table %d\n--\n-- Revision ID: %s\n-- Revises: %s\n"
                "-- Create Date: 2026-11-23 10:00:00.000000\n-- Branch Labels:\n-- Depends On:\n\n"
                "-- migrate:upgrade\n%s\n\n-- migrate:downgrade\n%s\n"
                % (index, rev, parent, ddl[0].format(n=index), ddl[1].format(n=index))
            )
        parent = rev


def run(folder, *args):
    started = time.perf_counter()
    result = subprocess.run([BINARY, *args], cwd=folder, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit("migrate %s failed: %s" % (" ".join(args), result.stderr))
    return elapsed


def median_of(folder, repeat, *args):
    return statistics.median(run(folder, *args) for _ in range(repeat))


def report(name, seconds, target=None):
    goal = "" if target is None else "  (target < %g ms)" % (target * 1000)
    print("%-72s %9.1f ms%s" % (name, seconds * 1000, goal), flush=True)


def database_for(backend, folder):
    """A URL for a fresh database of the backend, and how to drop it."""
    if backend == "sqlite":
        return "sqlite:///" + os.path.join(folder, "bench.db"), lambda: None
    server = os.environ["MIGRATE_TEST_POSTGRESQL_URL" if backend == "postgresql" else "MIGRATE_TEST_MYSQL_URL"]
    base = server.split("?")[0].rstrip("/")
    if backend == "postgresql":
        base = base.rsplit("/", 1)[0]
    url = base + "/bench_" + uuid.uuid4().hex[:10]
    subprocess.run([BINARY, "database", "create", "--url", url], check=True, capture_output=True)
    return url, lambda: subprocess.run([BINARY, "database", "drop", "--yes", "--url", url], capture_output=True)


def available_backends():
    """SQLite, and each server whose URL the environment gives."""
    names = ["sqlite"]
    if os.environ.get("MIGRATE_TEST_POSTGRESQL_URL"):
        names.append("postgresql")
    if os.environ.get("MIGRATE_TEST_MYSQL_URL"):
        names.append("mysql")
    return names


@contextlib.contextmanager
def fresh_database(backend):
    """A temp folder and a new database of the backend; both removed after."""
    folder = tempfile.mkdtemp(prefix="migrate-bench-")
    try:
        url, drop = database_for(backend, folder)
        try:
            yield folder, url
        finally:
            drop()
    finally:
        shutil.rmtree(folder)


def schema_ddl(tables):
    """`tables` tables of 10 columns, each with an index; t0 is the root and
    every other table references the one before it."""
    lines = []
    for index in range(tables):
        parent = ", parent_id INTEGER" + ("" if index == 0 else " REFERENCES t%d (id)" % (index - 1))
        columns = "".join(", c%d VARCHAR(50)" % n for n in range(1, 9))
        lines.append("CREATE TABLE t%d (id INTEGER PRIMARY KEY%s%s);" % (index, parent, columns))
        lines.append("CREATE INDEX t%d_c1 ON t%d (c1);" % (index, index))
    return "\n".join(lines) + "\n"


def objects_ddl(backend, views, functions, triggers):
    """`views` views over t0.., `functions` functions and `triggers` triggers
    on t0.., in the backend's dialect (SQLite has no functions)."""
    lines = ["CREATE VIEW v%d AS SELECT id, c1, c2 FROM t%d WHERE c1 IS NOT NULL;" % (n, n) for n in range(views)]
    if backend == "postgresql":
        # The trigger function below is the last of the `functions`.
        lines += ["CREATE FUNCTION f%d(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + %d $$;" % (n, n)
                  for n in range(functions - 1)]
        lines.append("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                     "NEW.c1 := coalesce(NEW.c1, 'x'); RETURN NEW; END $$;")
        lines += ["CREATE TRIGGER tr%d BEFORE INSERT ON t%d FOR EACH ROW EXECUTE FUNCTION touch();" % (n, n)
                  for n in range(triggers)]
    elif backend == "mysql":
        lines += ["CREATE FUNCTION f%d(x INT) RETURNS INT DETERMINISTIC RETURN x + %d;" % (n, n) for n in range(functions)]
        lines += ["CREATE TRIGGER tr%d BEFORE INSERT ON t%d FOR EACH ROW SET NEW.c1 = COALESCE(NEW.c1, 'x');" % (n, n)
                  for n in range(triggers)]
    else:
        lines += ["CREATE TRIGGER tr%d AFTER INSERT ON t%d BEGIN UPDATE t%d SET c1 = 'x' WHERE id = NEW.id; END;"
                  % (n, n, n) for n in range(triggers)]
    return "\n".join(lines) + "\n"


def write_schema_project(folder, url, tables, declared=False, objects=""):
    """A project whose one revision creates schema_ddl(tables) and then
    `objects`; with `declared`, the same DDL is also its schema.sql."""
    versions = os.path.join(folder, "migrations", "versions")
    os.makedirs(versions)
    ddl = schema_ddl(tables) + objects
    with open(os.path.join(folder, "migrate.ini"), "w") as ini:
        ini.write("[migrate]\nscript_location = %(here)s/migrations\n")
        if declared:
            ini.write("schema = %(here)s/schema.sql\n")
        ini.write("url = " + url.replace("%", "%%") + "\n")
    if declared:
        with open(os.path.join(folder, "schema.sql"), "w") as f:
            f.write(ddl)
    with open(os.path.join(versions, "000000000001_schema.sql"), "w") as f:
        f.write(
            "-- Schema\n--\n-- Revision ID: 000000000001\n-- Revises:\n"
            "-- Create Date: 2026-11-23 10:00:00.000000\n-- Branch Labels:\n-- Depends On:\n\n"
            "-- migrate:upgrade\n" + ddl + "\n-- migrate:downgrade\n"
        )


def bench_backend(backend, targets):
    with fresh_database(backend) as (folder, url):
        write_project(folder, url, 500)
        report("%s: upgrade head, 500 revisions" % backend, run(folder, "upgrade", "head"), targets.get("upgrade"))
        report("%s: current, up to date (median of 20)" % backend, median_of(folder, 20, "current"), targets.get("current"))
        report("%s: downgrade base, 500 revisions" % backend, run(folder, "downgrade", "base"))
        floor = server_floor(backend, url)
        if floor is not None:
            report("%s: same 500 CREATE TABLE via its own client" % backend, floor)
    with fresh_database(backend) as (folder, url):
        write_project(folder, url, 500, TRIVIAL_DDL)
        report("%s: upgrade head, 500 `SELECT 1` revisions" % backend, run(folder, "upgrade", "head"))


def server_floor(backend, url):
    """The time the database's own command-line client needs for the same
    DDL in one script: what no migration tool can go below."""
    ddl = "".join("CREATE TABLE f%d (id INTEGER PRIMARY KEY, name VARCHAR(50));\n" % i for i in range(1, 501))
    drop = "".join("DROP TABLE f%d;\n" % i for i in range(1, 501))
    if backend == "postgresql" and shutil.which("psql"):
        command = ["psql", "-q", "-v", "ON_ERROR_STOP=1", url]
        ddl = "BEGIN;\n" + ddl + "COMMIT;\n"
    elif backend == "mysql" and shutil.which("mariadb"):
        parts = urllib.parse.urlparse(url)
        command = ["mariadb", "-h", parts.hostname, "-P", str(parts.port), "-u", parts.username,
                   "-p" + urllib.parse.unquote(parts.password or ""), parts.path.lstrip("/")]
    else:
        return None
    started = time.perf_counter()
    subprocess.run(command, input=ddl, text=True, check=True, capture_output=True)
    elapsed = time.perf_counter() - started
    subprocess.run(command, input=drop, text=True, check=True, capture_output=True)
    return elapsed


def bench_heads():
    folder = tempfile.mkdtemp(prefix="migrate-bench-")
    try:
        write_project(folder, "sqlite:///" + os.path.join(folder, "unused.db"), 5000)
        report("heads over 5,000 revisions (median of 10)", median_of(folder, 10, "heads"), 0.060)
    finally:
        shutil.rmtree(folder)


def main():
    bench_backend("sqlite", {"current": 0.020, "upgrade": 0.4})
    bench_heads()
    if os.environ.get("MIGRATE_TEST_POSTGRESQL_URL"):
        bench_backend("postgresql", {"current": 0.030, "upgrade": 0.4})
    if os.environ.get("MIGRATE_TEST_MYSQL_URL"):
        bench_backend("mysql", {})


if __name__ == "__main__":
    main()
