"""The audit's summary: findings merged, the dollars in dispute counted once, and the fair price.

In dispute: each line's dollars count once, at the largest stake any finding puts on it (a line
that is both a duplicate and an NCCI-bundled code counts its charge once), capped at its charge.
Findings about the whole bill (a missing credit, a balance over the EOB, over the AGB limit) are
other views of the same excess, so the largest of them stands for all; the total is the larger of
the two, never more than the charges.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..model import Finding, Line
from ..util import dollars

CENT = Decimal("0.01")


def merge_findings(detailed: list[tuple[Finding, dict]]) -> list[Finding]:
    """One finding per (rule, lines, message): the same problem is never listed twice."""
    seen: dict[tuple, Finding] = {}
    for f, _ in detailed:
        seen.setdefault((f.rule, tuple(f.lines), f.message), f)
    return list(seen.values())


def line_stakes(finding: Finding, row: dict, charges: dict[int, Decimal]) -> dict[int, Decimal]:
    """The dollars a finding puts on each line (empty when it is about the bill as a whole)."""
    stake_lines = [int(n) for n in (row.get("stake_lines") or [])]
    if not stake_lines and len(finding.lines) == 1:
        stake_lines = list(finding.lines)
    out: dict[int, Decimal] = {}
    remaining = finding.amount
    for n in stake_lines:
        take = min(remaining, charges.get(n, remaining))
        if take > 0:
            out[n] = take
        remaining -= take
    return out


def in_dispute(lines: list[Line], detailed: list[tuple[Finding, dict]], total: Decimal) -> Decimal:
    charges = {ln.line: Decimal(ln.charge) for ln in lines}
    per_line: dict[int, Decimal] = {}
    whole_bill = Decimal(0)
    for f, row in detailed:
        if f.severity == "info" or f.amount <= 0:
            continue
        stakes = line_stakes(f, row, charges)
        if not stakes:
            whole_bill = max(whole_bill, f.amount)
        for n, amount in stakes.items():
            per_line[n] = min(charges.get(n, amount), max(per_line.get(n, Decimal(0)), amount))
    return min(max(sum(per_line.values(), Decimal(0)), whole_bill), max(total, Decimal(0))).quantize(CENT)


def disputed_lines(lines: list[Line], detailed: list[tuple[Finding, dict]]) -> set[int]:
    """Lines whose whole charge a (non-info) finding disputes: the ones to take off the bill."""
    charges = {ln.line: Decimal(ln.charge) for ln in lines}
    out: set[int] = set()
    for f, row in detailed:
        if f.severity != "info":
            out |= {n for n, amount in line_stakes(f, row, charges).items() if amount >= charges.get(n, amount)}
    return out


def _num(v) -> float | None:
    return None if v is None else round(float(v), 2)


def fair_prices(lines: list[Line], benchmark_rows: list[dict[str, Any]], detailed: list[tuple[Finding, dict]],
                stays: list[dict[str, Any]] = ()) -> tuple[dict[int, dict[str, Any]], Decimal]:
    """Per line: the benchmarks and the fair price; and their sum, the bill's fair-price estimate.

    A line whose whole charge a high-severity finding disputes (a duplicate copy, a bundled code, a
    service not received) is worth 0; a line with a benchmark is worth the lesser of it and the
    charge; a line with none is taken at its charge. An inpatient stay Medicare pays by its MS-DRG
    (`stays`: each stay's `lines`, `ms_drg`, `fy` and `medicare`, the DRG payment, operating and capital
    when its fiscal year has a capital rate: `capital`, `capital_unconfirmed`) is worth that one
    payment, never more than its lines' charges: shared among its lines in proportion to their
    charges, whatever their own yardsticks, as Medicare pays nothing for them apart from the DRG."""
    charges = {ln.line: Decimal(ln.charge) for ln in lines}
    disputed: set[int] = set()
    for f, row in detailed:
        if f.severity == "high" and f.rule not in ("BILL.PRICE_OUTLIER", "BILL.PRICE_INPATIENT_DRG"):
            for n, amount in line_stakes(f, row, charges).items():
                if amount >= charges.get(n, Decimal(0)):
                    disputed.add(n)
    by_line = {int(r["line"]): r for r in benchmark_rows}
    drg_share = _drg_shares(stays, charges, disputed)
    out: dict[int, dict[str, Any]] = {}
    total = Decimal(0)
    for ln in lines:
        r = by_line.get(ln.line, {})
        entry = {"medicare": _num(r.get("medicare")), "cash_price": _num(r.get("cash_price")),
                 "negotiated": _num(r.get("negotiated")), "gross": _num(r.get("gross")),
                 "locality": r.get("locality_name"), "yardstick": r.get("yardstick_name"),
                 "no_yardstick": r.get("no_yardstick")}
        if r.get("medicare_later") is not None:  # dated before its schedule: the offer's anchor, no finding's
            entry["medicare_later"] = _num(r["medicare_later"])
        charge = Decimal(ln.charge)
        if ln.line in disputed:
            fair, basis = Decimal(0), "disputed"
        elif ln.line in drg_share:
            share, name = drg_share[ln.line]
            entry.update(medicare=float(share), yardstick=name, no_yardstick=None)
            fair, basis = min(share, charge), "ms_drg"
        elif r.get("fair") is not None:
            fair, basis = min(Decimal(str(r["fair"])), charge), r.get("basis")
        else:
            fair, basis = charge, "charge"
        entry.update(fair=float(fair.quantize(CENT)), basis=basis)
        out[ln.line] = entry
        total += fair
    return out, total.quantize(CENT)


def _drg_shares(stays, charges: dict[int, Decimal], disputed: set[int]) -> dict[int, tuple[Decimal, str]]:
    """Line -> (its share of its stay's MS-DRG payment, the yardstick's name): the lines left on the
    bill share the payment in proportion to their charges, to the cent. A line is then worth the
    lesser of its share and its charge, so the stay is worth the payment or its charges if less."""
    out: dict[int, tuple[Decimal, str]] = {}
    for stay in stays:
        ns = [n for n in stay["lines"] if n in charges and n not in disputed and charges[n] > 0]
        billed = sum((charges[n] for n in ns), Decimal(0))
        if not ns:
            continue
        payment = Decimal(str(stay["medicare"])).quantize(CENT)
        name = f"the Medicare payment for MS-DRG {stay['ms_drg']} ({dollars(payment)}, FY {stay['fy']} national " + (
            "operating payment)" if stay.get("capital") is None else
            "operating and capital payment, unadjusted" + ("; its capital federal rate is not yet confirmed in a "
                                                           "published CMS table)" if stay.get("capital_unconfirmed")
                                                           else ")")) + ", shared among the stay's lines by charge"
        left = payment
        for i, n in enumerate(ns):
            share = left if i == len(ns) - 1 else (payment * charges[n] / billed).quantize(CENT)
            out[n] = (share, name)
            left -= share
    return out
