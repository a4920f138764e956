"""A collection is reported more than seven years after the 180th day of delinquency.

Fires: any collection (medical or not) on a report dated after first delinquency + 180 days + 7 years.
On that day itself the item may still appear; the day after, it is obsolete. Paying or selling the debt
does not restart the clock.
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from ..context import CreditContext, TradelineRef
from ..rule import CreditRule, each_tradeline

YEARS = "federal.fcra.obsolete_years"
START = "federal.fcra.obsolete_start_after_delinquency_days"


def last_day(ctx: CreditContext, first_delinquency, day):
    """The last day the item may be reported, under the law in force on `day`, or None."""
    years, start = ctx.law_at(YEARS, day), ctx.law_at(START, day)
    if years is None or start is None:
        return None, []
    clock = first_delinquency + timedelta(days=int(start.value))
    return clock + relativedelta(years=int(years.value)), years.citations + start.citations


@each_tradeline
def check(ctx: CreditContext, ref: TradelineRef):
    tl = ref.tradeline
    if tl.first_delinquency is None:
        return None
    end, cites = last_day(ctx, tl.first_delinquency, ctx.report_date)
    if end is None or ctx.report_date <= end:
        return None
    return ctx.finding(
        RULE, ref,
        f"{ref.label} is too old to report: first delinquency {tl.first_delinquency}, so it could "
        f"appear only until {end} (7 years after the 180th day); the report is dated {ctx.report_date}",
        amount=tl.balance or 0, citations=cites)


RULE = CreditRule(
    id="CREDIT.OBSOLETE",
    severity="high",
    summary="a collection reported past 7 years after the 180th day of delinquency",
    citations=["15 U.S.C. 1681c(a)(4)", "15 U.S.C. 1681c(c)(1)"],
    check=check,
    explanation=("The Fair Credit Reporting Act lets a collection stay on a report for seven years, counted "
                 "from 180 days after the delinquency began. After that the bureau must remove it."),
)
