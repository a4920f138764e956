"""An unpaid medical collection was reported less than one year after the first delinquency.

Fires: a medical tradeline reported fewer days after its first delinquency than the bureaus' waiting
period in force on the day it was reported (365 days from 2022-07-01; 180 days before, unconfirmed).
Day 364 fires, day 365 does not. Needs both dates; without them it says nothing.
"""

from datetime import timedelta

from ..context import CreditContext, TradelineRef
from ..rule import CreditRule, each_tradeline

PATH = "federal.credit_reporting.bureau_policy.medical_wait_days"


@each_tradeline
def check(ctx: CreditContext, ref: TradelineRef):
    tl = ref.tradeline
    if not tl.medical or tl.first_delinquency is None or tl.reported is None:
        return None
    policy = ctx.law_at(PATH, tl.reported)
    if policy is None:
        return None
    earliest = tl.first_delinquency + timedelta(days=int(policy.value))
    if tl.reported >= earliest:
        return None
    days = (tl.reported - tl.first_delinquency).days
    return ctx.finding(
        RULE, ref,
        f"{ref.label} was reported on {tl.reported}, {days} days after the first delinquency "
        f"({tl.first_delinquency}): the bureaus wait {policy.value} days, so not before {earliest}",
        amount=tl.balance or 0, citations=policy.citations, unconfirmed=policy.unconfirmed)


RULE = CreditRule(
    id="CREDIT.TOO_SOON",
    severity="high",
    summary="a medical collection reported less than one year after first delinquency",
    citations=["Equifax, Experian and TransUnion joint announcement (Mar. 18, 2022): one-year wait for unpaid medical collections from 2022-07-01"],
    check=check,
    explanation=("Since July 1, 2022 unpaid medical collections may not appear until a year after they "
                 "became delinquent, to leave time for insurance and financial assistance. Ask the bureau "
                 "to delete it."),
)
