"""A nonprofit hospital's debt was reported before 120 days after the first bill (IRS 501(r)).

Fires: a tradeline of an account whose provider is a nonprofit hospital, reported (by the hospital or its
collector) before first_bill_date + 120 days. Day 119 fires; day 120 does not. Needs first_bill_date and
the reported date.
"""

from __future__ import annotations

from datetime import timedelta

from ..context import CreditContext, TradelineRef, same_company
from ..rule import CreditRule, each_tradeline

WAIT = "federal.irs_501r.notification_period_days"  # the rights engine's 501(r) data


@each_tradeline
def check(ctx: CreditContext, ref: TradelineRef):
    tl = ref.tradeline
    account = ctx.account_for(ref)
    if account is None or tl.reported is None or account.first_bill_date is None:
        return None
    provider = account.provider
    if not provider.nonprofit or provider.kind != "hospital":
        return None
    wait = ctx.law_at(WAIT, tl.reported)
    if wait is None:
        return None
    earliest = account.first_bill_date + timedelta(days=int(wait.value))
    if tl.reported >= earliest:
        return None
    days = (tl.reported - account.first_bill_date).days
    whose = "your bill" if same_company(tl.furnisher, provider.name) else f"{provider.name}'s bill"
    return ctx.finding(
        RULE, ref,
        f"{tl.furnisher} reported {whose} to {ref.bureau_name} on {tl.reported}, "
        f"{days} days after the first bill ({account.first_bill_date}); a nonprofit hospital may not "
        f"report before {earliest} ({wait.value} days)",
        citations=wait.citations, unconfirmed=wait.unconfirmed)


RULE = CreditRule(
    id="IRS501R.ECA_TOO_EARLY",
    severity="high",
    summary="a nonprofit hospital's debt reported before 120 days after the first bill",
    citations=["26 CFR 1.501(r)-6(c) (120-day notification period before an ECA)"],
    check=check,
    explanation=("A tax-exempt hospital must give you 120 days after the first bill to apply for financial "
                 "assistance before it (or its collector) reports you to a credit bureau. Ask the hospital "
                 "to have the item deleted, and apply for its financial assistance."),
    dispute_with=("furnisher", "bureau"),
)
