"""`billadvocate assist`: the poverty-guideline percentage and the programs that apply."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import click
from pydantic import ValidationError

from ...assist import Situation, assistance
from ...errors import BadInput
from ...model import Fap
from ...states import normalise_state
from ..human import console, print_assistance
from ..options import as_of_option, json_option, parse_as_of, print_json

COMMANDS = ["assist"]


def _dollars(option: str, text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text.replace(",", "").replace("$", ""))
    except InvalidOperation:
        raise BadInput(f"{option} {text!r} is not a number of dollars")
    if not value.is_finite():
        raise BadInput(f"{option} {text!r} is not a number of dollars")
    if value < 0:
        raise BadInput(f"{option} cannot be negative")
    if value > 100_000_000:
        raise BadInput(f"{option} {text!r} is beyond any real household income (at most 100,000,000)")
    return value


def _state(option: str, text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return normalise_state(text)
    except ValueError as e:
        raise BadInput(f"{option}: {e}")


@click.command()
@click.option("--income", required=True, metavar="N", help="Gross annual household income in dollars.")
@click.option("--household", required=True, type=int, metavar="N", help="People in the household.")
@click.option("--state", required=True, metavar="XX", help="Two-letter state code (DC allowed).")
@click.option("--insurance", type=click.Choice(["insured", "uninsured", "medicare", "medicaid", "qmb"]),
              help="The patient's coverage (some state laws cover only the uninsured).")
@click.option("--provider-kind", type=click.Choice(["hospital", "physician", "lab", "ambulance", "other"]),
              help="Who sent the bill (the charity-care laws cover hospitals).")
@click.option("--nonprofit/--for-profit", default=None, help="Whether the hospital is a 501(c)(3) nonprofit.")
@click.option("--hospital-tier", type=click.IntRange(1, 2), metavar="1|2",
              help="Washington hospital tier (1: large systems, 2: the others).")
@click.option("--rural/--urban", default=None, help="Whether the hospital is rural or a Critical Access Hospital (Illinois).")
@click.option("--hospital-state", metavar="XX", help="The hospital's state, when not the patient's.")
@click.option("--setting", type=click.Choice(["professional", "outpatient", "inpatient"]),
              help="Where the care was given (Nevada's discount is for inpatients).")
@click.option("--balance", metavar="N", help="What the bill asks for, in dollars (tests 'high medical costs').")
@click.option("--fap-free-fpl", type=float, metavar="PCT", help="The hospital policy's free-care limit, % of the poverty guideline.")
@click.option("--fap-discount-fpl", type=float, metavar="PCT", help="The hospital policy's discount limit, % of the poverty guideline.")
@click.option("--fap-discount", type=float, metavar="SHARE", help="The policy's discount between the two limits, 0..1.")
@click.option("--agb", type=float, metavar="PCT", help="The hospital's amounts generally billed, % of gross charges.")
@as_of_option
@json_option
def assist(income: str, household: int, state: str, insurance, provider_kind, nonprofit, hospital_tier,
           rural, hospital_state, setting, balance, fap_free_fpl, fap_discount_fpl, fap_discount, agb,
           as_of: str | None, as_json: bool) -> None:
    """Poverty-guideline percentage and the assistance programs that apply.

    Each program says eligible, not eligible, or which fact it still needs (give it with the
    options below).

    Example: billadvocate assist --income 42000 --household 3 --state WA --insurance uninsured --hospital-tier 2
    """
    from datetime import date

    income_value = _dollars("--income", income)
    if not 1 <= household <= 50:  # the case file's own limit (model.Household)
        raise BadInput("--household must be between 1 and 50 people")
    code = _state("--state", state)
    fap = None
    if any(v is not None for v in (fap_free_fpl, fap_discount_fpl, fap_discount, agb)):
        try:
            fap = Fap(free_at_or_below_fpl=fap_free_fpl, discount_at_or_below_fpl=fap_discount_fpl,
                      discount=fap_discount, agb_percent=agb)
        except ValidationError as e:
            err = e.errors()[0]
            option = {"free_at_or_below_fpl": "--fap-free-fpl", "discount_at_or_below_fpl": "--fap-discount-fpl",
                      "discount": "--fap-discount", "agb_percent": "--agb"}.get(str(err["loc"][0]), "--fap-*")
            raise BadInput(f"{option}: {err['msg'].lower()}")
    sit = Situation(state=code, household_size=household, annual_income=income_value, insurance=insurance,
                    kind=provider_kind, nonprofit=nonprofit, tier=hospital_tier, rural=rural,
                    provider_state=_state("--hospital-state", hospital_state),
                    balance=_dollars("--balance", balance), fap=fap, setting=setting)
    result = assistance(state=code, household_size=household, annual_income=income_value,
                        as_of=parse_as_of(as_of) or date.today(), situation=sit)
    if as_json:
        print_json(result)
    else:
        print_assistance(console(), result)
