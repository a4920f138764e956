"""`billadvocate credit read|check`: read a credit report's tradelines, and check them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from rich.markup import escape

from ...casefile import load_case
from ...credit import check_credit, read_tradelines
from ...credit.engine import tradelines_from, validate_dates
from ...credit.read import write_tradelines_csv
from ...errors import BadInput
from ...states import normalise_state
from ..credit_view import print_credit, tradeline_lines
from ..human import console
from ..options import as_of_option, json_option, parse_as_of, print_json

COMMANDS = ["credit"]
CASE_SUFFIXES = (".yaml", ".yml", ".json")

bureau_option = click.option("--bureau", type=click.Choice(["equifax", "experian", "transunion"]),
                             help="The bureau, when the file does not say (a CSV without a bureau column).")
pulled_option = click.option("--pulled", metavar="DATE", help="The day the report was pulled (YYYY-MM-DD).")


def _date(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"{option} {value!r} is not a date: write it as YYYY-MM-DD")


@click.group()
def credit() -> None:
    """Credit reports: read the tradelines, find what should not be there, and dispute it.

    Example: billadvocate credit check examples/er-visit-nonprofit/case.yaml
    """


@credit.command("read")
@click.argument("file", type=click.Path(path_type=Path), metavar="FILE")
@bureau_option
@pulled_option
@click.option("--to-csv", "to_csv", type=click.Path(path_type=Path), metavar="OUT",
              help="Also write what was read as a CSV, to correct and reuse (review --credit OUT).")
@json_option
def read(file: Path, bureau: str | None, pulled: str | None, to_csv: Path | None, as_json: bool) -> None:
    """Read tradelines from a CSV or a credit report PDF and show them back for checking.

    Example: billadvocate credit read my-report.pdf --to-csv tradelines.csv
    """
    items = read_tradelines(file, default_bureau=bureau)
    day = _date(pulled, "--pulled") or date.today()
    validate_dates(tradelines_from(items, str(file)), day,
                   what="the day the report was pulled" if pulled else "today", file=str(file))
    if to_csv:
        write_tradelines_csv(items, to_csv)
    if as_json:
        print_json({"file": str(file), "tradelines": [t.model_dump(mode="json") for t in items]})
        return
    c = console()
    c.print(f"[bold]Read from {escape(str(file))}:[/]")
    for text in tradeline_lines(items):
        c.print(text, soft_wrap=True, markup=False)
    c.print("Check each row against your report. If anything is wrong, correct it in a CSV"
            + (f" ({to_csv})" if to_csv else " (--to-csv OUT writes one)") + " and use that instead.", markup=False)


@credit.command("check")
@click.argument("file", type=click.Path(path_type=Path), metavar="CASE|FILE")
@click.option("--state", metavar="XX", help="The patient's state, for a CSV or PDF (a case file has it).")
@bureau_option
@pulled_option
@as_of_option
@json_option
def check(file: Path, state: str | None, bureau: str | None, pulled: str | None, as_of: str | None,
          as_json: bool) -> None:
    """Check a credit report (a case file, or a CSV/PDF of tradelines) and say what to dispute.

    Example: billadvocate credit check tradelines.csv --state CA --pulled 2026-11-01
    """
    day = parse_as_of(as_of)
    pulled_day = _date(pulled, "--pulled")
    code = None
    if state:
        try:
            code = normalise_state(state)
        except ValueError as e:
            raise BadInput(f"--state: {e}")
    if file.is_dir() or file.suffix.lower() in CASE_SUFFIXES:
        case = load_case(file)
        result = check_credit(case, day or case.as_of or date.today(), pulled=pulled_day, state=code,
                              file=str(file))
    else:
        items = read_tradelines(file, default_bureau=bureau)
        result = check_credit(None, day or date.today(), tradelines=tradelines_from(items, str(file)),
                              pulled=pulled_day, state=code, file=str(file))
        if code is None:
            result.notes.append("no --state given: state bans on medical-debt reporting were not checked")
    if as_json:
        print_json(result.to_json())
        return
    print_credit(console(), result)
