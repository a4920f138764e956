"""State protections that are not conduct rules: wages that cannot be garnished, and California's
Rosenthal Act reaching the hospital itself. Each is one unit with its id, law and citations; the
protections list (protections.py) appends what applies to this patient.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..states import NAMES
from .context import Context, possessive


@dataclass(frozen=True)
class StateProtection:
    id: str  # STATE.<XX>.<NAME>; <XX> is filled in for rules that serve several states
    law: str
    citations: tuple[str, ...]
    check: Callable[[Context], tuple[bool | None, str] | None]


def _wages(ctx: Context) -> tuple[bool | None, str] | None:
    st = ctx.case.patient.state
    path = f"states.{st.lower()}.wages.wage_garnishment_banned" if st else ""
    # a patient who has died has no wages; a relative's own wages answer to the law of where the relative lives
    if not st or not ctx.has(path) or ctx.case.patient.died_on is not None:
        return None
    rule = ctx.value(path)
    if not rule.get("banned"):
        return None
    return True, (f"{NAMES[st]} does not allow your wages to be garnished for a debt like this medical bill, even if a "
                  f"creditor wins a lawsuit (exceptions: {rule['exceptions']}). A threat to garnish your wages is a "
                  f"threat of something that cannot be done.")


def _rosenthal(ctx: Context) -> tuple[bool | None, str] | None:
    path = "states.ca.rosenthal.creditor_is_debt_collector"
    if ctx.case.patient.state != "CA" and ctx.provider_state != "CA":
        return None
    if not ctx.has(path) or not ctx.value(path):
        return None
    p, c = ctx.account.provider, ctx.account.collector
    who = f"{p.name} itself" + (f" and {c.name}" if c else "")
    return True, (f"California's Rosenthal Fair Debt Collection Practices Act may cover {who}: unlike the federal "
                  f"FDCPA, it reaches a creditor collecting its own bill. Its limits on harassing calls, false threats "
                  f"and misleading statements then bind {possessive(p.name)} own billing office, and a violation can be "
                  f"sued on in state court. (Whether a medical bill counts as consumer credit under the Act is argued "
                  f"case by case.)")


UNITS = (
    StateProtection("STATE.<XX>.WAGES", "state wage protection (no garnishment for consumer debts)",
                    ("Tex. Const. art. XVI, sec. 28", "42 Pa.C.S. 8127", "N.C. Gen. Stat. 1-362", "S.C. Code 15-39-410"),
                    _wages),
    StateProtection("STATE.CA.ROSENTHAL", "California Rosenthal Fair Debt Collection Practices Act",
                    ("Cal. Civ. Code 1788.2(c)", "Cal. Civ. Code 1788.17"), _rosenthal),
)


def state_protections(ctx: Context, make: Callable[..., dict[str, Any]]) -> list[dict[str, Any]]:
    """The units that apply to this account, built with protections._p (which collects the law used)."""
    out = []
    for unit in UNITS:
        ctx.used.clear()
        found = unit.check(ctx)
        if found is None:
            continue
        applies, why = found
        pid = unit.id.replace("<XX>", ctx.case.patient.state or "")
        law = unit.law if "<XX>" not in unit.id else f"{NAMES[ctx.case.patient.state]} {unit.law}"
        out.append(make(ctx, pid, law, applies, why))
    return out
