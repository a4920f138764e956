"""Negotiation: a fair amount, the offer (opening, target, walk-away), the payment plan and the
call scripts, each number with its reasons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .estate import address_findings, address_offer, address_plan, address_scripts
from .barred import barred_reason, chose_to_pay_note, judged_reason, time_barred
from .fair import fair_amount
from .hold import hold_for_appeals
from .offer import make_offer
from .plan import payment_plan, replan
from ..model import Finding
from ..states import NAMES
from ..util import cents, dollars
from .scripts import call_scripts

__all__ = ["negotiate", "across_accounts", "agree_findings", "fair_amount", "make_offer", "payment_plan",
           "call_scripts"]


def negotiate(case, review, as_of: date, must_end_before: date | None = None,
              year_cap: dict[str, Any] | None = None) -> dict[str, Any]:
    """Offer, plan, call scripts and the findings with the money figure agreed, for one AccountReview
    (fills nothing in; returns the blocks).

    `must_end_before`: the day a payment would restart the limit to sue (actions.safety); by default
    worked out from the review's statute-of-limitations status."""
    account = review.account
    barred = time_barred(review.sol)
    chose_to_pay = bool(getattr(account, "patient_chose_to_pay", False))
    if must_end_before is None and not barred:  # a limit that already ran out cannot be outrun
        must_end_before = _sol_limit(review.sol)
    fair = fair_amount(account=account, audit=review.audit, findings=review.findings, bills=review.bills,
                       assistance=review.assistance, insurance=case.insurance.status if case.insurance else None,
                       eobs=review.eobs, eob_match=review.eob_match, violations=review.violations,
                       out_of_pocket_max=case.insurance.out_of_pocket_max if case.insurance else None,
                       year_cap=year_cap)
    # a denied claim under appeal waits for the plan: no settlement or plan on it (negotiate/hold.py)
    hold_for_appeals(fair, getattr(review, "appeals", None) or [], eob_match=review.eob_match,
                     has_lines=review.audit is not None and bool(review.audit.lines))
    offer = make_offer(account=account, household=case.household, fair=fair, sol=review.sol, as_of=as_of)
    plan = None
    if fair["fair_amount"] > 0:
        amount, capped = Decimal(str(fair["fair_amount"])), None
        if (barred and chose_to_pay and offer.get("walk_away") is not None
                and Decimal(str(offer["walk_away"])) < amount):
            # a barred debt is worth what its holder can get without a court: the plan no more than the offer's most
            amount = capped = Decimal(str(offer["walk_away"]))
        plan = payment_plan(account=account, household=case.household,
                            programs=review.assistance.get("programs", []), amount=amount,
                            state=account.provider.state or case.patient.state, as_of=as_of,
                            must_end_before=must_end_before)
        if capped is not None and plan is not None and not plan.get("missing"):
            plan["why"] = (f"The plan pays no more than {dollars(capped)}, the most to agree to on this debt: the limit "
                           f"to sue ran out, so whoever holds it cannot win a lawsuit. " + plan.get("why", "")).strip()
        if (barred or judged_reason(review.sol)) and plan is not None:
            plan = barred_plan(plan, review.sol, chose_to_pay)
    offer = withhold_unsafe_offer(offer, review, as_of, case.patient.state, barred=barred and not chose_to_pay,
                                  chose_to_pay=chose_to_pay)
    offer = address_offer(offer, case, review)  # never "you owe" to a relative (negotiate/estate.py)
    plan = address_plan(plan, case, review)
    findings = address_findings(agree_findings(review.findings, offer), case)  # IRS501R.OVER_AGB: the offer's figure
    scripts = address_scripts(call_scripts(case, account, findings, review.assistance, offer, review.sol), case,
                              account, review)
    return {"offer": offer, "plan": plan, "call_scripts": scripts, "findings": findings}


def barred_plan(plan: dict[str, Any], sol: dict[str, Any], chose_to_pay: bool) -> dict[str, Any]:
    """A plan on a debt whose limit to sue ran out: none, saying why in the state's terms, unless the
    patient chose to pay anyway; then the plan stands with what could revive the debt."""
    if plan.get("missing"):
        return plan
    if not chose_to_pay:
        plan.update(monthly=None, months=None, schedule=[], refused=True, last_payment=None, why=barred_reason(sol))
        for k in ("duration", "first_payment", "total", "forgiven"):
            plan.pop(k, None)
        return plan
    plan["why"] = (plan.get("why", "") + " " + chose_to_pay_note(sol)).strip()
    return plan


