"""A fair amount: what the patient should pay for this care, with every step's reason.

    billed (itemized lines)
  - disputed lines (the audit's findings)
  = undisputed charges, priced at the lowest defensible benchmark:
      the audit's per-line benchmarks (Medicare x a stated multiple, the hospital's own cash
      price, a negotiated rate), the hospital's AGB (% of gross charges, 501(r)), or the
      Good Faith Estimate the provider gave an uninsured patient
  - what insurance (or anyone) already paid on the bill
  (never more than the balance asked for)
  x (1 - the assistance discount of the best program the household is eligible for)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..util import cents, dollars

# Many advocates and some state laws price fair at 100-150% of Medicare (Colorado's HDC rate is the
# greater of Medicare and Medicaid; Montana's state plan pays 234%); 150% leaves the provider a margin.
MEDICARE_MULTIPLE = Decimal("1.5")


# findings that say a price is too high: pricing at a benchmark already answers them
PRICE_RULES = {"BILL.PRICE_OUTLIER", "NSA.GFE_EXCEEDED", "IRS501R.OVER_AGB"}
# findings that say the balance asked exceeds what is owed (an EOB's patient responsibility, the
# No Surprises Act's in-network cost sharing): they cap what is owed, not the price of the care
BALANCE_RULES = {"EOB.PATIENT_RESP", "NSA.BALANCE_BILL"}


def _wrong_lines(findings, charges: dict[int, Decimal]) -> tuple[Decimal, set[int]]:
    """Dollars of charges that should not be there at all (duplicates, unbundled, not received),
    each line counted once at the largest stake any finding puts on it."""
    stakes: dict[tuple[int, ...], Decimal] = {}
    for f in findings:
        if f.severity == "info" or f.rule in PRICE_RULES | BALANCE_RULES or not f.lines:
            continue
        key = tuple(sorted(f.lines))
        at_most = sum((charges.get(n, Decimal(0)) for n in key), Decimal(0))
        stakes[key] = max(stakes.get(key, Decimal(0)), min(Decimal(f.amount), at_most))
    lines = {n for key in stakes for n in key}
    return sum(stakes.values(), Decimal(0)), lines


def _line_benchmark(b: dict[str, Any], multiple: Decimal) -> tuple[Decimal, str] | None:
    if b.get("fair") is not None:
        return Decimal(str(b["fair"])), str(b.get("basis") or "the audit's fair price")
    if b.get("medicare") is not None:
        return Decimal(str(b["medicare"])) * multiple, f"{multiple}x Medicare"
    for key, label in (("cash_price", "the hospital's cash price"), ("negotiated", "a negotiated rate")):
        if b.get(key) is not None:
            return Decimal(str(b[key])), label
    return None


def benchmark_candidates(*, account, audit, billed: Decimal, wrong: Decimal, wrong_lines: set[int],
                         multiple: Decimal = MEDICARE_MULTIPLE) -> list[dict[str, Any]]:
    """Every defensible price for the care that the case supports, with its reason."""
    out: list[dict[str, Any]] = []
    if audit is not None and audit.benchmark_total is not None:
        bases = sorted({str(b.get("basis")) for b in audit.benchmarks.values() if b.get("basis")} - {"None"})
        out.append({"basis": "audit_fair_price", "amount": cents(audit.benchmark_total),
                    "why": "the audit's fair price: each line at its benchmark"
                           + (f" ({', '.join(bases)})" if bases else "")
                           + ", lines disputed in full at nothing, lines without a benchmark at their charge"})
    elif audit is not None and audit.benchmarks:
        total, kinds, priced = Decimal(0), set(), 0
        for ln in audit.lines:
            if ln.line in wrong_lines:
                continue
            got = _line_benchmark(audit.benchmarks.get(ln.line, {}), multiple)
            if got is None:
                total += Decimal(ln.charge)  # no benchmark for this line: keep its charge
            else:
                total += min(got[0], Decimal(ln.charge))
                kinds.add(got[1])
                priced += 1
        if priced:
            out.append({"basis": "line_benchmarks", "amount": cents(total),
                        "why": f"{priced} undisputed lines priced at {', '.join(sorted(kinds))}; the "
                               "others kept at their charge"})
    fap = account.provider.fap
    if fap is not None and fap.agb_percent is not None and account.provider.kind == "hospital":
        out.append({"basis": "agb", "amount": cents((billed - wrong) * Decimal(fap.agb_percent) / 100),
                    "why": f"the hospital's amounts generally billed, {fap.agb_percent}% of gross charges: "
                           "what it accepts from insurers on average (26 CFR 1.501(r)-5)"})
    if account.gfe_total is not None:
        out.append({"basis": "good_faith_estimate", "amount": cents(account.gfe_total),
                    "why": f"the provider's own Good Faith Estimate of {dollars(account.gfe_total)} (45 CFR 149.610); "
                           "a bill $400 or more above it can be disputed (45 CFR 149.620)"})
    return out


def fair_amount(*, account, audit, findings, bills, assistance: dict[str, Any] | None,
                multiple: Decimal = MEDICARE_MULTIPLE) -> dict[str, Any]:
    """The fair amount for one account, each step with its reason (the `offer.fair` block)."""
    why: list[str] = []
    balance = account.balance
    has_lines = audit is not None and audit.lines
    billed = Decimal(audit.total_charges) if has_lines else (balance or Decimal(0))
    charges = {ln.line: Decimal(ln.charge) for ln in audit.lines} if has_lines else {}
    wrong, wrong_lines = _wrong_lines(findings, charges) if has_lines else (Decimal(0), set())
    audit_dispute = getattr(audit, "in_dispute", None) if has_lines else None
    disputed = Decimal(audit_dispute) if audit_dispute else max(
        wrong, sum((Decimal(f.amount) for f in findings if f.severity != "info"), Decimal(0)) if has_lines else Decimal(0))
    disputed = min(disputed, billed)
    undisputed = billed - disputed
    disputed_lines = sorted({n for f in findings if f.severity != "info" for n in f.lines}) if has_lines else []
    why.append(f"Billed {dollars(billed)}" + (f"; {dollars(disputed)} is disputed (lines "
               f"{', '.join(map(str, disputed_lines)) or 'the bill as a whole'})" if disputed else "; nothing disputed")
               + f", leaving {dollars(undisputed)}.")
    candidates = benchmark_candidates(account=account, audit=audit if has_lines else None, billed=billed,
                                      wrong=wrong, wrong_lines=wrong_lines, multiple=multiple)
    priced, chosen = undisputed, None
    if candidates:
        chosen = min(candidates, key=lambda c: c["amount"])
        if chosen["amount"] <= undisputed:
            priced = chosen["amount"]
            why.append(f"Priced at {dollars(priced)}: {chosen['why']}.")
        else:
            chosen = None
    if chosen is None and candidates:
        why.append("The benchmarks (" + ", ".join(f"{c['basis'].replace('_', ' ')} {dollars(c['amount'])}"
                                                for c in candidates)
                   + ") are not below the undisputed charges, so those are used.")
    elif chosen is None:
        why.append("No benchmark is known (no Medicare prices, AGB or estimate in the case), so the "
                   "undisputed charges are used; ask for the cash price and the AGB.")
    paid = sum((Decimal(b.payments) for b in bills if b.payments), Decimal(0)) if has_lines else Decimal(0)
    owed = max(priced - paid, Decimal(0))
    if paid:
        why.append(f"Minus {dollars(paid)} already paid on the bill: {dollars(owed)}.")
    if balance is not None and owed > balance:
        owed = Decimal(balance)
        why.append(f"Capped at the balance asked for, {dollars(balance)}.")
    over = max((Decimal(f.amount) for f in findings if f.rule in BALANCE_RULES and f.severity != "info"),
               default=Decimal(0))
    if balance is not None and over > 0 and owed > balance - over:
        owed = max(Decimal(balance) - over, Decimal(0))
        why.append(f"Capped at {dollars(owed)}: the balance is {dollars(over)} more than you owe under your "
                   "insurance (the EOB's patient responsibility, or in-network cost sharing).")
    before = cents(owed)
    best = (assistance or {}).get("best")
    fair = before
    if best:
        fair = cents(before * (1 - Decimal(str(best["discount"]))))
        why.append(f"With {best['id']} ({best['discount'] * 100:g}% off, if the application is approved): "
                   f"{dollars(fair)}.")
    capped = [p["id"] for p in (assistance or {}).get("programs", [])
              if p["eligible"] is True and p.get("discount") is None and p.get("charge_cap")]
    if capped and fair > 0:
        why.append(f"{', '.join(capped)} may lower it further: the law caps the price "
                   "(see the program's charge cap).")
    return {
        "fair_amount": float(fair),
        "before_assistance": float(before),
        "billed": float(billed),
        "disputed": float(disputed),
        "disputed_lines": disputed_lines,
        "benchmark": None if chosen is None else {**chosen, "amount": float(chosen["amount"])},
        "benchmarks": [{**c, "amount": float(c["amount"])} for c in candidates],
        "paid": float(paid),
        "assistance": best,
        "medicare_multiple": float(multiple),
        "why": why,
    }
