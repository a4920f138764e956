"""The MS-DRG of a stay when the bill does not give it but the payer's remittance does (X12 835 CLP11).

A bill from the hospital rarely prints its MS-DRG; the insurer's 835 for the same stay does. A bill
without one takes the DRG of the EOB claim it matches (same claim id as one of its lines), else, when
the EOBs name a single MS-DRG, that one. Two different DRGs and no claim id to tell them apart: none
is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Bill


def carry_ms_drg(bills: Iterable[Bill], eobs: Iterable) -> None:
    """Set `ms_drg` on each bill that lacks one, from the EOB claims (in place)."""
    claims = [c for e in eobs for c in getattr(e, "claims", []) if getattr(c, "ms_drg", None)]
    if not claims:
        return
    by_id = {c.claim_id: c.ms_drg for c in claims} | {c.payer_claim_id: c.ms_drg for c in claims if c.payer_claim_id}
    only = {c.ms_drg for c in claims}
    for bill in bills:
        if bill.ms_drg:
            continue
        ids = {ln.claim_id for ln in bill.lines if ln.claim_id}
        found = {by_id[i] for i in ids if i in by_id}
        if len(found) == 1:
            bill.ms_drg = found.pop()
        elif not found and len(only) == 1:
            bill.ms_drg = next(iter(only))


def drg_needs_bill_notes(eobs: Iterable) -> list[str]:
    """An EOB audited without its bill: the MS-DRG check compares the hospital's bill for the stay
    with the DRG payment, and the EOB's rows carry no DRG or discharge date for it (nor is a plan's
    adjudicated claim what the patient is asked to pay), so it says the check needs the bill."""
    named = [(c.claim_id, c.ms_drg) for e in eobs for c in getattr(e, "claims", []) if getattr(c, "ms_drg", None)]
    if not named:
        return []
    which = "; ".join(f"claim {cid}: MS-DRG {drg}" for cid, drg in named)
    return [f"The EOB names the MS-DRG of an inpatient stay ({which}). The check of a stay's charges against "
            "the Medicare payment for its MS-DRG needs the hospital's itemized bill: audit the bill with this EOB "
            "(billadvocate audit BILL --eob EOB)."]