def withhold_unsafe_offer(offer: dict[str, Any], review, as_of: date, state: str, *, barred: bool,
                          chose_to_pay: bool) -> dict[str, Any]:
    """No settlement figures where the limit to sue forbids a settlement letter (actions.safety): it ran
    out, or it ends before an offer made now would be paid in a state where a payment or a signed
    writing restarts it, unless the patient chose to pay anyway. The offer keeps what is owed and the
    arithmetic, and says in one line why there is no offer."""
    if offer.get("no_offer") or offer.get("opening") is None:
        return offer
    if judged_reason(review.sol) and not chose_to_pay:  # a judgment: a lawyer first, whether or not the limit ran out
        reason = judged_reason(review.sol)
    elif barred:
        reason = barred_reason(review.sol)
    else:
        try:
            from ..actions.safety import offer_closes, plan_must_end_before, restarts
        except ImportError:
            return offer
        limit = plan_must_end_before(review.sol)
        if chose_to_pay or limit is None or limit > offer_closes(as_of):
            return offer
        r = restarts(review.sol)
        what = " or ".join(w for w, on in (("a payment", r["payment"]),
                                            ("a signed written acknowledgment or promise to pay",
                                             r["written_acknowledgment"])) if on)
        reason = (f"The limit to sue on this debt ends on {limit}, before a settlement offered now would be paid, "
                  f"and in {NAMES.get(state, state)} {what} restarts it: do not offer or pay anything before "
                  "then; talk to a lawyer or legal aid.")
    fair = offer.get("fair") or {}
    out = {**offer, "opening": None, "target": None, "walk_away": None, "lump_sum": None, "no_offer": reason,
           "withheld": True, "advice": reason, "reasons": [reason], "terms": [],
           "why": "\n".join(list(fair.get("why", [])))}
    return out


def _sol_limit(sol) -> date | None:
    """The day a plan must not reach (helper A's actions.safety rule, when it is there)."""
    try:
        from ..actions.safety import plan_must_end_before
    except ImportError:  # the safe-advice package is not in this tree yet
        return None
    return plan_must_end_before(sol)


# the financial-assistance finding as agree_findings words it (report/spanish_account.py reads these words back)
LIKELY = "You are likely eligible under the hospital's financial-assistance policy"
LIKELY_FREE = "You are likely eligible for free care under the hospital's financial-assistance policy"
IF_APPROVED = "if the hospital approves your application"


def agree_findings(findings: list, offer: dict[str, Any] | None) -> list:
    """The IRS501R.OVER_AGB finding says the money engine's figure: when the hospital's policy sets
    what is owed (a discount tier: charges x (1 - discount), never above AGB), the finding's amount
    is what is asked above that figure, and its message names it, so the finding, the offer, the
    letters and the scripts agree. The income screen is not the hospital's decision: the message says
    the patient is likely eligible and what follows once the hospital approves the application."""
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
            message = (f"{LIKELY}: {IF_APPROVED} you may be charged at most {dollars(owed)}, not the "
                       f"{dollars(asked)} asked" + (f" ({detail})" if detail else ""))
            if owed == 0:
                message = (f"{LIKELY_FREE}: {IF_APPROVED} you owe nothing, so the whole {dollars(asked)} asked is in "
                           "dispute")
            f = f.model_copy(update={"amount": max(asked - owed, Decimal(0)), "message": message})
        out.append(f)
    return out


OOP_CITES = ["42 U.S.C. 18022(c)(1); 45 CFR 156.130(a)", "42 U.S.C. 300gg-6(b)"]


def _counts_toward_oop(r) -> bool:
    """In-network care, or care the No Surprises Act holds to in-network cost sharing, counts toward the
    plan's in-network out-of-pocket maximum."""
    nsa = any(f.rule == "NSA.BALANCE_BILL" and f.severity != "info" for f in r.findings)
    return r.account.provider.in_network is True or nsa


