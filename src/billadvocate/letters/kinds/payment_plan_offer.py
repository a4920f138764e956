"""Propose a monthly payment plan the household can carry, with zero interest.

Needed when the money engine worked out a plan and no lump-sum settlement fits (the household
cannot raise the opening offer, or there is no offer). The letter proposes the monthly amount and
the number of months, asks for no interest or fees and no credit reporting while it is paid. While
an insurer appeal is open (offer.held_for_appeal) it names the denied claims and amount, says the plan
does not cover or concede them, and reserves the appeal.
"""

from __future__ import annotations

from datetime import date

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind, holder_needs
from ..facts import Need, number
from .settlement_offer import held
from .settlement_offer import when as settlement_when

PLAN = Need("household.monthly_expenses", "a payment plan from the review (the money engine needs "
            "household.annual_income and household.monthly_expenses)", lambda f: f.plan,
            what_es="un plan de pagos calculado por la revisión (el cálculo de dinero necesita "
                    "household.annual_income y household.monthly_expenses)")


def when(f) -> str | None:
    plan = f.plan
    if plan is None or not number(plan["monthly"]) or number(plan["monthly"]) <= 0 or settlement_when(f):
        return None
    fair = number((f.offer or {}).get("fair_amount"))
    if fair is not None and fair <= 0:
        return None  # assistance should cover the whole bill: apply first, promise no payments
    months = int(plan["months"])
    if months == 1:
        return f"propose one payment of ${number(plan['monthly']):,.2f}"
    return f"propose ${number(plan['monthly']):,.2f} a month for {months} months"


def extra(f) -> dict:
    p = f.plan or {}
    schedule = p.get("schedule") or []
    first = p.get("first_payment") or (schedule[0].get("date") if schedule and isinstance(schedule[0], dict)
                                        else None)
    try:
        first = date.fromisoformat(str(first)) if first else None
    except ValueError:
        first = None
    cites = list(p.get("citations") or [])
    for cap in p.get("caps") or []:
        cites += [c for c in cap.get("citations", []) if c not in cites]
    return {"monthly": number(p.get("monthly")), "months": p.get("months"), "last_payment": number(p.get("last_payment")),
            "plan_total": number(p.get("amount")), "first_payment": first, "plan_citations": cites,
            "held": held(f)}


KIND = LetterKind(
    type="payment_plan_offer",
    title="Payment plan proposal",
    recipient="holder",
    summary="Proposes a fixed monthly payment for a number of months, without interest or fees, "
            "with no credit reporting or collection while the plan is kept, in writing.",
    citations=(),  # the state limits the plan respects come with the plan (plan.citations)
    needs=(PATIENT_NAME, PATIENT_ADDRESS, *holder_needs(), PLAN),
    when=when,
    extra=extra,
)
