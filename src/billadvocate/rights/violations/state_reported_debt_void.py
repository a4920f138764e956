"""A medical debt reported to a credit bureau in a state whose statute makes such a debt void.

Anti-pattern: a Connecticut patient's medical debt was reported by the collector on 2024-09-01 (a
credit_reporting event or a tradeline it furnished) after Connecticut's ban of 2024-07-01. Connecticut's
statute says "Any portion of a medical debt that is reported to a credit rating agency shall be void." The
finding quotes the state's own words (New York Public Health Law 4927, Connecticut 20-7i(c), California
1785.27(b) when the report was knowing, Washington SB 5480 sec. 2(1)) and says what the patient does with
them: raise it in writing and, if sued, in an answer filed in time. Void is a defence, not an order: a
patient told "no one can collect it" may ignore a lawsuit, and a lawsuit not answered ends in a judgment.
Allowed: reporting before the state's law took effect.
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
    msg = (f"The debt was reported to a credit bureau on {h.day} (by the {h.by}). {name} law ({rule['law']}) says: "
           f"\"{rule['words']}\"")
    severity = "high"
    if rule.get("knowingly"):
        msg += " (This applies if whoever reported it knew it was a medical debt, which a hospital or its collector usually does.)"
        severity = "medium"
    return [Hit(msg + " " + DEFENCE, h.day, [h], severity=severity)]


# what the patient does with the statute's words (letters/compose.py leaves it out of a letter to the collector)
DEFENCE = ("Void is a defence you raise, not an order that stops a lawsuit by itself: if you are sued, answer the "
           "lawsuit by its deadline and raise it. Ask a lawyer or legal aid whether and how much of the debt can still "
           "be collected.")


RULE = ConductRule(
    id="STATE.REPORTED_DEBT_VOID",
    severity="high",
    summary="a medical debt reported to a credit bureau where state law makes it void",
    citations=("Conn. Gen. Stat. 20-7i(c)", "Cal. Civ. Code 1785.27(b)", "N.Y. Pub. Health Law 4927",
               "Washington ESSB 5480 (2025)"),
    cites=(),  # each finding cites the patient's state's statute, from the law value its check read
    explanation=("Some states' laws say that a medical debt (or the part of it) reported to a credit bureau is void. "
                 "Tell the hospital and the collector in writing that the debt is void under your state's law, quoting "
                 "it, and dispute the entry with each bureau so that it is deleted. Do not pay or promise to pay it "
                 "before talking to a lawyer or legal aid. Void is a defence you raise: if you are sued, answer the "
                 "lawsuit by its deadline and raise it, since a lawsuit left unanswered ends in a judgment."),
    check=check,
    fdcpa=False,
)
