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
                    f"{info['documents']} document(s), {info['bytes']:,} bytes")


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@json_option
@store_command
def restore(file: Path, as_json: bool) -> None:
    """Restore a backup into an empty store (all of it, or nothing when anything is wrong).

    Example: BILLADVOCATE_HOME=~/billadvocate-restored billadvocate restore billadvocate-2026-11-28.zip
    """
    from ...store.backup import restore as restore_

    info = restore_(file)
    if as_json:
        print_json(info)
        return
    console().print(f"restored {info['cases']} case(s), {info['events']} log entries and "
                    f"{info['documents']} document(s) from {info['file']}")
