"""A paid or settled medical collection is still on the report.

Fires: a medical tradeline with status paid or settled (or a zero balance on a debt that had one) on a
report pulled on or after 2022-07-01, when Equifax, Experian and TransUnion stopped reporting paid
medical collections. Does not fire: before that date, or on an unpaid debt. The policy is the bureaus'
own, not law: the dispute asks them to apply it.
"""

from ...util import dollars
from ..context import CreditContext, TradelineRef
from ..rule import CreditRule, each_tradeline

PATH = "federal.credit_reporting.bureau_policy.paid_medical_removed"


def _is_paid(tl) -> bool:
    if tl.status in ("paid", "settled"):
        return True
    return tl.balance is not None and tl.balance == 0 and (tl.original_amount or 0) > 0


@each_tradeline
def check(ctx: CreditContext, ref: TradelineRef):
    tl = ref.tradeline
    policy = ctx.law_at(PATH, ctx.report_date)
    if not tl.medical or not _is_paid(tl) or not (policy and policy.value):
        return None
    how = "settled" if tl.status == "settled" else "paid"
    when = f" on {tl.paid_on}" if tl.paid_on else ""
    return ctx.finding(
        RULE, ref,
        f"{ref.label} still shows a medical collection that was {how}{when} "
        f"(originally {dollars(tl.original_amount)}): the bureaus have not reported paid medical "
        f"collections since {policy.start}",
        amount=tl.original_amount or tl.balance or 0, citations=policy.citations,
        unconfirmed=policy.unconfirmed)


RULE = CreditRule(
    id="CREDIT.PAID_MEDICAL",
    severity="high",
    summary="a paid or settled medical collection is still reported",
    citations=["Equifax, Experian and TransUnion joint announcement (Mar. 18, 2022): paid medical collections removed from 2022-07-01"],
    check=check,
    explanation=("Since July 1, 2022 the three bureaus remove medical collections once they are paid. "
                 "Send the bureau proof of payment (receipt, settlement letter) and ask it to delete the item."),
)
