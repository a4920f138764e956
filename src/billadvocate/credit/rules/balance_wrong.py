"""The reported balance disagrees with the settlement or the payments in the case's log.

Fires, for a tradeline tied to a case account (by `account:` or the collector's name):
- a settlement was agreed (an event of type settlement from the provider or collector, with its amount)
  and paid in full by the report's date, yet the tradeline shows a balance or an unpaid status;
- payments in the log (kind payment) bring the original amount below the balance reported;
- the balance reported is above the balance the bill itself asks for (accounts[].balance).
Events after the report's date are not counted: the report could not know them.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ...util import dollars
from ..context import CreditContext, TradelineRef
from ..rule import CreditRule, each_tradeline

SETTLEMENT_TYPES = {"settlement", "settlement_accepted", "settlement_agreement", "settlement_offer_accepted"}
CENT = Decimal("0.01")


def _day(at) -> date:
    return at.date() if isinstance(at, datetime) else at


def _log(account, until: date):
    events = [e for e in account.events if _day(e.at) <= until]
    payments = [e for e in events if e.kind == "payment" and e.amount]
    settlements = [e for e in events if (e.type or "") in SETTLEMENT_TYPES and e.amount
                   and e.from_ in ("provider", "collector", "patient")]
    return payments, settlements


@each_tradeline
def check(ctx: CreditContext, ref: TradelineRef):
    tl = ref.tradeline
    account = ctx.account_for(ref)
    if account is None:
        return None
    payments, settlements = _log(account, ctx.report_date)
    shown = tl.balance
    if settlements:
        deal = settlements[-1]
        paid = sum((p.amount for p in payments if _day(p.at) >= _day(deal.at)), Decimal(0))
        if paid + CENT > deal.amount and ((shown or 0) > 0 or tl.status == "unpaid"):
            return ctx.finding(
                RULE, ref,
                f"{ref.label} shows {dollars(shown)} {tl.status}, but the debt was settled for "
                f"{dollars(deal.amount)} on {_day(deal.at)} and {dollars(paid)} was paid: it should show "
                f"$0.00 and settled",
                amount=shown or 0, severity="high")
        return None
    paid = sum((p.amount for p in payments), Decimal(0))
    if paid > 0 and tl.original_amount is not None and shown is not None:
        expected = max(tl.original_amount - paid, Decimal(0))
        if shown > expected + CENT:
            last = max(_day(p.at) for p in payments)
            return ctx.finding(
                RULE, ref,
                f"{ref.label} shows a balance of {dollars(shown)}, but {dollars(paid)} was paid on "
                f"{tl.original_amount and dollars(tl.original_amount)} (last payment {last}): "
                f"the balance should be at most {dollars(expected)}",
                amount=shown - expected, severity="high")
    if account.balance is not None and shown is not None and shown > account.balance + CENT and not paid:
        return ctx.finding(
            RULE, ref,
            f"{ref.label} shows a balance of {dollars(shown)}, {dollars(shown - account.balance)} more "
            f"than the {dollars(account.balance)} the bill asks for, with nothing in the case explaining it",
            amount=shown - account.balance, severity="medium")
    return None


RULE = CreditRule(
    id="CREDIT.BALANCE_WRONG",
    severity="high",
    summary="a reported balance disagrees with the settlement or payments in the case's log",
    citations=["15 U.S.C. 1681s-2(a)(1)-(2) (furnishers must report accurately and correct what they learn is wrong)",
               "15 U.S.C. 1681i(a)(5)(A) (inaccurate information must be deleted or corrected)",
               "15 U.S.C. 1681s-2(a)(8); 12 CFR 1022.43 (direct dispute to the furnisher)"],
    check=check,
    explanation=("A balance that ignores your payments or settlement is inaccurate. Dispute it with the "
                 "company that reports it (it holds the payment records) and with the bureau, with copies "
                 "of the receipts or settlement letter."),
    dispute_with=("furnisher", "bureau"),
)
