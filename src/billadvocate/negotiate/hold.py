"""The denied amount waits for the insurer: no settlement or payment plan on a claim the plan denied
while its appeal can still be filed or is pending (issue 21's appeals/ package decides which).

    what is owed
  - the denied amounts of the claims on this bill whose appeal is open (at most what is owed)
  = what an offer or a plan may be made on now; the fair amount is the same share of it

A settlement or a plan on the denied amount would concede it: if the appeal wins, the plan pays and
the patient owes only their share under the plan. The held amount stays owed in law (if the appeal is
lost it comes back), so `owed` does not change; the offer and the plan are on the rest, and the
review says why in one line.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..util import cents, dollars

CITES = ["29 CFR 2560.503-1(h)", "45 CFR 147.136(b)"]


def open_denials(appeals: list[dict[str, Any]], eob_match=None, has_lines: bool = False) -> list[dict[str, Any]]:
    """The denials of this bill whose appeal can still be filed or is pending (the provider's own
    denials, CO codes, are not the patient's to appeal and not owed at all). A bill matched to its EOBs
    counts only the denied claims matched to it."""
    matched = None
    if has_lines and eob_match is not None:
        matched = {(cm.eob_source, cm.claim_id) for cm in eob_match.claims}
    out = []
    for a in appeals or []:
        if a.get("who") == "provider" or not a.get("open"):
            continue
        if matched is not None and (a.get("source"), a.get("claim_id")) not in matched:
            continue
        out.append(a)
    return out


def _until(a: dict[str, Any]) -> str:
    dues = sorted(d["date"] for d in a.get("deadlines", []) if d.get("kind") != "APPEAL_DECISION_DUE")
    if a.get("decisions") or a.get("stage") not in (None, "internal"):
        return "its appeal is pending"
    return f"its appeal can still be filed (until {dues[0]}) or is pending" if dues else "its appeal is open"


def hold_for_appeals(fair: dict[str, Any], appeals: list[dict[str, Any]], *, eob_match=None,
                     has_lines: bool = False) -> dict[str, Any] | None:
    """Take the denied amount under appeal out of the fair amount an offer or a plan is made on (fills
    fair['held_for_appeal'], lowers fair['fair_amount'], adds the step); None when nothing is held."""
    owed = Decimal(str(fair["owed"]))
    pending = open_denials(appeals, eob_match, has_lines)
    if owed <= 0 or not pending:
        return None
    denied = sum((Decimal(str(a["amount"])) for a in pending), Decimal(0))
    held = min(cents(denied), owed)
    if held <= 0:
        return None
    fair_before = Decimal(str(fair["fair_amount"]))
    rest = owed - held
    fair_now = cents(fair_before * rest / owed) if rest > 0 else Decimal(0)
    claims = ", ".join(str(a["claim_id"]) for a in pending)
    one = pending[0]
    why = (f"The {dollars(held)} your plan denied (claim{'s' if len(pending) > 1 else ''} {claims}) waits for the plan's "
           f"decision: {_until(one) if len(pending) == 1 else 'their appeals are open'}, so no settlement or payment "
           "plan is offered on it")
    why += (f"; the offer and the plan are on the other {dollars(rest)} you owe." if rest > 0 else
            "; nothing else is owed on this account, so there is no offer or plan for now.")
    step = {"step": why, "kind": "appeal_hold", "amount": float(fair_now), "change": float(fair_now - fair_before),
            "citations": CITES}
    fair.setdefault("steps", []).append(step)
    fair["why"] = list(fair.get("why", [])) + [f"{why} ({'; '.join(CITES)})"]
    fair["held_for_appeal"] = {"amount": float(held), "claims": [a["claim_id"] for a in pending],
                               "rest": float(cents(rest)), "why": why}
    fair["fair_amount"] = float(fair_now)
    return fair["held_for_appeal"]
