"""The offer: opening, target and walk-away for a lump-sum settlement, and the terms to insist on.

The numbers are shares of the fair amount, chosen by who holds the debt and adjusted for its age
and its statute-of-limitations status; the household's lump sum decides whether to offer a lump
sum or a payment plan. Every number carries its reason, because the patient defends it on the phone.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any

from ..util import cents, dollars
from .barred import GENERIC, known, warnings as sol_warnings

# (opening, target, walk_away) as shares of the fair amount, and why.
HOLDER_SHARES = {
    "provider": ((Decimal("0.60"), Decimal("0.80"), Decimal("1.00")),
                 "the provider still holds the account: billing offices commonly take 20-40% off for "
                 "a prompt lump sum, and you should never pay more than the fair amount"),
    "agency": ((Decimal("0.40"), Decimal("0.60"), Decimal("0.80")),
               "a collection agency works on commission for the provider and is usually allowed to "
               "settle for well under the balance"),
    "attorney": ((Decimal("0.50"), Decimal("0.70"), Decimal("0.90")),
                 "a collection law firm may sue, so settlements run higher than with an agency; "
                 "check the statute of limitations and answer any lawsuit"),
    "debt_buyer": ((Decimal("0.20"), Decimal("0.35"), Decimal("0.50")),
                   "a debt buyer paid a few cents on the dollar, so even a small payment is profit for it"),
}
AGE_STEPS = ((48, Decimal("0.70"), "more than 4 years old"), (24, Decimal("0.85"), "more than 2 years old"))
SOL_EXPIRED_SHARES = (Decimal("0.10"), Decimal("0.15"), Decimal("0.25"))

TERMS = [
    "The payment settles the account in full: nothing more is owed to anyone, and the remainder is not sold or assigned.",
    "The account is reported to the credit bureaus as paid in full (or deleted) within 30 days, by everyone who reported it.",
    "The agreement is in writing, on their letterhead, before any money is sent; keep a copy and pay by a traceable method, never by giving bank account access.",
    "Forgiven debt of $600 or more may be reported to the IRS on Form 1099-C as income (26 U.S.C. 6050P); ask whether they will file one. If you were insolvent when it was forgiven, IRS Form 982 can exclude it (26 U.S.C. 108(a)(1)(B)).",
]
SOL_WARNING = GENERIC  # only where the state's rule is not known (barred.warnings)


def _months(earlier: date, later: date) -> int:
    return max((later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day), 0)


def _sol_expired(sol: dict[str, Any] | None) -> bool | None:
    if not sol:
        return None
    if sol.get("time_barred") is not None:  # the rights engine's answer
        return bool(sol["time_barred"])
    if "expired" in sol:
        return sol["expired"]
    status = str(sol.get("status", "")).lower()
    return True if status in ("expired", "time_barred", "time-barred") else (False if status else None)


def lump_sum(household) -> tuple[Decimal | None, str]:
    """What the household can raise now: its stated lump sum, else savings less a month's expenses kept
    as a cushion. Without expense figures a month's gross income stands in for them (never $0: that
    would tell a family to spend its last dollar); with neither, it is unknown."""
    if household is None:
        return None, "no household facts in the case"
    if household.lump_sum_available is not None:
        return Decimal(household.lump_sum_available), "the lump sum the household says it can raise"
    if household.liquid_assets is not None:
        savings = Decimal(household.liquid_assets)
        if household.monthly_expenses is not None:
            cushion = Decimal(household.monthly_expenses)
            return max(savings - cushion, Decimal(0)), (
                f"savings of {dollars(savings)} less one month of essential expenses ({dollars(cushion)}) kept as "
                "a cushion")
        if household.annual_income is not None:
            cushion = cents(Decimal(household.annual_income) / 12)
            return max(savings - cushion, Decimal(0)), (
                f"savings of {dollars(savings)} less one month of income ({dollars(cushion)}) kept as a cushion, "
                "since the case gives no essential expenses")
        return None, ("savings are in the case but not the essential monthly expenses a cushion must cover: "
                      "add them")
    return None, "how much you could pay at once (savings, or a lump sum you could raise) is not in the case"


def _numbers(base: Decimal, shares: tuple[Decimal, Decimal, Decimal], purchase_price) -> tuple[Decimal, ...]:
    """Opening < target < walk-away, all above $0 and none above `base` (whole dollars when the
    amount allows, cents for small amounts)."""
    unit = Decimal(1) if base >= 20 else Decimal("0.01")

    def down(v: Decimal) -> Decimal:
        return (v / unit).quantize(Decimal(1), rounding=ROUND_DOWN) * unit

    opening, target, walk = (down(base * s) for s in shares)
    if purchase_price is not None:
        # a debt buyer profits above what it paid: open near twice that, if lower than the share
        floor = down(Decimal(purchase_price) * 2)
        opening = min(opening, max(floor, down(base * Decimal("0.05"))))
        target = max(min(target, down(Decimal(purchase_price) * 4)), opening)
    walk = min(max(walk, target), base)
    step = Decimal("0.01")
    if base < 3 * step:  # too small to split three ways: one figure
        return base, base, base
    walk = max(walk, 3 * step)
    target = min(max(target, 2 * step), walk - step)
    opening = min(max(opening, step), target - step)
    return opening, target, walk


def no_offer(account, fair: dict[str, Any], sol) -> dict[str, Any]:
    """Nothing is owed: no offer, and one line saying why (the money engine's last step)."""
    held = fair.get("held_for_appeal")
    last = next((r["step"] for r in reversed(fair.get("steps", [])) if r.get("kind") == "owed"), None)
    why = held["why"] if held else (last or "You owe $0.00 on this account.")
    collector = account.collector
    claimed = _claimed(account)
    return {"owed": float(fair["owed"]) if held else 0.0, "fair_amount": 0.0, "opening": None, "target": None,
            "walk_away": None, "held_for_appeal": held, "no_offer": why, "holder": collector.kind if collector else "provider",
            "sol_expired": _sol_expired(sol), "claimed": None if claimed is None else float(claimed),
            "lump_sum": None, "advice": why, "reasons": [why], "warnings": _no_offer_warnings(sol), "terms": [],
            "fair": fair, "steps": fair.get("steps", []), "why": "\n".join(list(fair.get("why", [])))}


def _no_offer_warnings(sol) -> list[str]:
    """With nothing to pay: the state's rule on what restarts or revives the limit to sue where it is
    known (a payment made anyway could still matter), else the generic warning."""
    return [sol["warning"]] if known(sol) and sol.get("warning") else [GENERIC]


def make_offer(*, account, household, fair: dict[str, Any], sol: dict[str, Any] | None,
               as_of: date) -> dict[str, Any]:
    """Opening, target and walk-away with reasons (the `offer` block of review)."""
    owed = Decimal(str(fair.get("owed", fair["fair_amount"])))
    if owed <= 0 or fair["fair_amount"] <= 0:
        return no_offer(account, fair, sol)
    collector = account.collector
    holder = collector.kind if collector else "provider"
    shares, holder_why = HOLDER_SHARES[holder]
    reasons = [f"Fair amount {dollars(fair['fair_amount'])}: " + " ".join(fair["why"])]
    warnings: list[str] = []
    reasons.append(f"Shares {shares[0]:.0%} / {shares[1]:.0%} / {shares[2]:.0%} of the fair amount because {holder_why}.")
    purchase = collector.purchase_price if collector and holder == "debt_buyer" else None
    if purchase is not None:
        reasons.append(f"The debt buyer paid {dollars(purchase)} for it: opening near twice that.")
    started = account.first_bill_date or account.care.end or account.care.start
    age = _months(started, as_of) if started else None
    if age is not None:
        for limit, factor, label in AGE_STEPS:
            if age > limit:
                shares = tuple(s * factor for s in shares)
                reasons.append(f"The debt is {label} ({age} months since {started}): older debt is worth "
                               f"less to whoever holds it, so the shares are cut to {factor:.0%}.")
                break
    expired = _sol_expired(sol)
    if expired:
        shares = SOL_EXPIRED_SHARES
        reasons.append("The statute of limitations has run: they cannot win a lawsuit, so offer little or "
                       "nothing (shares 10% / 15% / 25%).")
    warnings += sol_warnings(sol, expired)  # the state's rule where the rights engine knows it
    base = Decimal(str(fair["fair_amount"]))
    opening, target, walk = _numbers(base, shares, purchase)
    offer: dict[str, Any] = {
        "owed": float(owed), "fair_amount": float(base), "held_for_appeal": fair.get("held_for_appeal"), "opening": float(opening), "target": float(target),
        "walk_away": float(walk), "holder": holder, "age_months": age,
        "sol_expired": expired, "claimed": float(_claimed(account)) if _claimed(account) is not None else None,
    }
    lump, lump_why = lump_sum(household)
    offer["lump_sum"] = None if lump is None else float(lump)
    if lump is None:
        advice = f"How much you can pay at once is unknown ({lump_why}); the payment plan is the fallback."
    elif lump >= target:
        advice = f"You can raise {dollars(lump)} ({lump_why}): offer a lump sum, starting at the opening."
    elif lump >= opening and opening > 0:
        advice = (f"You can raise {dollars(lump)} ({lump_why}), between the opening and the target: offer "
                  "the opening, settle at no more than that lump sum, or take the payment plan.")
    else:
        advice = (f"You can raise only {dollars(lump)} ({lump_why}), below what a settlement needs: "
                  "propose the payment plan instead, or a smaller lump sum plus the plan.")
    reasons.append(advice)
    offer.update(advice=advice, reasons=reasons, warnings=warnings, terms=list(TERMS), fair=fair,
                 steps=fair.get("steps", []), why="\n".join(list(fair["why"]) + reasons[1:] + [
                     f"Open at {dollars(opening)}, aim for {dollars(target)}, walk away above {dollars(walk)}."]))
    return offer


def _claimed(account) -> Decimal | None:
    c = account.collector
    if c and c.validation_notice and c.validation_notice.amount is not None:
        return Decimal(c.validation_notice.amount)
    return None if account.balance is None else Decimal(account.balance)
