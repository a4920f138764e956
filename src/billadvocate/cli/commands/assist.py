"""`billadvocate assist`: the poverty-guideline percentage and the programs that apply."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import click

from ...assist import assistance
from ...errors import BadInput
from ...states import normalise_state
from ..human import console, print_assistance
from ..options import as_of_option, json_option, parse_as_of, print_json

COMMANDS = ["assist"]


@click.command()
@click.option("--income", required=True, metavar="N", help="Gross annual household income in dollars.")
@click.option("--household", required=True, type=int, metavar="N", help="People in the household.")
@click.option("--state", required=True, metavar="XX", help="Two-letter state code (DC allowed).")
@as_of_option
@json_option
def assist(income: str, household: int, state: str, as_of: str | None, as_json: bool) -> None:
    """Poverty-guideline percentage and the assistance programs that apply.

    Example: billadvocate assist --income 42000 --household 3 --state CA
    """
    from datetime import date

    try:
        income_value = Decimal(income.replace(",", "").replace("$", ""))
    except InvalidOperation:
        raise BadInput(f"--income {income!r} is not a number of dollars")
    if income_value < 0:
        raise BadInput("--income cannot be negative")
    if household < 1:
        raise BadInput("--household must be at least 1")
    try:
        code = normalise_state(state)
    except ValueError as e:
        raise BadInput(f"--state: {e}")
    result = assistance(state=code, household_size=household, annual_income=income_value,
                        as_of=parse_as_of(as_of) or date.today())
    if as_json:
        print_json(result)
    else:
        print_assistance(console(), result)
