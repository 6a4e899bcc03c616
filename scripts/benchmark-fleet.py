#!/usr/bin/env python3
"""Times fleets of databases (issue 10); prints one line per measurement.

Run through scripts/benchmark.sh (or `scripts/with-test-databases.sh python3
scripts/benchmark-fleet.py` after a release build). Each tenant takes 20
one-table revisions. For each fleet: a shell loop of single
`migrate upgrade head --url URL` runs, then (after `downgrade base` over the
fleet) one `migrate upgrade head --targets FILE --parallel 4`, with its peak
memory (`/usr/bin/time -v`, maximum resident set size):
  - 500 databases on PostgreSQL, 200 on MariaDB, 1,000 SQLite files,
    1,000 schemas in one PostgreSQL database (`[targets] schemas = tenant_*`);
  - PostgreSQL again with tenant 250 failing: the run stops, and after the
    fix a re-run upgrades only the tenants that were left.
FLEET_SCALE=0.1 runs a tenth of each fleet (a quick check of the script).
"""
import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import json

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchmark import BINARY, report, write_project  # noqa: E402

SCALE = float(os.environ.get("FLEET_SCALE", "1"))
PARALLEL = "4"
REVISIONS = 20


def scaled(count):
    return max(4, int(count * SCALE))


def timed(args, cwd, expect=0):
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *args], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != expect:
        sys.exit("%s exited %d: %s" % (" ".join(args), result.returncode, result.stderr[-3000:]))
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return elapsed, (int(rss.group(1)) / 1024 if rss else float("nan")), result


def shell_loop(folder, urls):
    """A loop of single runs, as a user would write it before --targets."""
    with open(os.path.join(folder, "urls.txt"), "w") as f:
        f.write("\n".join(urls) + "\n")
    script = 'while IFS= read -r url; do "$0" upgrade head --url "$url" >/dev/null || exit 1; done < urls.txt'
    started = time.perf_counter()
    subprocess.run(["bash", "-c", script, BINARY], cwd=folder, check=True)
    return time.perf_counter() - started


def fleet(folder, verb, *extra, expect=0):
    target = "head" if verb == "upgrade" else "base"
    args = [BINARY, verb, target, *extra, "--parallel", PARALLEL, "--format", "json"]
    elapsed, rss, result = timed(args, folder, expect=expect)
    return elapsed, rss, json.loads(result.stdout) if result.stdout.strip() else None


def compare(label, folder, urls, fleet_args):
    # Both timed runs start from the same state: every tenant with an empty
    # version table (an untimed upgrade and downgrade make it), so neither
    # side pays for creating the version tables alone.
    fleet(folder, "upgrade", *fleet_args)
    fleet(folder, "downgrade", *fleet_args)
    loop = shell_loop(folder, urls)
    report("%s: shell loop of %d single `upgrade head` runs" % (label, len(urls)), loop)
    fleet(folder, "downgrade", *fleet_args)
    elapsed, rss, document = fleet(folder, "upgrade", *fleet_args)
    assert document["summary"]["changed"] == len(urls), document["summary"]
    report("%s: upgrade head %s --parallel %s" % (label, " ".join(fleet_args), PARALLEL), elapsed)
    print("%-72s %9.1f x   (target >= 3x)" % ("%s: speed-up over the loop" % label, loop / elapsed), flush=True)
    print("%-72s %9.1f MiB (target < 100 MiB)" % ("%s: peak memory (max RSS)" % label, rss), flush=True)


def server(variable):
    url = os.environ.get(variable)
    if not url:
        return None
    parsed = urllib.parse.urlsplit(url)
    return parsed


def postgresql_url(parsed, database, query=""):
    return urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, "/" + database, query, ""))


def psql(parsed, database, sql):
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", postgresql_url(parsed, database), "-f", "-"],
        input=sql, text=True, check=True, capture_output=True)


def mariadb(parsed, sql):
    return subprocess.run(
        ["mariadb", "-N", "-B", "-h", parsed.hostname, "-P", str(parsed.port), "-u", parsed.username,
         "-p" + urllib.parse.unquote(parsed.password or "")],
        input=sql, text=True, check=True, capture_output=True).stdout


@contextlib.contextmanager
def durable_commits(parsed):
    """InnoDB as a production server runs it: the log flushed at every
    commit (the throwaway test server turns that off for speed), for both
    timed runs alike; the server's setting is put back afterwards. The
    doublewrite buffer cannot change while the server runs: printed as it is."""
    before, doublewrite = mariadb(parsed, "SELECT @@GLOBAL.innodb_flush_log_at_trx_commit, @@GLOBAL.innodb_doublewrite;").split()
    mariadb(parsed, "SET GLOBAL innodb_flush_log_at_trx_commit = 1;")
    print("MariaDB: innodb_flush_log_at_trx_commit = 1 (was %s), innodb_doublewrite = %s" % (before, doublewrite), flush=True)
    try:
        yield
    finally:
        mariadb(parsed, "SET GLOBAL innodb_flush_log_at_trx_commit = %s;" % before)


