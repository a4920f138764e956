"""The assistance programs: the hospital's own 501(r) policy, state charity-care laws, Medicaid.

Every program answers in one shape (spec/cli-and-ids.md, `assist --json`):
{id, name, eligible: true|false|null, discount: 0..1|null, why, citations, unconfirmed, missing}.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any


def program(pid: str, name: str, *, eligible: bool | None, why: str, citations: list[str],
            discount: Decimal | float | None = 0, unconfirmed: bool = False,
            missing: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    """One program's answer; `discount` is the share taken off (1.0 = free), None when the law
    caps the price instead of naming a percentage."""
    out = {
        "id": pid, "name": name, "eligible": eligible,
        "discount": None if discount is None else round(float(discount), 4),
        "why": why, "citations": list(dict.fromkeys(citations)),
        "unconfirmed": unconfirmed, "missing": missing or [],
    }
    out.update(extra)
    return out


def pct(value: Decimal | float) -> str:
    """0.75 -> '75%'"""
    return f"{float(value) * 100:g}%"


def all_programs(sit, as_of: date) -> list[dict[str, Any]]:
    from .federal_501r import federal_501r
    from .medicaid import medicaid_hint
    from .state_charity import state_programs

    out = [federal_501r(sit)]
    out.extend(state_programs(sit, as_of))
    out.append(medicaid_hint(sit, as_of))
    return out
