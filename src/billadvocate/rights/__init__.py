"""Rights: which laws protect the patient, what the collector or hospital did wrong, and every deadline.

`review_rights(case, account, as_of)` is a pure function of the case, the law and the as-of date.
It returns the protections (plain words, with why), the conduct violations (one small rule per id
under violations/, each with the events that prove it, the statutory damages at stake and the last
day to act), the deadlines, and the statute-of-limitations status of the debt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..law import Law, law as shipped_law
from ..model import Account, Case, Deadline, Finding
from .context import Context
from .deadlines import account_deadlines
from .protections import protections
from .sol import sol_json, sol_status
from .violations import all_rules

__all__ = ["Rights", "review_rights", "sol_status", "all_rules"]

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


@dataclass
class Rights:
    protections: list[dict[str, Any]] = field(default_factory=list)
    violations: list[Finding] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    sol: dict[str, Any] | None = None


def review_rights(case: Case, account: Account, as_of: date, lw: Law | None = None) -> Rights:
    """Protections, violations, deadlines and statute-of-limitations status for one account."""
    lw = lw or shipped_law()
    ctx = Context(case=case, account=account, as_of=as_of, law=lw)
    sol = sol_status(case, account, as_of, lw)
    violations: list[Finding] = []
    for rule in all_rules():
        violations += rule.findings(ctx)
    violations.sort(key=lambda v: (SEVERITY_ORDER[v.severity], v.rule, v.events))
    return Rights(protections=protections(ctx, sol), violations=violations,
                  deadlines=account_deadlines(ctx, sol, violations), sol=sol_json(sol))
