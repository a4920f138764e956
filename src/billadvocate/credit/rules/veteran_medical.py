"""A veteran's medical debt from VA care that the FCRA keeps off credit reports.

Fires, for a patient marked veteran and a medical tradeline on a report dated on or after 2019-05-24:
the debt is paid or settled (a paid or settled veteran's medical debt may not be reported at all), or the
care (its account's care.start) was less than one year before the report. The FCRA rule covers care
provided or paid for under the Department of Veterans Affairs (e.g. Community Care): the message says
so, because the case does not record who authorized the care.
"""

from __future__ import annotations

from dateutil.relativedelta import relativedelta

from ..context import CreditContext, TradelineRef
from ..rule import CreditRule, each_tradeline

WAIT = "federal.fcra.veteran_medical_wait_years"
IF_VA = " (this applies if the care was provided or paid for by the VA, e.g. through Community Care)"


@each_tradeline
def check(ctx: CreditContext, ref: TradelineRef):
    tl = ref.tradeline
    if ctx.case is None or not ctx.case.patient.veteran or not tl.medical:
        return None
    wait = ctx.law_at(WAIT, ctx.report_date)
    if wait is None:
        return None
    if tl.status in ("paid", "settled"):
        return ctx.finding(RULE, ref, f"{ref.label}: a {tl.status} veteran's medical debt may not be "
                           f"reported at all{IF_VA}", amount=tl.original_amount or 0, citations=wait.citations)
    account = ctx.account_for(ref)
    care = account.care.start if account and account.care else None
    if care is None:
        return None
    until = care + relativedelta(years=int(wait.value))
    if ctx.report_date >= until:
        return None
    return ctx.finding(RULE, ref, f"{ref.label}: a veteran's medical debt for care on {care} may not be "
                       f"reported before {until}{IF_VA}", amount=tl.balance or 0, citations=wait.citations)


RULE = CreditRule(
    id="CREDIT.VETERAN_MEDICAL",
    severity="medium",
    summary="a veteran's VA medical debt reported within a year of the care, or after it was paid",
    citations=["15 U.S.C. 1681c(a)(7)-(8)"],
    check=check,
    explanation=("Since May 24, 2019 the FCRA keeps a veteran's medical debt for VA-authorized care off credit "
                 "reports for one year after the care, and off for good once it is paid or settled. Tell the "
                 "bureau the care was VA care and send the VA authorization."),
)
