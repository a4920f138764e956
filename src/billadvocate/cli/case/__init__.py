"""`billadvocate case ...`: keep cases in the store (import, log, documents, deadlines, review, export)."""

from __future__ import annotations

import functools
import getpass

import click

from ...errors import BadInput


@click.group()
def case() -> None:
    """Keep cases: every contact, document, letter and deadline, in one place.

    The store is SQLite in your data folder (BILLADVOCATE_HOME, else the platform's user data
    folder), or PostgreSQL when DATABASE_URL is set.

    Example: billadvocate case import examples/er-visit-nonprofit/case.yaml
    """


def store_command(fn):
    """Open the store (configure Django, apply migrations) and attribute changes to the OS user."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        open_store()
        from ...store.audit import acting_as

        with acting_as(name=f"cli:{_user()}"):
            return fn(*args, **kwargs)

    return wrapper


def open_store() -> None:
    from django.db.utils import OperationalError

    from ...djangoapp import setup

    try:
        setup()
    except OperationalError as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise BadInput(f"cannot open the database: {first}", where="DATABASE_URL or BILLADVOCATE_HOME")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers)
        return "unknown"


from . import deadlines, log, records, review  # noqa: E402,F401  (register the subcommands)
