"""A state's waiting period: credit reporting or a lawsuit on a hospital bill too soon after the first bill.

One rule per state whose collection law sets a wait (states/<xx>/collection.yaml, collection_wait),
e.g. STATE.CA.COLLECTION_WAIT (180 days from 2022, 150 before; uninsured patients and patients
who say they may have high medical costs: for an insured patient it fires at medium severity) and
STATE.MD.COLLECTION_WAIT (240 days from the 2025 act). Anti-pattern: a California
hospital first billed an uninsured patient on 2026-01-02 and its collector reported the debt on
2026-06-30 (day 179). Allowed: from day 180 (2026-07-01). The hospital's state decides.
"""

from __future__ import annotations

from datetime import timedelta

from ...law import law
from ...states import NAMES
from ..context import Context
from ..rule import ConductRule, Hit

COMPLAINTS = {"CA": "the Department of Health Care Access and Information (HCAI)",
              "MD": "the Maryland Health Services Cost Review Commission or the Attorney General's Health Education "
                    "and Advocacy Unit"}


def _action(h) -> str | None:
    if h.kind == "credit_reporting":
        return "credit_reporting"
    if h.kind == "legal_action" and h.type == "lawsuit":
        return "lawsuit"
    return None


def make_check(state: str):
    path = f"states.{state.lower()}.collection.collection_wait"

    def check(ctx: Context) -> list[Hit]:
        first = ctx.account.first_bill_date
        if ctx.provider_state != state or ctx.account.provider.kind != "hospital" or first is None:
            return []
        if not ctx.has(path, first):
            return []
        rule = ctx.value(path, first)
        # a wait for the uninsured and patients with high medical costs: for an insured patient it
        # applies when the patient has told the hospital its costs may be high, which the case cannot show
        maybe = rule.get("patients") == "uninsured_or_high_costs" and not ctx.uninsured
        allowed_from = first + timedelta(days=rule["days"])
        hits = []
        for h in ctx.happenings:
            kind = _action(h)
            if h.by in ("provider", "collector") and kind in rule["blocks"] and h.day < allowed_from:
                text = (f"{kind.replace('_', ' ').capitalize()} on {h.day}, only {(h.day - first).days} days "
                        f"after the first bill of {first}; {NAMES[state]} bars it for {rule['days']} days "
                        f"(until {allowed_from}) for {rule['applies_to']}.")
                if maybe:
                    text += (f" You have insurance, so this applies if your medical costs are high{_high(ctx, state)} "
                             f"and you told the hospital so: if they are, tell it in writing and ask it to withdraw "
                             f"the action.")
                hits.append(Hit(text, h.day, [h], severity="medium" if maybe else None))
        return hits

    return check


def _high(ctx: Context, state: str) -> str:
    """The state's definition of high medical costs, in words, when its charity-care law gives one."""
    path = f"states.{state.lower()}.charity_care.hospital_fair_pricing.program"
    if not ctx.has(path):
        return ""
    pct = (ctx.value(path) or {}).get("high_costs_percent")
    return f" (out-of-pocket medical costs above {pct}% of your family income)" if pct else ""


def _states_with_a_wait() -> list[str]:
    return sorted(code for code in NAMES
                  if any(v.value for v in law().parameters.get(f"states.{code.lower()}.collection.collection_wait",
                                                               _Empty).values))


class _Empty:
    values: list = []


def _rule(state: str) -> ConductRule:
    cites = {c for v in law().parameter(f"states.{state.lower()}.collection.collection_wait").values
             if v.value for c in v.citations}
    return ConductRule(
        id=f"STATE.{state}.COLLECTION_WAIT",
        severity="high",
        summary=f"{NAMES[state]}: hospital debt reported or sued on before the waiting period after the first bill",
        citations=tuple(sorted(cites)),
        explanation=(f"{NAMES[state]} law bars a hospital, its collectors and debt buyers from reporting the debt to "
                     f"credit bureaus or suing before the waiting period ends. Ask them to withdraw it and complain to "
                     f"{COMPLAINTS.get(state, 'the state attorney general')}."),
        check=make_check(state),
        fdcpa=False,
    )


RULES = [_rule(s) for s in _states_with_a_wait()]

