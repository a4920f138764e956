"""Where billadvocate keeps its data, and which database it talks to (read from the environment)."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Any

from ..errors import BadInput

OVERRIDES: dict[str, str] = {}  # set by setup(home=..., database_url=...)
APP_NAME = "billadvocate"


def data_dir() -> Path:
    """BILLADVOCATE_HOME, else the platform's user data folder (e.g. ~/.local/share/billadvocate)."""
    home = OVERRIDES.get("home") or os.environ.get("BILLADVOCATE_HOME")
    if home:
        path = Path(home).expanduser()
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    if not path.is_dir():  # made by us: its owner only (it holds health and money records)
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def owner_only_file(path: Path) -> Path:
    """Make PATH empty and readable by its owner only, unless it exists (SQLite then adopts it, and
    its -wal and -shm files take the same permissions)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    return path


def database_url() -> str | None:
    return OVERRIDES.get("database_url") or os.environ.get("DATABASE_URL") or None


def database_settings() -> dict[str, Any]:
    """Django's DATABASES['default']: DATABASE_URL when set, else SQLite in the data folder."""
    url = database_url()
    if url:
        import dj_database_url

        try:
            db = dj_database_url.parse(url, conn_max_age=0)
        except Exception as e:  # dj_database_url raises plain exceptions for unknown schemes
            raise BadInput(f"DATABASE_URL is not a database address Django knows: {e}")
        if db["ENGINE"] == "django.db.backends.sqlite3":
            db.update(_sqlite_options())
        return db
    name = owner_only_file(data_dir() / "billadvocate.sqlite3")
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(name), **_sqlite_options()}


def _sqlite_options() -> dict[str, Any]:
    # WAL + synchronous=FULL: a killed process (or power loss) never leaves half a transaction;
    # IMMEDIATE: a writer takes the lock at BEGIN, so two writers queue instead of failing.
    return {"OPTIONS": {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
    }}


@contextlib.contextmanager
def migration_lock(connection):
    """One process at a time migrates: an advisory lock on PostgreSQL, a file lock elsewhere."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_lock(%s)", [0x62696C6C])  # 'bill'
        try:
            yield
        finally:
            with connection.cursor() as cur:
                cur.execute("SELECT pg_advisory_unlock(%s)", [0x62696C6C])
        return
    with open(data_dir() / ".migrate.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
