"""A finding that a state's own law also decides: the state's law named next to the federal rule.

The bill audit runs the same rules in every state; where a state forbids the same thing in its own words
(California's Medi-Cal bar on billing a Medi-Cal patient, Welf. & Inst. Code 14019.4 and 22 CCR 51002(a)),
the finding says so and cites it, from the state's law data (`states.<xx>.medicaid.balance_billing_ban`).
"""

from __future__ import annotations

from datetime import date

from ..law import law
from ..model import Finding

# rule -> the state law parameter (under states.<xx>.) that forbids the same thing
STATE_PARAMS = {"MEDICAID.BALANCE_BILL": "medicaid.balance_billing_ban"}


def with_state_law(findings: list[Finding], state: str | None, on: date) -> list[Finding]:
    """The findings, each one a state's own law also forbids naming that law and citing it."""
    if not state:
        return findings
    out = []
    for f in findings:
        path = f"states.{state.lower()}.{STATE_PARAMS[f.rule]}" if f.rule in STATE_PARAMS else None
        if path is None or path not in law() or not law().parameter(path).in_force(on):
            out.append(f)
            continue
        dv = law().at(path, on)
        words = f"; {dv.value['program']} law forbids it too ({dv.value['law']})"
        out.append(f.model_copy(update={"message": f.message + words,
                                        "citations": [*f.citations, *dv.citations],
                                        "unconfirmed": f.unconfirmed or dv.unconfirmed}))
    return out
