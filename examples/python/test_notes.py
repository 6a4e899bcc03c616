#!/usr/bin/env python3
"""A test suite in another language driving the `migrate` CLI.

setUpClass creates a fresh test database and upgrades it to head;
tearDownClass drops it. Only the Python standard library is used.

Environment:
  MIGRATE_BINARY       the migrate executable (default: `migrate` on PATH)
  NOTES_DATABASE_URL   the app's database (default: sqlite:///notes.db); the
                       test database is made beside it as test_notes_<random>
                       (a file in a temp folder for SQLite)
  NOTES_PROJECT        the folder holding migrate.ini (default: the repo root)

Run: python3 examples/python/test_notes.py
"""
import os
import sqlite3
import subprocess
import tempfile
import unittest
import uuid
from urllib.parse import urlsplit, urlunsplit

MIGRATE = os.environ.get("MIGRATE_BINARY", "migrate")
BASE_URL = os.environ.get("NOTES_DATABASE_URL", "sqlite:///notes.db")
PROJECT = os.environ.get(
    "NOTES_PROJECT", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
HEAD = "3f2a9c1b7d4e"  # the notes example's head revision


def test_database_url(base_url):
    """A new database URL beside base_url: test_<name>_<random>."""
    parts = urlsplit(base_url)
    name = os.path.splitext(os.path.basename(parts.path))[0] or "app"
    test_name = f"test_{name}_{uuid.uuid4().hex[:12]}"
    if parts.scheme.startswith("sqlite"):
        folder = tempfile.mkdtemp(prefix="notes-test-")
        return f"sqlite:///{folder}/{test_name}.db", folder
    return urlunsplit(parts._replace(path="/" + test_name)), None


def migrate(*args, url, check=True):
    """Runs `migrate ARGS` in the project with DATABASE_URL=url."""
    result = subprocess.run(
        [MIGRATE, *args], cwd=PROJECT, env={**os.environ, "DATABASE_URL": url},
        capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"migrate {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


class NotesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.url, cls.folder = test_database_url(BASE_URL)
        migrate("database", "create", url=cls.url)
        migrate("upgrade", "head", url=cls.url)

    @classmethod
    def tearDownClass(cls):
        migrate("database", "drop", "--yes", url=cls.url)
        if migrate("database", "exists", url=cls.url, check=False).returncode != 1:
            raise AssertionError("the test database is still there after `migrate database drop`")
        if cls.folder:
            os.rmdir(cls.folder)

    def test_database_is_at_head(self):
        self.assertEqual(migrate("current", url=self.url).stdout, f"{HEAD} (head)\n")
        if self.url.startswith("sqlite"):
            with sqlite3.connect(self.url[len("sqlite:///"):]) as db:
                tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            self.assertLessEqual({"notes", "users", "migrate_version"}, tables)

    def test_database_url_wins_over_migrate_ini(self):
        # migrate.ini names notes.db; DATABASE_URL must be the one used.
        test_name = self.url.rsplit("/", 1)[-1].split("?")[0]
        self.assertIn(test_name, migrate("current", "--verbose", url=self.url).stdout)

    def test_downgrade_and_upgrade_again(self):
        # Dropping the tables fails unless the upgrade made them.
        migrate("downgrade", "base", url=self.url)
        self.assertEqual(migrate("current", url=self.url).stdout, "base (nothing applied)\n")
        migrate("upgrade", "head", url=self.url)
        self.assertEqual(migrate("current", url=self.url).stdout, f"{HEAD} (head)\n")


if __name__ == "__main__":
    unittest.main()
