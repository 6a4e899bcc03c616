#!/usr/bin/env python3
"""Startup side by side: `migrate current` on an up-to-date SQLite database,
the same query through `sqlite3`, and Alembic's `alembic current` on an
equivalent project (when `import alembic` works: `pip install alembic`);
then `migrate heads` over 5,000 revisions, cold (no header cache) and warm.

Each command runs RUNS times in a row (after one warm-up run), as
hyperfine does; prints min and median wall time and the peak RSS (the
children's ru_maxrss). Run through scripts/benchmark.sh.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchmark import BINARY, write_project  # noqa: E402

RUNS = int(os.environ.get("BENCHMARK_RUNS", "30"))


def measure(argv, cwd, env=None, before=None):
    """(min seconds, median seconds, peak RSS in MiB, median CPU seconds) over
    RUNS runs. CPU time (user + system) stays meaningful on a loaded machine.

    Each run is started with posix_spawn (vfork and exec, as hyperfine does):
    subprocess.Popen's fork runs interpreter code in the child before exec,
    which the child's CPU time and the wall time would count against the
    program measured (about 2-4 ms here)."""
    times, cpu = [], []
    errors = tempfile.TemporaryFile()
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
               (os.POSIX_SPAWN_DUP2, errors.fileno(), 2)]
    program = shutil.which(argv[0]) or argv[0]
    here = os.getcwd()
    for index in range(RUNS + 1):
        if before:
            before()
        os.chdir(cwd)
        try:
            started = time.perf_counter()
            pid = os.posix_spawn(program, argv, os.environ if env is None else env, file_actions=actions)
            _, status, usage = os.wait4(pid, 0)
            elapsed = time.perf_counter() - started
        finally:
            os.chdir(here)
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit("%s failed: %s" % (" ".join(argv), errors.read().decode()))
        if index:  # the first run warms the page cache
            times.append(elapsed)
            cpu.append(usage.ru_utime + usage.ru_stime)
    errors.close()
    return min(times), statistics.median(times), peak_rss(argv, cwd, env), statistics.median(cpu)


def peak_rss(argv, cwd, env):
    """Peak RSS in MiB by /usr/bin/time (a child's ru_maxrss as Python sees
    it starts from the forked interpreter's)."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], cwd=cwd, env=env, capture_output=True, text=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def report(name, figures, target=None):
    low, median, peak, cpu = figures
    goal = "" if target is None else "  (target < %g ms)" % (target * 1000)
    print("%-36s min %7.1f ms  median %7.1f ms  cpu %6.1f ms  peak %6.1f MiB%s"
          % (name, low * 1000, median * 1000, cpu * 1000, peak, goal), flush=True)


def alembic_project(folder, database):
    """An Alembic project whose one revision is applied to `database`."""
    subprocess.run([sys.executable, "-m", "alembic", "init", "alembic"], cwd=folder, check=True,
                   capture_output=True)
    ini = os.path.join(folder, "alembic.ini")
    with open(ini) as f:
        text = f.read().replace("driver://user:pass@localhost/dbname", "sqlite:///" + database)
    with open(ini, "w") as f:
        f.write(text)
    with open(os.path.join(folder, "alembic", "versions", "000000000001_table.py"), "w") as f:
        f.write('revision = "000000000001"\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n'
                "from alembic import op\n\n\ndef upgrade():\n"
                '    op.execute("CREATE TABLE t1 (id INTEGER PRIMARY KEY, name VARCHAR(50))")\n\n\n'
                'def downgrade():\n    op.execute("DROP TABLE t1")\n')
    subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=folder, check=True, capture_output=True)


def main():
    folder = tempfile.mkdtemp(prefix="migrate-startup-")
    try:
        database = os.path.join(folder, "bench.db")
        write_project(folder, "sqlite:///" + database, 1)
        subprocess.run([BINARY, "upgrade", "head"], cwd=folder, check=True, capture_output=True)
        print("startup on an up-to-date SQLite database, %d runs each:" % RUNS)
        report("migrate current", measure([BINARY, "current"], folder), 0.010)
        report("migrate --version", measure([BINARY, "--version"], folder))
        if shutil.which("sqlite3"):
            report("sqlite3 (SELECT revision)",
                   measure(["sqlite3", database, "SELECT revision FROM migrate_version"], folder))
        try:
            import alembic  # noqa: F401
        except ImportError:
            print("alembic current: skipped (pip install alembic)")
        else:
            os.makedirs(os.path.join(folder, "alembic-project"))
            project = os.path.join(folder, "alembic-project")
            alembic_project(project, os.path.join(folder, "alembic.db"))
            report("alembic current (Alembic %s)" % alembic.__version__,
                   measure([sys.executable, "-m", "alembic", "current"], project))
    finally:
        shutil.rmtree(folder)

    folder = tempfile.mkdtemp(prefix="migrate-heads-")
    try:
        write_project(folder, "sqlite:///" + os.path.join(folder, "unused.db"), 5000)
        cache = os.path.join(folder, "cache")
        env = dict(os.environ, XDG_CACHE_HOME=cache)
        report("migrate heads, 5,000 revisions, cold", measure([BINARY, "heads"], folder, env,
                                                                  before=lambda: shutil.rmtree(cache, True)))
        report("migrate heads, 5,000 revisions", measure([BINARY, "heads"], folder, env), 0.030)
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