def oop_allocation(reviews, oop_max: Decimal) -> dict[int, list[tuple[Any, Decimal, Decimal]]]:
    """{year: [(review, share, allowed)]}: the bills of each plan year (taken as the calendar year of
    the care) that count toward the maximum, in the order of the care; each bill's share is its patient
    responsibility before any assistance (what the plan's accumulator counts), and `allowed` what is
    left of the maximum when its turn comes: the plan pays the rest."""
    by_year: dict[int, list] = {}
    for i, r in enumerate(reviews):
        fair = (r.offer or {}).get("fair") or {}
        share = Decimal(str(fair.get("before_assistance", (r.offer or {}).get("owed") or 0)))
        if share > 0 and r.account.care.start and _counts_toward_oop(r):
            by_year.setdefault(r.account.care.start.year, []).append((r.account.care.start, i, r, share))
    out = {}
    for year, group in by_year.items():
        left, rows = oop_max, []
        for _, _, r, share in sorted(group, key=lambda g: (g[0], g[1])):
            allowed = max(left, Decimal(0))
            rows.append((r, share, allowed))
            left -= min(share, allowed)
        out[year] = rows
    return out


def oop_across_accounts(case, reviews, as_of: date | None = None) -> None:
    """Insured bills of one plan year share the out-of-pocket maximum the case states: once the bills
    before it (in the order of the care) reach it, a bill's patient share is capped at what is left and
    the plan pays the rest. Each capped bill gets the cap as a step with its arithmetic, its offer and
    plan redone, and an EOB.OOP_MAX_EXCEEDED finding for the amount the plan should pay."""
    ins = case.insurance
    if ins is None or ins.status != "insured" or ins.out_of_pocket_max is None:
        return
    oop = Decimal(ins.out_of_pocket_max)
    for year, rows in oop_allocation(reviews, oop).items():
        total = sum((share for _, share, _ in rows), Decimal(0))
        if len(rows) < 2 or total <= oop:
            continue
        for n, (r, share, allowed) in enumerate(rows):
            if share <= allowed:
                continue
            before = rows[:n]
            counted = sum((min(s, a) for _, s, a in before), Decimal(0))
            names = ", ".join(f"{x.account.provider.name} {dollars(min(s, a))}" for x, s, a in before)
            excess = share - allowed
            text = (f"Your plan's out-of-pocket maximum is {dollars(oop)} for {year} (the plan year, taken as the calendar "
                    f"year), and your {len(rows)} in-network bills of {year} ask {dollars(total)} of you together. The bills "
                    f"for earlier care count first ({names}: {dollars(counted)}), leaving {dollars(allowed)} of the maximum "
                    f"for this bill's {dollars(share)} share: you owe at most {dollars(allowed)} here and the plan pays "
                    f"the other {dollars(excess)}, less anything you already paid toward the maximum elsewhere")
            cap = {"amount": allowed, "text": text, "citations": OOP_CITES}
            money = negotiate(case, r, as_of or case.as_of or date.today(), year_cap=cap)
            r.offer, r.plan, r.call_scripts = money["offer"], money["plan"], money["call_scripts"]
            r.findings = list(money["findings"])
            r.findings.append(Finding(
                rule="EOB.OOP_MAX_EXCEEDED", severity="medium", amount=cents(excess), citations=OOP_CITES,
                message=(f"Your {len(rows)} in-network bills of {year} ask {dollars(total)} of you, more than your plan's "
                         f"out-of-pocket maximum of {dollars(oop)}: {dollars(excess)} of this bill's share should be "
                         "paid by the plan, if these bills are in one plan year"),
                explanation=("Send your insurer the list of what each provider asks for the year and ask it to apply "
                             "the out-of-pocket maximum; send this provider the corrected EOB. Keep the receipts.")))
            from ..actions.safety import guard_scripts

            guard_scripts(r, as_of or case.as_of or date.today(), state=case.patient.state)


def across_accounts(case, reviews, as_of: date) -> None:
    """What only shows across several bills: one lump sum for all of them, and one monthly budget
    shared by all the payment plans (each plan keeps its own legal cap), and the plan's out-of-pocket
    maximum, which all of a year's bills share."""
    oop_across_accounts(case, reviews, as_of)
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
    # each plan's share of the budget follows the most it could pay a month (its `ceiling`), not its even payment
    most = [Decimal(str(p.get("ceiling") or p["monthly"])) for p in plans]
    if sum((Decimal(str(p["monthly"])) for p in plans), Decimal(0)) <= budget:
        return
    total = sum(most, Decimal(0))
    for p, m in zip(plans, most):
        share = m * budget / total
        replan(p, share, f"The household's budget of {dollars(budget)} a month is shared by {len(plans)} "
                         f"payment plans; this plan's share is {dollars(share)}.")
