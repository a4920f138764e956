"""Negotiation: a fair amount, the offer (opening, target, walk-away), the payment plan and the
call scripts, each number with its reasons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .fair import fair_amount
from .offer import make_offer
from .plan import payment_plan, replan
from ..util import dollars
from .scripts import call_scripts

__all__ = ["negotiate", "across_accounts", "fair_amount", "make_offer", "payment_plan", "call_scripts"]


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


def across_accounts(case, reviews, as_of: date) -> None:
    """What only shows across several bills: one lump sum for all of them, and one monthly budget
    shared by all the payment plans (each plan keeps its own legal cap)."""
    offers = [r.offer for r in reviews if r.offer and r.offer.get("lump_sum") is not None]
    if len(offers) > 1:
        for o in offers:
            o["lump_sum_shared_by"] = len(offers)
            o["advice"] += f" The lump sum is for all {len(offers)} accounts together: split it between them."
    plans = [r.plan for r in reviews if r.plan and r.plan.get("monthly") and r.plan.get("months")
             and not r.plan.get("if_assistance_denied")]
    if len(plans) < 2:
        return
    budget = Decimal(str(plans[0]["budget"]))
    total = sum((Decimal(str(p["monthly"])) for p in plans), Decimal(0))
    if total <= budget:
        return
    for p in plans:
        share = Decimal(str(p["monthly"])) * budget / total
        replan(p, share, f"The household's budget of {dollars(budget)} a month is shared by {len(plans)} "
                         f"payment plans; this plan's share is {dollars(share)}.")
