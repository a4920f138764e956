"""Options and output helpers shared by the commands."""

from __future__ import annotations

import json
from datetime import date

import click

from ..errors import BadInput


def parse_as_of(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"--as-of {value!r} is not a date: write it as YYYY-MM-DD")


as_of_option = click.option("--as-of", "as_of", metavar="DATE",
                            help="The day the analysis speaks for (YYYY-MM-DD); default: the case's as_of, else today.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout and nothing else.")


def print_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
