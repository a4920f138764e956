"""A medical debt reported to a credit bureau in a state that makes such a debt void.

Anti-pattern: a Connecticut patient's medical debt was reported by the collector on 2024-09-01 (a
credit_reporting event or a tradeline it furnished) after Connecticut's ban of 2024-07-01. Under
Connecticut law that debt is now void: no one may collect it. California voids it when the report was
knowing. Allowed: reporting before the state's law took effect. New York's and Washington's voidness
are recorded too but rest on secondary accounts (flagged unconfirmed).
"""

from __future__ import annotations

from ..context import Context
from ..rule import ConductRule, Hit
from ...states import NAMES


def path(state: str) -> str:
    return f"states.{state.lower()}.credit_reporting.reported_debt_void"


def check(ctx: Context) -> list[Hit]:
    st = ctx.case.patient.state
    if not st or path(st) not in ctx.law:
        return []
    reports = [h for h in ctx.happenings if h.kind == "credit_reporting" and h.by in ("provider", "collector")
               and ctx.has(path(st), h.day)]
    if not reports:
        return []
    h = reports[0]
    rule = ctx.value(path(st), h.day)
    if not rule.get("void"):
        return []
    name = NAMES[st]
    msg = (f"The debt was reported to a credit bureau on {h.day} (by the {h.by}). Under {name} law a medical debt "
           f"reported to a credit bureau is void: it can no longer be collected, from you or anyone.")
    severity = "high"
    if rule.get("knowingly"):
        msg += " (This applies if whoever reported it knew it was a medical debt, which a hospital or its collector usually does.)"
        severity = "medium"
    return [Hit(msg, h.day, [h], severity=severity)]


RULE = ConductRule(
    id="STATE.REPORTED_DEBT_VOID",
    severity="high",
    summary="a medical debt reported to a credit bureau where state law makes it void",
    citations=("Conn. Gen. Stat. 20-7i(c)", "Cal. Civ. Code 1785.27(b)", "N.Y. Fair Medical Debt Reporting Act (2023)",
               "Washington ESSB 5480 (2025)"),
    cites=(),  # each finding cites the patient's state's statute, from the law value its check read
    explanation=("Some states punish reporting a medical debt to a credit bureau by wiping out the debt. Tell the "
                 "hospital and the collector in writing that the debt is void under your state's law and that you will "
                 "not pay it; dispute the entry with each bureau. Do not pay or promise to pay it."),
    check=check,
    fdcpa=False,
)
