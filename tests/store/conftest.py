"""The store's fixtures: each test gets a fresh, migrated database, on SQLite and on PostgreSQL.

`store` is parametrized over both backends. SQLite: a migrated file copied per test. PostgreSQL:
the server on 127.0.0.1:5432 (trust auth, user postgres or root; its tests skip when none answers),
one database made for the run and dropped after it, emptied before each test (TRUNCATE, with the
audit trail's append-only triggers set aside for the test's own reset only).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PG_HOST, PG_PORT = "127.0.0.1", 5432


@dataclass
class Store:
    backend: str
    home: Path
    url: str | None
    env: dict = field(default_factory=dict)

    def cli(self, *args, **kwargs):
        from tests.conftest import run_cli

        env = {"BILLADVOCATE_HOME": str(self.home), **({"DATABASE_URL": self.url} if self.url else {})}
        return run_cli(*args, env={**env, **kwargs.pop("env", {})}, **kwargs)


def use_database(home: Path, url: str | None) -> None:
    """Point this process's Django at HOME and URL (configuring it the first time)."""
    from billadvocate import djangoapp
    from billadvocate.djangoapp import config

    config.OVERRIDES["home"] = str(home)
    if url:
        config.OVERRIDES["database_url"] = url
    else:
        config.OVERRIDES.pop("database_url", None)
    if not djangoapp._ready:
        djangoapp.setup()
        return
    from asgiref.local import Local
    from django.conf import settings
    from django.db import connections

    connections.close_all()
    settings.DATABASES = {"default": config.database_settings()}
    connections.__dict__.pop("settings", None)
    connections._settings = None
    connections._connections = Local(connections.thread_critical)
    djangoapp.migrate_if_needed()


def _close_django() -> None:
    from django.db import connections

    connections.close_all()


def _pg_admin():
    """A connection to the server's maintenance database, or None when no server answers."""
    try:
        import psycopg
    except ImportError:
        return None, None
    for user in ("postgres", "root"):
        try:
            conn = psycopg.connect(host=PG_HOST, port=PG_PORT, user=user, dbname="postgres",
                                   connect_timeout=3, autocommit=True)
            return conn, user
        except Exception:
            continue
    return None, None


@pytest.fixture(scope="session")
def pg_database(tmp_path_factory):
    conn, user = _pg_admin()
    if conn is None:
        yield None
        return
    name = f"ba_test_{os.getpid()}"
    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    conn.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{user}@{PG_HOST}:{PG_PORT}/{name}"
    use_database(tmp_path_factory.mktemp("pg-home"), url)
    _close_django()
    try:
        yield url
    finally:
        _close_django()
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


def _empty_postgres() -> None:
    from django.db import connection

    keep = {"django_migrations", "django_content_type", "auth_permission"}
    tables = [t for t in connection.introspection.django_table_names(only_existing=True) if t not in keep]
    with connection.cursor() as cur:
        cur.execute("SET session_replication_role = replica")  # this session only: lets TRUNCATE pass the trigger
        cur.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
        cur.execute("SET session_replication_role = DEFAULT")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    home = tmp_path_factory.mktemp("sqlite-template-home")
    use_database(home, None)
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _close_django()
    return home / "billadvocate.sqlite3"


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path, sqlite_template):
    """A fresh, migrated store (data folder + database) that this process and the CLI both use."""
    home = tmp_path / "home"
    home.mkdir()
    if request.param == "sqlite":
        shutil.copyfile(sqlite_template, home / "billadvocate.sqlite3")
        use_database(home, None)
        yield Store("sqlite", home, None)
        _close_django()
        return
    url = request.getfixturevalue("pg_database")
    if url is None:
        pytest.skip("no PostgreSQL server answers on 127.0.0.1:5432")
    use_database(home, url)
    _empty_postgres()
    _close_django()
    yield Store("postgres", home, url)
    _close_django()


@pytest.fixture
def sqlite_store(tmp_path, sqlite_template):
    """SQLite only (for what only makes sense on a file, like the crash test)."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copyfile(sqlite_template, home / "billadvocate.sqlite3")
    use_database(home, None)
    yield Store("sqlite", home, None)
    _close_django()