def project(url):
    folder = tempfile.mkdtemp(prefix="migrate-fleet-bench-")
    write_project(folder, url, REVISIONS)
    return folder


def bench_postgresql_databases(parsed):
    count = scaled(500)
    names = ["fleet_tenant_%04d" % i for i in range(1, count + 1)]
    psql(parsed, "postgres", "".join("CREATE DATABASE %s;\n" % name for name in names))
    try:
        urls = [postgresql_url(parsed, name) for name in names]
        folder = project(urls[0])
        with open(os.path.join(folder, "targets.txt"), "w") as f:
            f.write("# %d tenants\n" % count + "\n".join(urls) + "\n")
        compare("PostgreSQL, %d databases" % count, folder, urls, ["--targets", "targets.txt"])

        # Tenant 250 fails at its 5th revision: the run stops starting
        # targets; fixed, a re-run upgrades only what is left.
        fleet(folder, "downgrade", "--targets", "targets.txt")
        broken = names[min(249, count - 1)]
        psql(parsed, broken, "CREATE TABLE t5 (id INTEGER);")
        elapsed, _, first = fleet(folder, "upgrade", "--targets", "targets.txt", expect=1)
        report("PostgreSQL: upgrade with tenant %s failing (stops)" % broken[-3:], elapsed)
        psql(parsed, broken, "DROP TABLE t5;")
        elapsed, _, second = fleet(folder, "upgrade", "--targets", "targets.txt")
        left = first["summary"]["failed"] + first["summary"]["not_started"]
        assert second["summary"]["changed"] == left, (first["summary"], second["summary"])
        assert second["summary"]["unchanged"] == first["summary"]["changed"], (first["summary"], second["summary"])
        print("%-72s %s" % (
            "PostgreSQL: first run upgraded / failed / not started",
            "%(changed)d / %(failed)d / %(not_started)d" % first["summary"]), flush=True)
        report("PostgreSQL: re-run after the fix: %d upgraded, %d already at head"
               % (second["summary"]["changed"], second["summary"]["unchanged"]), elapsed)
    finally:
        psql(parsed, "postgres", "".join("DROP DATABASE IF EXISTS %s;\n" % name for name in names))


def bench_postgresql_schemas(parsed):
    count = scaled(1000)
    database = "fleet_schemas"
    psql(parsed, "postgres", "DROP DATABASE IF EXISTS %s;\nCREATE DATABASE %s;\n" % (database, database))
    try:
        schemas = ["tenant_%04d" % i for i in range(1, count + 1)]
        psql(parsed, database, "".join("CREATE SCHEMA %s;\n" % schema for schema in schemas))
        main = postgresql_url(parsed, database)
        folder = project(main)
        with open(os.path.join(folder, "migrate.ini"), "a") as ini:
            ini.write("\n[targets]\nschemas = tenant_*\n")
        urls = [postgresql_url(parsed, database, "options=" + urllib.parse.quote("-c search_path=" + s)) for s in schemas]
        compare("PostgreSQL, %d schemas in one database" % count, folder, urls, [])
    finally:
        psql(parsed, "postgres", "DROP DATABASE IF EXISTS %s;\n" % database)


def bench_mariadb_databases(parsed):
    count = scaled(200)
    names = ["fleet_tenant_%04d" % i for i in range(1, count + 1)]
    mariadb(parsed, "".join("CREATE DATABASE %s;\n" % name for name in names))
    try:
        urls = [urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, "/" + name, "", "")) for name in names]
        folder = project(urls[0])
        with open(os.path.join(folder, "targets.txt"), "w") as f:
            f.write("\n".join(urls) + "\n")
        with durable_commits(parsed):
            compare("MariaDB, %d databases" % count, folder, urls, ["--targets", "targets.txt"])
    finally:
        mariadb(parsed, "".join("DROP DATABASE IF EXISTS %s;\n" % name for name in names))


def bench_sqlite_files():
    count = scaled(1000)
    folder = project("sqlite:///unused.db")
    urls = ["sqlite:///" + os.path.join(folder, "tenant_%04d.db" % i) for i in range(1, count + 1)]
    with open(os.path.join(folder, "targets.txt"), "w") as f:
        f.write("\n".join(urls) + "\n")
    compare("SQLite, %d files" % count, folder, urls, ["--targets", "targets.txt"])


def main():
    only = set(sys.argv[1:])
    postgresql = server("MIGRATE_TEST_POSTGRESQL_URL")
    mysql = server("MIGRATE_TEST_MYSQL_URL")
    if not only or "sqlite" in only:
        bench_sqlite_files()
    if postgresql and (not only or "postgresql" in only):
        bench_postgresql_databases(postgresql)
    if postgresql and (not only or "schemas" in only):
        bench_postgresql_schemas(postgresql)
    if mysql and (not only or "mariadb" in only):
        bench_mariadb_databases(mysql)


if __name__ == "__main__":
    main()
