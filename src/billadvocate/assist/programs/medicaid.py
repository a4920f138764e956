"""MEDICAID: a hint that the household may qualify for Medicaid, which can also pay past bills.

In the states that expanded Medicaid, adults 19-64 qualify with income up to 138% of the poverty
guideline (MAGI). Medicaid can pay bills from up to three months before the month of application
(one or two months for applications from 2027), so a bill may be paid by Medicaid itself. This is a
hint, not a determination: children, pregnancy, disability and age have other rules.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...law import law
from ...states import NAMES
from . import program

ID = "MEDICAID"
NAME = "Medicaid (including retroactive coverage of recent bills)"


def medicaid_hint(sit, as_of: date) -> dict[str, Any]:
    rules = law()
    try:
        limit = rules.at("federal.medicaid.expansion.income_limit_percent", as_of)
        states = rules.at("federal.medicaid.expansion.states", as_of)
        retro = rules.at("federal.medicaid.retroactive_months", as_of)
    except KeyError:  # a review dated before the law data begins: say so, never guess an older state list
        first = rules.parameter("federal.medicaid.expansion.states").values[0].start
        return program(ID, NAME, eligible=None, discount=0, missing=None, citations=[],
                       why=(f"Cannot tell for a date before {first.isoformat()}: which states had expanded "
                            "Medicaid before then is not in billadvocate's data. Ask your state's Medicaid "
                            "office whether you qualify now and whether it can pay these past bills."))
    checked = rules.parameter("federal.medicaid.expansion.states").last_checked

    def answer(eligible, why, discount=0, missing=None, used=(limit, states), **more):
        return program(ID, NAME, eligible=eligible, why=why, discount=discount, missing=missing, **more,
                       citations=[c for v in used for c in v.citations],
                       unconfirmed=any(v.unconfirmed for v in used),
                       notes=[v.note for v in used if v.unconfirmed and v.note],
                       expansion_states_checked=checked.isoformat() if checked else None,
                       retroactive_months=retro.value)

    state_name = NAMES.get(sit.state, sit.state)
    months = retro.value["expansion_adults"]
    if sit.insurance in ("medicaid", "qmb"):
        return answer(True, "The case says the patient has Medicaid: the provider should bill Medicaid, "
                            "and a Medicaid provider may not bill you beyond Medicaid's cost sharing.",
                      discount=None)
    if sit.insurance == "medicare":
        return answer(None, "With Medicare, the adult expansion group does not apply; ask the state "
                            "Medicaid agency about the Medicare Savings Programs (QMB), which stop "
                            "Medicare cost-sharing bills.", discount=None, missing=["medicare savings program check"])
    if sit.fpl_percent is None:
        fact = sit.income_fact()
        return answer(None, f"Cannot decide without {sit.said([fact])}.", discount=None, missing=[fact])
    expanded = sit.state in states.value
    if not expanded:
        return answer(False, f"{state_name} has not expanded Medicaid (status as of {states.start}, "
                             "checked against KFF's tracker): adults without children or a disability "
                             "usually do not qualify on income alone. Children and pregnant people may.")
    if sit.fpl_percent <= limit.value:
        if sit.care_date is not None and _months_between(sit.care_date, as_of) > months:
            return answer(True, f"Income is {sit.fpl_percent}% of the poverty guideline, at or below "
                                f"{limit.value}% in {state_name}, an expansion state: apply for Medicaid. "
                                f"This bill's care ({sit.care_date}) is more than {months} "
                                f"month{'s' if months != 1 else ''} before now, outside retroactive "
                                "coverage, so Medicaid will not pay this bill.",
                          discount=0, used=(limit, states, retro))
        pe = rules.at("federal.medicaid.hospital_presumptive_eligibility", as_of)
        presumptive = (" A hospital can also find you presumptively eligible on the spot from your income "
                       "and household size, so Medicaid pays while the application is decided: ask its "
                       "financial counselor." if pe.value and sit.kind in (None, "hospital") else "")
        step = (f"Apply for Medicaid now: at {sit.fpl_percent}% of the poverty guideline you may qualify, and "
                f"Medicaid can pay bills from up to {months} month{'s' if months != 1 else ''} before the month "
                f"you apply (retroactive "
                f"coverage), this one included.{presumptive} If it does, you owe nothing on this bill.")
        used = (limit, states, retro) + ((pe,) if presumptive else ())
        return answer(True, f"Income is {sit.fpl_percent}% of the poverty guideline, at or below "
                            f"{limit.value}% in {state_name}, an expansion state: apply for Medicaid now "
                            f"and ask for retroactive coverage of bills from up to {months} "
                            f"month{'s' if months != 1 else ''} before "
                            "the month you apply." + presumptive, discount=1, used=used, step=step)
    return answer(False, f"Income is {sit.fpl_percent}% of the poverty guideline, above the "
                         f"{limit.value}% adult limit in {state_name}. Children, pregnancy or disability "
                         "have higher limits.")


def _months_between(earlier: date, later: date) -> int:
    """Whole calendar months from the month of `earlier` to the month of `later`."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month
