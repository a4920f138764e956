"""A state's waiting period: credit reporting or a lawsuit on a hospital bill too soon after the first bill.

One rule per state whose collection law sets a wait (states/<xx>/collection.yaml, collection_wait),
e.g. STATE.CA.COLLECTION_WAIT (180 days from 2022, 150 before; uninsured patients and patients
who say they may have high medical costs: for an insured patient it fires at medium severity) and
STATE.MD.COLLECTION_WAIT (240 days from the 2025 act) and STATE.NJ.COLLECTION_WAIT (120 days from
2025-07-22, N.J.S.A. 56:11-59(a): any provider owed for care, not only a hospital, and its collectors;
a sale of the debt, credit reporting, a lawsuit, a lien or a garnishment). Anti-pattern: a California
hospital first billed an uninsured patient on 2026-01-02 and its collector reported the debt on
2026-06-30 (day 179). Allowed: from day 180 (2026-07-01). The provider's state decides.
"""

from __future__ import annotations

from datetime import timedelta

from ...law import law
from ...states import NAMES
from ..context import Context
from ..rule import ConductRule, Hit

COMPLAINTS = {"CA": "the Department of Health Care Access and Information (HCAI)",
              "MD": "the Maryland Health Services Cost Review Commission or the Attorney General's Health Education "
                    "and Advocacy Unit",
              "NJ": "the New Jersey Division of Consumer Affairs (the Attorney General enforces the act)"}
# what a state's wait adds in its explanation, beyond the days (the law's own further conditions)
MORE = {"NJ": " Even after the 120 days, no collection action is allowed until you were offered a reasonable payment "
              "plan, and you must get another bill and a notice naming the action at least 30 days before it."}
WORDS = {"credit_reporting": "credit reporting", "lawsuit": "a lawsuit", "lien": "a lien",
         "garnishment": "a wage garnishment", "debt_sale": "a sale of the debt"}


def _action(h) -> str | None:
    if h.kind == "credit_reporting":
        return "credit_reporting"
    if h.kind == "legal_action" and h.type in ("lawsuit", "lien", "garnishment"):
        return h.type
    if h.type in ("sale", "debt_sale", "sold"):  # the debt sold (as the 501(r) rule reads the log)
        return "debt_sale"
    return None


def _covers(rule: dict, kind: str | None) -> bool:
    """Whether the state's wait reaches this provider: a hospital, or any provider owed (NJ)."""
    return rule.get("providers", "hospital") == "any" or kind == "hospital"


def make_check(state: str):
    path = f"states.{state.lower()}.collection.collection_wait"

    def check(ctx: Context) -> list[Hit]:
        first = ctx.account.first_bill_date
        if ctx.provider_state != state or first is None:
            return []
        hits = []
        for h in ctx.happenings:
            kind = _action(h)
            if h.by not in ("provider", "collector") or kind is None:
                continue
            # the wait in force at the first bill; else one in force by the day of the action (a law that
            # came between the two still bars the action: the safer reading for the patient)
            on = first if ctx.has(path, first) else h.day if ctx.has(path, h.day) else None
            if on is None:
                continue
            rule = ctx.value(path, on)
            if not _covers(rule, ctx.account.provider.kind):
                continue
            # a wait for the uninsured and patients with high medical costs: for an insured patient it
            # applies when the patient has told the hospital its costs may be high, which the case cannot show
            maybe = rule.get("patients") == "uninsured_or_high_costs" and not ctx.uninsured
            allowed_from = first + timedelta(days=rule["days"])
            if kind in rule["blocks"] and h.day < allowed_from:
                what = WORDS[kind]
                text = (f"{what[:1].upper() + what[1:]} on {h.day}, only {(h.day - first).days} days "
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
    values = [v for v in law().parameter(f"states.{state.lower()}.collection.collection_wait").values if v.value]
    cites = {c for v in values for c in v.citations}
    if any(v.value.get("providers") == "any" for v in values):
        summary = (f"{NAMES[state]}: medical debt sold, reported, sued on or collected by lien or garnishment before "
                   f"the waiting period after the first bill")
        bars = ("a provider you owe for care and its collectors from selling the debt, reporting it to credit "
                "bureaus, suing, placing a lien or garnishing wages")
    else:
        summary = f"{NAMES[state]}: hospital debt reported or sued on before the waiting period after the first bill"
        bars = "a hospital, its collectors and debt buyers from reporting the debt to credit bureaus or suing"
    return ConductRule(
        id=f"STATE.{state}.COLLECTION_WAIT",
        severity="high",
        summary=summary,
        citations=tuple(sorted(cites)),
        explanation=(f"{NAMES[state]} law bars {bars} before the waiting period ends.{MORE.get(state, '')} Ask them "
                     f"to withdraw it and complain to {COMPLAINTS.get(state, 'the state attorney general')}."),
        check=make_check(state),
        fdcpa=False,
    )


RULES = [_rule(s) for s in _states_with_a_wait()]

