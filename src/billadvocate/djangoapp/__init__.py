"""Django for billadvocate: where the data lives, and `setup()` for the CLI, the web app and tests.

Where: SQLite in the user's data directory by default (`BILLADVOCATE_HOME`, else the platform's
user data folder), PostgreSQL (or any database Django speaks) when `DATABASE_URL` says so.
`setup()` configures Django once per process and applies pending migrations, so the first
`billadvocate case ...` on a new machine simply works.

    from billadvocate.djangoapp import setup
    setup()                       # or setup(home="/tmp/ba", database_url="postgres://...")
    from billadvocate.store.models import Case
"""

from __future__ import annotations

import os
from pathlib import Path

from . import config

SETTINGS_MODULE = "billadvocate.djangoapp.settings"
_ready = False


def setup(*, home: str | Path | None = None, database_url: str | None = None, migrate: bool = True) -> None:
    """Configure Django (once per process) and bring the database schema up to date.

    `home` and `database_url` override BILLADVOCATE_HOME and DATABASE_URL for this process.
    """
    global _ready
    if home is not None:
        config.OVERRIDES["home"] = str(home)
    if database_url is not None:
        config.OVERRIDES["database_url"] = database_url
    if _ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()
    _ready = True
    if migrate:
        migrate_if_needed()
        _clean_orphans()


def _clean_orphans() -> None:
    """Document files a killed import left behind (store/blobs.py); never a reason not to start."""
    from django.db import DatabaseError

    from ..store.blobs import clean_orphans

    try:
        clean_orphans()
    except (OSError, DatabaseError):
        pass


def migrate_if_needed() -> bool:
    """Apply pending migrations under a lock, so two first runs at once do not race. True if any ran."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def pending() -> bool:
        executor = MigrationExecutor(connection)
        return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))

    if not pending():
        return False
    from django.core.management import call_command

    with config.migration_lock(connection):
        if not pending():  # another process did it while we waited
            return False
        call_command("migrate", interactive=False, verbosity=0)
    return True


def data_dir() -> Path:
    """The data folder in use (documents and the SQLite database live here)."""
    return config.data_dir()
