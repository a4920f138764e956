"""`billadvocate backup FILE` and `billadvocate restore FILE`: the whole store in one archive."""

from __future__ import annotations

from pathlib import Path

import click

from ..case import store_command
from ..human import console
from ..options import json_option, print_json

COMMANDS = ["backup", "restore"]


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@json_option
@store_command
def backup(file: Path, as_json: bool) -> None:
    """Back up the whole store (cases, logs, users, audit trail and documents) into one .zip.

    The archive restores into SQLite or PostgreSQL alike.

    Example: billadvocate backup billadvocate-2026-11-28.zip
    """
    from ...store.backup import backup as backup_

    info = backup_(file)
    if as_json:
        print_json(info)
        return
    console().print(f"wrote {info['file']}: {info['cases']} case(s), {info['events']} log entries, "
                    f"{info['documents']} document(s), {info['bytes']:,} bytes", markup=False)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--with-users", is_flag=True,
              help="Also create the user accounts the backup holds (only for a backup you trust).")
@click.option("--with-admins", is_flag=True,
              help="Also make the users it marks as administrators so (superuser, staff, admin role).")
@json_option
@store_command
def restore(file: Path, with_users: bool, with_admins: bool, as_json: bool) -> None:
    """Restore a backup into an empty store (all of it, or nothing when anything is wrong).

    Every row and document is checked before anything is written; a backup that holds user
    accounts is refused unless you pass --with-users (and --with-admins for administrators).

    Example: BILLADVOCATE_HOME=~/billadvocate-restored billadvocate restore --with-users billadvocate-2026-11-28.zip
    """
    from ...store.backup import restore as restore_

    info = restore_(file, with_users=with_users, with_admins=with_admins)
    if as_json:
        print_json(info)
        return
    console().print(f"restored {info['cases']} case(s), {info['events']} log entries and "
                    f"{info['documents']} document(s) from {info['file']}", markup=False)
