"""Financial assistance: the poverty-guideline percentage and the programs the household may qualify for."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .poverty import fpl_percent, guideline


def assistance(*, state: str, household_size: int | None, annual_income: Decimal | None,
               as_of: date, case=None, account=None) -> dict[str, Any]:
    """The `assist --json` shape: year, guideline, fpl_percent, programs.

    With no household size, no guideline can be chosen; with no income, no percentage: the
    result says which fact is missing instead of guessing.
    """
    result: dict[str, Any] = {"year": None, "guideline": None, "fpl_percent": None,
                              "programs": [], "missing": [], "citations": []}
    if household_size is None:
        result["missing"].append("household.size")
        return result
    line = guideline(state, household_size, as_of)
    result.update(year=line.year, guideline=float(line.amount), household_size=household_size,
                  region=line.region, effective=line.effective.isoformat(),
                  citations=line.citations, unconfirmed=line.unconfirmed, notes=line.notes)
    if annual_income is None:
        result["missing"].append("household.annual_income")
    else:
        result["fpl_percent"] = float(fpl_percent(annual_income, line))
    return result
