"""Negotiation: a fair amount, the offer (opening, target, walk-away), the payment plan and the
call scripts, each number with its reasons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .fair import fair_amount
from .offer import make_offer
from .plan import payment_plan
from .scripts import call_scripts

__all__ = ["negotiate", "fair_amount", "make_offer", "payment_plan", "call_scripts"]


def negotiate(case, review, as_of: date) -> dict[str, Any]:
    """Offer, plan and call scripts for one AccountReview (fills nothing in; returns the blocks)."""
    account = review.account
    fair = fair_amount(account=account, audit=review.audit, findings=review.findings, bills=review.bills,
                       assistance=review.assistance)
    offer = make_offer(account=account, household=case.household, fair=fair, sol=review.sol, as_of=as_of)
    amount = Decimal(str(fair["fair_amount"])) or Decimal(str(fair["before_assistance"]))
    plan = payment_plan(account=account, household=case.household,
                        programs=review.assistance.get("programs", []), amount=amount,
                        state=account.provider.state or case.patient.state, as_of=as_of)
    if fair["fair_amount"] == 0 and fair["before_assistance"] > 0 and plan:
        plan["if_assistance_denied"] = True
        plan["why"] = ("Only if assistance is denied: " + plan["why"])
    scripts = call_scripts(case, account, review.findings, review.assistance, offer, review.sol)
    return {"offer": offer, "plan": plan, "call_scripts": scripts}
