"""A medical collection whose original amount was under $500 is on the report.

Fires: a medical tradeline whose original amount (or, when that is missing, its balance) is under $500
on a report pulled on or after 2023-04-11, when the three bureaus stopped reporting them. $499.99 fires;
$500.00 does not. Before 2023-04-11 nothing fires.
"""

from ...util import dollars
from ..context import CreditContext, TradelineRef
from ..rule import CreditRule, each_tradeline

PATH = "federal.credit_reporting.bureau_policy.medical_minimum_original_amount"


@each_tradeline
def check(ctx: CreditContext, ref: TradelineRef):
    tl = ref.tradeline
    policy = ctx.law_at(PATH, ctx.report_date)
    if not tl.medical or policy is None:
        return None
    amount, which = tl.original_amount, "original amount"
    if amount is None:
        amount, which = tl.balance, "balance (the original amount is not given)"
    if amount is None or amount >= policy.value:
        return None
    return ctx.finding(
        RULE, ref,
        f"{ref.label} reports a medical collection with an {which} of {dollars(amount)}, under "
        f"{dollars(policy.value)}: the bureaus have not reported these since {policy.start}",
        amount=tl.balance if tl.balance is not None else amount, citations=policy.citations,
        unconfirmed=policy.unconfirmed)


RULE = CreditRule(
    id="CREDIT.UNDER_500",
    severity="high",
    summary="a medical collection with an original amount under $500 is reported",
    citations=["CDIA statement for Equifax, Experian and TransUnion (Apr. 11, 2023): medical collections under $500 removed"],
    check=check,
    explanation=("Since April 11, 2023 Equifax, Experian and TransUnion leave out medical collections "
                 "whose initial balance was under $500. Ask the bureau to delete it."),
)
