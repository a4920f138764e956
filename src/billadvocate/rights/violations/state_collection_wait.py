"""A state's waiting period: credit reporting or a lawsuit on a hospital bill too soon after the first bill.

One rule per state whose collection law sets a wait (states/<xx>/collection.yaml, collection_wait),
e.g. STATE.CA.COLLECTION_WAIT (180 days from 2022, 150 before; uninsured and high-medical-cost
patients) and STATE.MD.COLLECTION_WAIT (240 days from the 2025 act). Anti-pattern: a California
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
        if rule.get("uninsured_only") and not ctx.uninsured:
            return []
        allowed_from = first + timedelta(days=rule["days"])
        hits = []
        for h in ctx.happenings:
            kind = _action(h)
            if h.by in ("provider", "collector") and kind in rule["blocks"] and h.day < allowed_from:
                hits.append(Hit(f"{kind.replace('_', ' ').capitalize()} on {h.day}, only {(h.day - first).days} days "
                                f"after the first bill of {first}; {NAMES[state]} bars it for {rule['days']} days "
                                f"(until {allowed_from}) for {rule['applies_to']}.", h.day, [h]))
        return hits

    return check


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

