"""`billadvocate audit FILE...`: audit an itemized bill on its own."""

from __future__ import annotations

from pathlib import Path

import click

from ...audit import audit_bills
from ...ingest import read_bill
from ...util import dollars
from ..human import console, findings_table
from ..options import json_option, print_json

COMMANDS = ["audit"]


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE...")
@click.option("--setting", type=click.Choice(["professional", "outpatient", "inpatient"]),
              help="Where the care was given (chooses the NCCI/MUE tables).")
@json_option
def audit(files: tuple[Path, ...], setting: str | None, as_json: bool) -> None:
    """Audit itemized bills: duplicates and the other bill checks, with line numbers and dollars.

    Example: billadvocate audit examples/er-visit-nonprofit/bills/er-itemized.csv --json
    """
    bills = [read_bill(f) for f in files]
    result = audit_bills(bills, facts={"setting": setting})
    if as_json:
        print_json(result.to_json())
        return
    c = console()
    c.print(f"{len(result.lines)} lines, {dollars(result.total_charges)} billed.")
    if result.findings:
        c.print(findings_table("Findings", result.findings))
    else:
        c.print("No problems found by the checks that could run.")
