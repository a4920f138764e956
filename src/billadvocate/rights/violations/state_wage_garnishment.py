"""Texas, Pennsylvania, North Carolina, South Carolina: garnishing (or threatening to garnish) wages for a medical bill.

Anti-pattern: a collector writes to a Texas patient on 2026-05-02 that it "will garnish your wages"
(a legal_action of type threat whose note speaks of garnishing wages), or a garnishment is logged.
Allowed: threats of other lawful steps; a wage garnishment for child support or taxes (not a medical
bill); a bank account garnished or levied after a judgment (a note naming a bank account and no wages). The patient's state decides: the wage protection is where the patient lives and works.
"""

from __future__ import annotations

import re

from ..context import Context
from ..rule import ConductRule, Hit
from ...states import NAMES

WORDS = re.compile(r"garnish|wage|paycheck|salary", re.I)
WAGES = re.compile(r"wage|pay ?check|salary|earnings|employer", re.I)
# the state protects wages only: a bank account garnished or levied after a judgment is not a wage garnishment
BANK = re.compile(r"\bbank|\baccount\b|\blevy|\bfro?ze", re.I)


def _wages(note: str | None) -> bool:
    """Whether a logged garnishment or threat is of wages: wage words, or no word naming a bank account."""
    note = note or ""
    return bool(WAGES.search(note)) or not BANK.search(note)


def path(state: str) -> str:
    return f"states.{state.lower()}.wages.wage_garnishment_banned"


def check(ctx: Context) -> list[Hit]:
    st = ctx.case.patient.state
    if not st:
        return []
    hits = []
    for h in ctx.happenings:
        if h.by not in ("provider", "collector") or h.kind != "legal_action":
            continue
        threat = h.type == "threat" and bool(WORDS.search(h.note or "")) and _wages(h.note)
        if not ((h.type == "garnishment" and _wages(h.note)) or threat) or not ctx.has(path(st), h.day):
            continue
        rule = ctx.value(path(st), h.day)
        if not rule.get("banned"):
            continue
        name = NAMES[st]
        if threat:
            msg = (f"A threat on {h.day} (by the {h.by}) to garnish your wages: {name} does not allow wages to be "
                   f"garnished for a debt like a medical bill (exceptions: {rule['exceptions']}).")
            if h.by == "collector" and ctx.collector_covered:
                msg += " Threatening an action that cannot legally be taken also breaks the FDCPA (15 U.S.C. 1692e(5))."
        else:
            msg = (f"A wage garnishment on {h.day} (by the {h.by}): {name} does not allow wages to be garnished for a "
                   f"debt like a medical bill (exceptions: {rule['exceptions']}). Ask the court to release it.")
        hits.append(Hit(msg, h.day, [h]))
    return hits


RULE = ConductRule(
    id="STATE.WAGE_GARNISHMENT_BANNED",
    severity="high",
    summary="garnishing or threatening to garnish wages for a medical bill where the patient's state forbids it",
    citations=("Tex. Const. art. XVI, sec. 28", "42 Pa.C.S. 8127", "N.C. Gen. Stat. 1-362", "S.C. Code 15-39-410",
               "15 U.S.C. 1692e(5)"),
    cites=("15 U.S.C. 1692e(5)",),  # and the patient's state's protection, from the law value its check read
    explanation=("Your state does not let a creditor take wages for a consumer debt such as a medical bill, even after "
                 "winning a lawsuit (support orders, taxes and student loans are different). A collector that threatens it threatens something it cannot do. Keep the letter and "
                 "tell the court, if there is a case, that your wages are exempt."),
    check=check,
    fdcpa=False,
)
