"""The validation notice gives a dispute-by date earlier than the validation period allows.

The notice must state the day the validation period ends (the last day to dispute and stop
collection). A collector may assume the notice arrives 5 business days after it sends it; the period
runs 30 days from that assumed receipt, so the stated date cannot be earlier. A date too early cuts the
patient's dispute window short. Anti-pattern: a notice sent on Thursday 2026-10-01 (assumed received
Thursday 10-08) that says "dispute by November 6, 2026": the period runs to November 7. Allowed: the
stated date on or after that day. Needs the notice's sent date and its stated date (read from the
notice by `billadvocate read`, validation_notice.dispute_by).
"""

from datetime import timedelta

from ...calendar import add_business_days
from ..context import Context
from ..rule import ConductRule, Hit

PERIOD = "federal.regulation_f.validation.period_days"
RECEIPT = "federal.regulation_f.validation.assumed_receipt_business_days"


def check(ctx: Context) -> list[Hit]:
    c = ctx.account.collector
    vn = c.validation_notice if c else None
    if not ctx.collector_covered or vn is None or vn.sent is None or vn.dispute_by is None:
        return []
    if not (ctx.has(PERIOD, vn.sent) and ctx.has(RECEIPT, vn.sent)):
        return []
    receipt = add_business_days(vn.sent, ctx.value(RECEIPT, vn.sent))
    earliest = receipt + timedelta(days=ctx.value(PERIOD, vn.sent))
    if vn.dispute_by >= earliest:
        return []
    short = (earliest - vn.dispute_by).days
    return [Hit(f"{c.name}'s validation notice, sent on {vn.sent}, says to dispute by {vn.dispute_by}; assuming "
                f"receipt on {receipt}, the validation period runs to {earliest}, {short} day(s) later. "
                f"A dispute sent by {earliest} is still timely.", vn.sent)]


RULE = ConductRule(
    id="REGF.DISPUTE_DATE_EARLY",
    severity="medium",
    summary="the validation notice's dispute-by date is earlier than the end of the validation period",
    citations=("12 CFR 1006.34(b)(5) (validation period: 30 days after receipt, assumed at least 5 business days after sending)",
               "12 CFR 1006.34(c)(3)(i) (the notice states the date the validation period ends)",
               "15 U.S.C. 1692g(b) (nothing may overshadow the consumer's right to dispute)"),
    explanation=("The notice must give you the full validation period to dispute. If its date is too early, you still "
                 "have until the later date: dispute in writing by then, and keep the notice and the envelope."),
    check=check,
)
