"""`billadvocate audit FILE...`: audit an itemized bill on its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ...audit import audit_bills
from ...audit.tables import eobs_table
from ...ingest import read_bill, read_eob
from ...states import normalise_state
from ...errors import BadInput
from ...util import dollars
from ..human import console, findings_table
from ..options import as_of_option, json_option, parse_as_of, print_json

COMMANDS = ["audit"]


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE...")
@click.option("--eob", "eob_files", multiple=True, type=click.Path(path_type=Path), metavar="FILE",
              help="The insurer's EOB for this bill (X12 835, FHIR, CSV); may be given more than once.")
@click.option("--setting", type=click.Choice(["professional", "outpatient", "inpatient"]),
              help="Where the care was given (chooses the NCCI/MUE tables).")
@click.option("--state", metavar="XX", help="The patient's state, for Medicare amounts of its locality.")
@as_of_option
@json_option
def audit(files: tuple[Path, ...], eob_files: tuple[Path, ...], setting: str | None, state: str | None,
          as_of: str | None, as_json: bool) -> None:
    """Audit itemized bills: duplicates, coding edits, unit limits, prices and arithmetic, with line
    numbers, dollars at stake, the total in dispute and a fair-price estimate.

    Example: billadvocate audit examples/er-visit-nonprofit/bills/er-itemized.csv --setting outpatient --json
    """
    bills = [read_bill(f) for f in files]
    eobs = [read_eob(f) for f in eob_files]
    try:
        state = normalise_state(state) if state else None
    except ValueError as e:
        raise BadInput(f"--state: {e}")
    facts = {"setting": setting, "state": state, "has_eob": bool(eobs) or None}
    result = audit_bills(bills, facts=facts, as_of=parse_as_of(as_of) or date.today(),
                         eobs=eobs_table(eobs, bills) if eobs else None)
    if as_json:
        print_json(result.to_json())
        return
    c = console()
    c.print(f"{len(result.lines)} lines, {dollars(result.total_charges)} billed; "
            f"[bold]{dollars(result.in_dispute)}[/] in dispute; fair-price estimate "
            f"{dollars(result.benchmark_total)}.")
    if result.findings:
        c.print(findings_table("Findings", result.findings))
    else:
        c.print("No problems found by the checks that could run.")
    for note in result.notes:
        c.print(f"[dim]{note}[/]")
