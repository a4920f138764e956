"""Explain a financial hardship and ask the holder of the debt to reduce or forgive it.

Needed when no financial-assistance application fits (a for-profit provider, or no program) but
the household's income is low (at or under twice the poverty guideline, a common charity-care
line) or what is left each month after essential costs would not pay the balance within a year.
"""

from __future__ import annotations

from decimal import Decimal

from . import BALANCE, PATIENT_ADDRESS, PATIENT_NAME, LetterKind, holder_needs
from ..facts import Need
from .fap_application import HOUSEHOLD_SIZE, INCOME
from .fap_application import when as fap_when

LOW_INCOME_FPL = Decimal(200)  # percent of the poverty guideline; a common charity line, not a legal number
EXPENSES = Need("household.monthly_expenses", "the household's essential monthly expenses",
                lambda f: f.case.household.monthly_expenses if f.case.household else None,
                what_es="los gastos mensuales esenciales del hogar")


def when(f) -> str | None:
    if fap_when(f) or f.sent("hardship"):
        return None
    reasons = []
    if f.fpl_percent is not None and f.fpl_percent <= LOW_INCOME_FPL:
        reasons.append(f"income is {f.fpl_percent}% of the poverty guideline")
    surplus, balance = f.monthly_surplus, f.account.balance
    if surplus is not None and balance is not None and surplus * 12 < balance:
        reasons.append(f"after essential costs {max(surplus, 0):,.2f} dollars a month are left, "
                       f"less than a year's payments on {balance:,.2f}")
    if not reasons:
        return None
    return "financial hardship: " + "; ".join(reasons) + ": ask for a reduction or write-off"


def extra(f) -> dict:
    surplus = f.monthly_surplus
    # income, essential costs and what is left: what the ask needs; never savings or assets
    return {"fpl_percent": f.fpl_percent, "monthly_income": f.monthly_income,
            "monthly_surplus": max(surplus, Decimal(0)) if surplus is not None else None}


KIND = LetterKind(
    type="hardship",
    title="Financial hardship letter",
    recipient="holder",
    summary="Explains the household's income, essential costs and what is left each month (never its "
            "savings), and asks whoever holds the debt to reduce it, forgive it, or pause collection. Not "
            "written where a promise could hurt (a time-barred, unowed or not yet itemized debt), and never "
            "to a debt buyer on a debt it cannot sue on.",
    citations=(),
    may_cite=("42 U.S.C. 9902(2)",),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, *holder_needs(), BALANCE, HOUSEHOLD_SIZE, INCOME, EXPENSES),
    when=when,
    extra=extra,
)
