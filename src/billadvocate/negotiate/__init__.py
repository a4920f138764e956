"""Negotiation: a fair amount, the offer (opening, target, walk-away), the payment plan and the
call scripts, each number with its reasons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .fair import fair_amount
from .hold import hold_for_appeals
from .offer import make_offer
from .plan import payment_plan, replan
from ..util import dollars
from .scripts import call_scripts

__all__ = ["negotiate", "across_accounts", "agree_findings", "fair_amount", "make_offer", "payment_plan",
           "call_scripts"]


def negotiate(case, review, as_of: date, must_end_before: date | None = None) -> dict[str, Any]:
    """Offer, plan, call scripts and the findings with the money figure agreed, for one AccountReview
    (fills nothing in; returns the blocks).

    `must_end_before`: the day a payment would restart the limit to sue (actions.safety); by default
    worked out from the review's statute-of-limitations status."""
    account = review.account
    if must_end_before is None:
        must_end_before = _sol_limit(review.sol)
    fair = fair_amount(account=account, audit=review.audit, findings=review.findings, bills=review.bills,
                       assistance=review.assistance, insurance=case.insurance.status if case.insurance else None,
                       eobs=review.eobs, eob_match=review.eob_match, violations=review.violations,
                       out_of_pocket_max=case.insurance.out_of_pocket_max if case.insurance else None)
    # a denied claim under appeal waits for the plan: no settlement or plan on it (negotiate/hold.py)
    hold_for_appeals(fair, getattr(review, "appeals", None) or [], eob_match=review.eob_match,
                     has_lines=review.audit is not None and bool(review.audit.lines))
    offer = make_offer(account=account, household=case.household, fair=fair, sol=review.sol, as_of=as_of)
    plan = None
    if fair["fair_amount"] > 0:
        plan = payment_plan(account=account, household=case.household,
                            programs=review.assistance.get("programs", []), amount=Decimal(str(fair["fair_amount"])),
                            state=account.provider.state or case.patient.state, as_of=as_of,
                            must_end_before=must_end_before)
    findings = agree_findings(review.findings, offer)  # IRS501R.OVER_AGB says the offer's figure
    scripts = call_scripts(case, account, findings, review.assistance, offer, review.sol)
    return {"offer": offer, "plan": plan, "call_scripts": scripts, "findings": findings}


def _sol_limit(sol) -> date | None:
    """The day a plan must not reach (helper A's actions.safety rule, when it is there)."""
    try:
        from ..actions.safety import plan_must_end_before
    except ImportError:  # the safe-advice package is not in this tree yet
        return None
    return plan_must_end_before(sol)


def agree_findings(findings: list, offer: dict[str, Any] | None) -> list:
    """The IRS501R.OVER_AGB finding says the money engine's figure: when the hospital's policy sets
    what is owed (a discount tier: charges x (1 - discount), never above AGB), the finding's amount
    is what is asked above that figure, and its message names it, so the finding, the offer, the
    letters and the scripts agree."""
    fair = (offer or {}).get("fair") or {}
    program = fair.get("assistance") or {}
    if fair.get("capped_by") != "assistance" or program.get("id") != "FEDERAL.501R":
        return findings
    owed, asked = Decimal(str(fair["owed"])), Decimal(str(fair["asked"]))
    step = next((r["step"] for r in fair.get("steps", []) if r.get("kind") == "cap"
                 and r["step"].startswith("The hospital's financial-assistance policy")), "")
    out = []
    for f in findings:
        if f.rule == "IRS501R.OVER_AGB" and f.severity != "info":
            detail = step.split(": ", 1)[-1] if step else ""
            message = (f"You qualify under the hospital's financial-assistance policy, so you owe at most "
                       f"{dollars(owed)}, not the {dollars(asked)} asked" + (f" ({detail})" if detail else ""))
            if owed == 0:
                message = ("You qualify for free care under the hospital's financial-assistance policy: you owe "
                           f"nothing, so the whole {dollars(asked)} asked is in dispute")
            f = f.model_copy(update={"amount": max(asked - owed, Decimal(0)), "message": message})
        out.append(f)
    return out


def oop_across_accounts(case, reviews) -> None:
    """Insured bills of one calendar year together asking more than the out-of-pocket maximum the
    case states: each says so (a step), since the plan pays the rest once the maximum is reached."""
    ins = case.insurance
    if ins is None or ins.status != "insured" or ins.out_of_pocket_max is None:
        return
    by_year: dict[int, list] = {}
    for r in reviews:
        if r.offer and r.offer.get("owed") and r.account.care.start:
            by_year.setdefault(r.account.care.start.year, []).append(r)
    for year, group in by_year.items():
        total = sum((Decimal(str(r.offer["owed"])) for r in group), Decimal(0))
        if len(group) < 2 or total <= ins.out_of_pocket_max:
            continue
        text = (f"Your {len(group)} bills for care in {year} ask {dollars(total)} of you together, more than your plan's "
                f"out-of-pocket maximum of {dollars(ins.out_of_pocket_max)}: for in-network care (and care the No "
                "Surprises Act protects) the plan pays the rest once you reach it; send the insurer the list of "
                "what you paid that year")
        for r in group:
            r.offer.setdefault("steps", []).append({"step": text, "kind": "note", "amount": None, "change": None,
                                                    "citations": ["42 U.S.C. 18022(c)(1); 45 CFR 156.130(a)"]})
            r.offer["why"] += "\n" + text + " (42 U.S.C. 18022(c)(1); 45 CFR 156.130(a))"


def across_accounts(case, reviews, as_of: date) -> None:
    """What only shows across several bills: one lump sum for all of them, and one monthly budget
    shared by all the payment plans (each plan keeps its own legal cap), and the plan's out-of-pocket
    maximum, which all of a year's bills share."""
    oop_across_accounts(case, reviews)
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
