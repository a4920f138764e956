"""The patient's state bars medical debt from credit reports.

Fires: a medical tradeline of a patient living in a state whose ban was in force on the relevant day:
the report's date when the law binds the bureaus, the day it was reported when it binds only those who
report (Virginia, Maine). A ban limited to care from a date (New Jersey) fires only for later care, or
with a caveat when the care date is unknown. Every finding carries the preemption caveat.
"""

from __future__ import annotations

from datetime import date

from ...states import NAMES
from ..context import CreditContext, TradelineRef
from ..rule import CreditRule, each_tradeline

CAVEAT = "federal.credit_reporting.state_ban_preemption_caveat"


def ban_path(state: str) -> str:
    return f"states.{state.lower()}.credit_reporting.medical_debt_ban"


def state_ban(ctx: CreditContext, day: date):
    """The patient's state's ban entry in force on `day` (a DatedValue), or None."""
    if not ctx.state:
        return None
    return ctx.law_at(ban_path(ctx.state), day)


@each_tradeline
def check(ctx: CreditContext, ref: TradelineRef):
    tl = ref.tradeline
    if not tl.medical or not ctx.state:
        return None
    now = state_ban(ctx, ctx.report_date)
    if now is None or not now.value.get("ban"):
        return None
    covers = now.value.get("covers", [])
    if "bureaus" in covers:
        when = f"the report of {ctx.report_date}"
    elif tl.reported is not None and tl.reported >= now.start:
        when = f"it was reported on {tl.reported}"
    else:
        return None
    caveat = ""
    services_from = now.value.get("services_from")
    if services_from:
        account = ctx.account_for(ref)
        care = account.care.start if account and account.care else None
        if care is not None and care < date.fromisoformat(str(services_from)):
            return None
        if care is None:
            caveat = f" (if the care was on or after {services_from})"
    preemption = ctx.law_at(CAVEAT, ctx.as_of)
    explanation = f"{ctx.state} law ({now.value['law']}): {now.value['what']}."
    if now.value.get("note"):
        explanation += f" Note: {now.value['note']}."
    cites = list(now.citations)
    if preemption is not None:
        explanation += " Preemption: " + preemption.value
        cites += preemption.citations
    return ctx.finding(
        RULE, ref,
        f"{ref.label}: {NAMES[ctx.state]} law has barred medical debt from credit reports since "
        f"{now.start}, under {now.value['law']}; {when} falls under it{caveat}",
        amount=tl.balance or 0, citations=cites, unconfirmed=now.unconfirmed, explanation=explanation)


RULE = CreditRule(
    id="CREDIT.STATE_BAN",
    severity="high",
    summary="the patient's state bars reporting medical debt",
    citations=["the patient's state statute, from law/parameters/states/<xx>/credit_reporting.yaml (e.g. Cal. SB 1061, N.Y. GBL 380-j, Va. Code 59.1-444.4)"],
    check=check,
    explanation="",
    dispute_with=("bureau", "furnisher"),
)
