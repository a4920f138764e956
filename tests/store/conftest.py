"""The store's fixtures: each test gets a fresh, migrated database, on SQLite and on PostgreSQL.

`store` is parametrized over both backends. PostgreSQL is the server on 127.0.0.1:5432 (trust
auth, user postgres or root); when none answers, its tests skip. A migrated template database is
made once per run and copied per test (CREATE DATABASE ... TEMPLATE); everything is dropped after.
"""

from __future__ import annotations

import itertools
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PG_HOST, PG_PORT = "127.0.0.1", 5432
_counter = itertools.count()


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
def pg_template(tmp_path_factory):
    conn, user = _pg_admin()
    if conn is None:
        yield None
        return
    name = f"ba_tmpl_{os.getpid()}"
    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    conn.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{user}@{PG_HOST}:{PG_PORT}/{name}"
    use_database(tmp_path_factory.mktemp("pg-template-home"), url)
    _close_django()
    try:
        yield conn, user, name
    finally:
        _close_django()
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


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
    template = request.getfixturevalue("pg_template")
    if template is None:
        pytest.skip("no PostgreSQL server answers on 127.0.0.1:5432")
    conn, user, tmpl = template
    name = f"ba_{os.getpid()}_{next(_counter)}"
    conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{tmpl}"')
    url = f"postgres://{user}@{PG_HOST}:{PG_PORT}/{name}"
    use_database(home, url)
    try:
        yield Store("postgres", home, url)
    finally:
        _close_django()
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_store(tmp_path, sqlite_template):
    """SQLite only (for what only makes sense on a file, like the crash test)."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copyfile(sqlite_template, home / "billadvocate.sqlite3")
    use_database(home, None)
    yield Store("sqlite", home, None)
    _close_django()
