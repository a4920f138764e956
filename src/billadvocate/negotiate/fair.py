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


def _disputed(findings) -> tuple[Decimal, set[int]]:
    lines: set[int] = set()
    amount = Decimal(0)
    for f in findings:
        if f.severity == "info":
            continue
        amount += Decimal(f.amount)
        lines.update(f.lines)
    return amount, lines


def _line_benchmark(b: dict[str, Any], multiple: Decimal) -> tuple[Decimal, str] | None:
    if b.get("medicare") is not None:
        return Decimal(str(b["medicare"])) * multiple, f"{multiple}x Medicare"
    for key, label in (("cash_price", "the hospital's cash price"), ("negotiated", "a negotiated rate")):
        if b.get(key) is not None:
            return Decimal(str(b[key])), label
    return None


def benchmark_candidates(*, account, audit, billed: Decimal, undisputed: Decimal, disputed_lines: set[int],
                         multiple: Decimal = MEDICARE_MULTIPLE) -> list[dict[str, Any]]:
    """Every defensible price for the undisputed care that the case supports, with its reason."""
    out: list[dict[str, Any]] = []
    if audit is not None and audit.benchmarks:
        total, kinds, priced = Decimal(0), set(), 0
        for ln in audit.lines:
            if ln.line in disputed_lines:
                continue
            got = _line_benchmark(audit.benchmarks.get(ln.line, {}), multiple)
            if got is None:
                total += Decimal(ln.charge)  # no benchmark for this line: keep its charge
            else:
                total += got[0]
                kinds.add(got[1])
                priced += 1
        if priced:
            out.append({"basis": "line_benchmarks", "amount": cents(total),
                        "why": f"{priced} undisputed lines priced at {', '.join(sorted(kinds))}; the "
                               "others kept at their charge"})
    elif audit is not None and audit.benchmark_total is not None and billed > 0:
        scaled = Decimal(audit.benchmark_total) * undisputed / billed
        out.append({"basis": "benchmark_total", "amount": cents(scaled),
                    "why": f"the audit's fair-price estimate {dollars(audit.benchmark_total)}, scaled to the "
                           "undisputed share of the bill"})
    fap = account.provider.fap
    if fap is not None and fap.agb_percent is not None and account.provider.kind == "hospital":
        out.append({"basis": "agb", "amount": cents(undisputed * Decimal(fap.agb_percent) / 100),
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
    disputed, disputed_lines = _disputed(findings) if has_lines else (Decimal(0), set())
    disputed = min(disputed, billed)
    undisputed = billed - disputed
    why.append(f"Billed {dollars(billed)}" + (f"; {dollars(disputed)} is disputed on lines "
               f"{', '.join(map(str, sorted(disputed_lines)))}" if disputed else "; nothing disputed")
               + f", leaving {dollars(undisputed)}.")
    candidates = benchmark_candidates(account=account, audit=audit if has_lines else None, billed=billed,
                                      undisputed=undisputed, disputed_lines=disputed_lines, multiple=multiple)
    priced, chosen = undisputed, None
    if candidates:
        chosen = min(candidates, key=lambda c: c["amount"])
        if chosen["amount"] < undisputed:
            priced = chosen["amount"]
            why.append(f"Priced at {dollars(priced)}: {chosen['why']}.")
        else:
            chosen = None
    if chosen is None:
        why.append("No benchmark below the charges is known (no Medicare prices, AGB or estimate in the "
                   "case), so the charges themselves are used; ask for the cash price and the AGB.")
    paid = sum((Decimal(b.payments) for b in bills if b.payments), Decimal(0)) if has_lines else Decimal(0)
    owed = max(priced - paid, Decimal(0))
    if paid:
        why.append(f"Minus {dollars(paid)} already paid on the bill: {dollars(owed)}.")
    if balance is not None and owed > balance:
        owed = Decimal(balance)
        why.append(f"Capped at the balance asked for, {dollars(balance)}.")
    before = cents(owed)
    best = (assistance or {}).get("best")
    fair = before
    if best:
        fair = cents(before * (1 - Decimal(str(best["discount"]))))
        why.append(f"With {best['id']} ({best['discount'] * 100:g}% off, if the application is approved): "
                   f"{dollars(fair)}.")
    capped = [p["id"] for p in (assistance or {}).get("programs", [])
              if p["eligible"] is True and p.get("discount") is None and p.get("charge_cap")]
    if capped:
        why.append(f"{', '.join(capped)} may lower it further: the law caps the price "
                   "(see the program's charge cap).")
    return {
        "fair_amount": float(fair),
        "before_assistance": float(before),
        "billed": float(billed),
        "disputed": float(disputed),
        "disputed_lines": sorted(disputed_lines),
        "benchmark": None if chosen is None else {**chosen, "amount": float(chosen["amount"])},
        "benchmarks": [{**c, "amount": float(c["amount"])} for c in candidates],
        "paid": float(paid),
        "assistance": best,
        "medicare_multiple": float(multiple),
        "why": why,
    }
