"""Dispute the debt with the collector, naming what is wrong with it.

Needed when a collector holds an account whose bill has problems (the audit's findings) or whose
amount is higher than the bill's balance. A written dispute sent within the validation period obliges the collector to
stop collecting the disputed part until it mails verification; after the period it does not, and the
letter then asks instead; either way the collector must report the debt as disputed if it reports it.
"""

from __future__ import annotations

from . import COLLECTOR, COLLECTOR_ADDRESS, COLLECTOR_REFERENCE, PATIENT_ADDRESS, PATIENT_NAME, LetterKind, barred, count
from .billing_dispute import assistance_split, likely_assistance


def notice_amount(f):
    n = f.collector.validation_notice if f.collector else None
    return n.amount if n is not None else None


def when(f) -> str | None:
    c = f.collector
    if c is None:
        return None
    reasons = []
    split = assistance_split(f)  # free care or a discount is no error on the bill: counted apart, as likely
    if split["errors"]:
        reasons.append(f"the audit found {count(len(split['errors']), 'problem')} on the bill")
    if split["assistance"] is not None:
        reasons.append(likely_assistance(split["assistance"]))
    amount, balance = notice_amount(f), f.account.balance
    if amount is not None and balance is not None and amount > balance:
        reasons.append(f"{c.name} asks for ${amount:,.2f}, more than the bill's balance of ${balance:,.2f}")
    if any(v.rule == "REGF.AMOUNT_UNEXPLAINED" for v in f.violations) and not reasons:
        reasons.append("the collector's amount is not explained")
    if not reasons:
        return None
    earlier = [e for e in f.account.events if e.from_ == "patient" and e.type == "dispute"]
    if earlier:
        when = earlier[-1].at
        reasons.append(f"you sent a dispute on {str(when)[:10]}; this one names "
                       + ("the errors" if split["errors"] else "what is wrong"))
    return "dispute the debt in writing: " + "; ".join(reasons)


def extra(f) -> dict:
    amount, balance = notice_amount(f), f.account.balance
    higher = amount is not None and balance is not None and amount > balance
    end = f.deadline("VALIDATION_PERIOD_END")
    # after the validation period a dispute no longer makes the collector stop (15 U.S.C. 1692g(b)); it
    # must still report the debt as disputed (1692e(8)): the letter asks, and does not claim a duty
    return {"notice_amount": amount, "amount_difference": (amount - balance) if higher else None,
            "period_end": end.date if end is not None and end.date >= f.as_of else None,
            "period_ended": end.date if end is not None and end.date < f.as_of else None,
            "barred": barred(f), **assistance_split(f)}


KIND = LetterKind(
    type="dispute",
    title="Dispute of a debt",
    recipient="collector",
    summary="Tells the collector in writing that the debt is disputed, lists the errors on the bill "
            "with line numbers and dollars, asks for verification, and asks that any credit "
            "reporting show the debt as disputed.",
    citations=("15 U.S.C. 1692g(b)", "15 U.S.C. 1692e(8)", "12 CFR 1006.38"),
    may_cite=("12 CFR 1006.26(b)",),  # a time-barred debt: no suit, no threat of suit
    needs=(PATIENT_NAME, PATIENT_ADDRESS, COLLECTOR, COLLECTOR_ADDRESS, COLLECTOR_REFERENCE),
    when=when,
    extra=extra,
    certified=True,
)
