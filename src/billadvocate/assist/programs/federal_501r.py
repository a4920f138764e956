"""FEDERAL.501R: a nonprofit hospital's own financial-assistance policy (IRS 501(r)).

Every 501(c)(3) hospital must have a written financial-assistance policy (FAP) and may not charge a
FAP-eligible patient more than the amounts generally billed (AGB) to insured patients for emergency
or other medically necessary care. The thresholds are the hospital's own: they come from the case
(`accounts[].provider.fap`), and without them the answer is null with the missing fact named.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import pct, program

ID = "FEDERAL.501R"
NAME = "The hospital's financial-assistance policy (IRS 501(r))"
CITATIONS = [
    "26 U.S.C. 501(r)(4)-(5)",
    "26 CFR 1.501(r)-4 (financial-assistance policy)",
    "26 CFR 1.501(r)-5 (charges limited to amounts generally billed)",
]


def agb_discount(fap) -> Decimal | None:
    """The discount the AGB limit guarantees an eligible patient: 1 - AGB% (AGB 38% -> 62% off)."""
    if fap is None or fap.agb_percent is None:
        return None
    return 1 - Decimal(fap.agb_percent) / 100


def federal_501r(sit) -> dict[str, Any]:
    """Whether the household falls under the hospital's own FAP thresholds, and the discount."""
    who = sit.provider_name or "the hospital"
    if sit.kind not in (None, "hospital"):
        return program(ID, NAME, eligible=False, citations=CITATIONS,
                       why=f"501(r) binds hospital facilities; {who} is recorded as provider kind '{sit.kind}' "
                           + (f"(set {sit.fact('kind')}: hospital if it is a hospital)." if sit.words is None else
                           "(if the bill is from a hospital, say so in the case)."))
    if sit.nonprofit is False:
        return program(ID, NAME, eligible=False, citations=CITATIONS,
                       why=f"{who} is recorded as for-profit, so 501(r) does not apply; ask for its "
                           "own discount or charity policy anyway.")
    missing = []
    if sit.nonprofit is None:
        missing.append(sit.fact("nonprofit"))
    if sit.fap is None or (sit.fap.free_at_or_below_fpl is None and sit.fap.discount_at_or_below_fpl is None):
        missing.append(sit.fact("fap"))
    if sit.fpl_percent is None:
        missing.append(sit.income_fact())
    if missing:
        return program(ID, NAME, eligible=None, discount=None, citations=CITATIONS, missing=missing,
                       why=f"Cannot decide without {sit.said(missing)}: a nonprofit hospital must "
                           "publish its financial-assistance policy; ask for it (free and discount "
                           "income limits, and its AGB percentage).")
    fap, fpl = sit.fap, sit.fpl_percent
    agb = agb_discount(fap)
    agb_note = (f" As an eligible patient you may not be charged more than the AGB, {fap.agb_percent}% "
                f"of gross charges, for emergency or medically necessary care." if agb is not None else "")
    if fap.free_at_or_below_fpl is not None and fpl <= fap.free_at_or_below_fpl:
        return program(ID, NAME, eligible=True, discount=1, citations=CITATIONS,
                       why=f"Income is {fpl}% of the poverty guideline, at or below the policy's "
                           f"free-care limit of {fap.free_at_or_below_fpl}%: the care should be free.")
    if fap.discount_at_or_below_fpl is not None and fpl <= fap.discount_at_or_below_fpl:
        # the policy's discount comes off the charges; AGB is only a ceiling on what is left
        stated = f"a {pct(fap.discount)} discount off the charges" if fap.discount is not None else "a discount"
        return program(ID, NAME, eligible=True, discount=fap.discount, citations=CITATIONS,
                       agb_percent=None if fap.agb_percent is None else float(fap.agb_percent),
                       why=f"Income is {fpl}% of the poverty guideline, at or below the policy's "
                           f"discount limit of {fap.discount_at_or_below_fpl}%: {stated}." + agb_note)
    top = fap.discount_at_or_below_fpl or fap.free_at_or_below_fpl
    return program(ID, NAME, eligible=False, discount=0, citations=CITATIONS,
                   why=f"Income is {fpl}% of the poverty guideline, above the policy's limit of {top}%. "
                       "Many policies also help when medical bills are large compared with income "
                       "(medical indigence): ask.")
