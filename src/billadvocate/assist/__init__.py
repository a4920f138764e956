"""Financial assistance: the poverty-guideline percentage and the programs the household may qualify for."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .application import application_facts
from .poverty import fpl_percent, guideline
from .programs import all_programs
from .situation import Situation

__all__ = ["assistance", "Situation", "best_discount"]


def assistance(*, state: str, household_size: int | None, annual_income: Decimal | None,
               as_of: date, case=None, account=None, situation: Situation | None = None) -> dict[str, Any]:
    """The `assist --json` shape: year, guideline, fpl_percent, programs, application.

    With no household size, no guideline can be chosen; with no income, no percentage: the
    result says which fact is missing instead of guessing, and so does every program.
    """
    if situation is None:
        situation = (Situation.from_case(case, account) if case is not None
                     else Situation(state=state, household_size=household_size, annual_income=annual_income))
    sit = situation
    result: dict[str, Any] = {"year": None, "guideline": None, "fpl_percent": None,
                              "programs": [], "missing": [], "citations": []}
    if household_size is None:
        result["missing"].append(sit.fact("household_size"))
    else:
        line = guideline(state, household_size, as_of)
        result.update(year=line.year, guideline=float(line.amount), household_size=household_size,
                      region=line.region, effective=line.effective.isoformat(),
                      citations=line.citations, unconfirmed=line.unconfirmed, notes=line.notes)
        if annual_income is None:
            result["missing"].append(sit.fact("annual_income"))
        else:
            sit.fpl_percent = fpl_percent(annual_income, line)
            result["fpl_percent"] = float(sit.fpl_percent)
    result["programs"] = all_programs(sit, as_of)
    result["application"] = application_facts(sit, result["programs"])
    best = best_discount(result["programs"])
    result["best"] = best
    return result


def best_discount(programs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The eligible program with the largest stated discount (None if no program is eligible)."""
    eligible = [p for p in programs if p["eligible"] is True and p.get("discount") is not None]
    if not eligible:
        return None
    top = max(eligible, key=lambda p: p["discount"])
    return {"id": top["id"], "discount": top["discount"]} if top["discount"] > 0 else None
