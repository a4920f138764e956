"""The household's income as a percentage of the HHS poverty guideline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..law import Law, law

_REGION = {"AK": "alaska", "HI": "hawaii"}


@dataclass(frozen=True)
class Guideline:
    year: int
    effective: date
    region: str
    household_size: int
    amount: Decimal
    citations: list[str]
    unconfirmed: bool
    notes: list[str]


def guideline(state: str, household_size: int, as_of: date, *, rules: Law | None = None) -> Guideline:
    """The poverty guideline in force on `as_of` for a household of this size in this state.

    The guidelines apply to the 48 contiguous states and DC, with separate figures for Alaska and
    Hawaii; a household of n is first_person + (n - 1) x additional_person.
    """
    if household_size < 1:
        raise ValueError("household size must be at least 1")
    rules = rules or law()
    region = _REGION.get(state, "contiguous")
    first = rules.at(f"gov.hhs.fpg.first_person.{region}", as_of)
    extra = rules.at(f"gov.hhs.fpg.additional_person.{region}", as_of)
    amount = Decimal(first.value) + (household_size - 1) * Decimal(extra.value)
    used = [first] + ([extra] if household_size > 1 else [])
    citations = list(dict.fromkeys(c for v in used for c in v.citations))
    notes = [v.note for v in used if v.unconfirmed and v.note]
    return Guideline(
        year=first.start.year,
        effective=first.start,
        region=region,
        household_size=household_size,
        amount=amount,
        citations=citations,
        unconfirmed=any(v.unconfirmed for v in used),
        notes=notes,
    )


def fpl_percent(annual_income: Decimal, line: Guideline) -> Decimal:
    """Income as a percent of the guideline, to two decimals (200.00 means exactly 200%).

    Rounded half up only after the division, so 200.004% reads 200.00 and is not 'above 200%'
    by rounding; programs compare at this two-decimal precision.
    """
    pct = Decimal(annual_income) * 100 / line.amount
    return pct.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
