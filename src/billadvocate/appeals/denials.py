"""The denials on an account's EOBs, and who must act on each, from its group and reason codes.

A denial coded CO (contractual obligation) or PI is the provider's: the patient is not liable and
the bill must be written off or corrected and sent again. A denial for coordination of benefits
(CARC 22) is fixed by telling the plan about the other coverage. Any other denial with a reason we
know is the patient's to appeal. A code we do not know is shown as unknown, with the code, and never
sorted into a route.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..ingest import carc
from ..ingest.eob_model import Adjustment, Eob, EobClaim

COST_SHARING = {carc.DEDUCTIBLE, carc.COINSURANCE, carc.COPAY}
COORDINATION = {"22"}  # "this care may be covered by another payer per coordination of benefits"
PRIOR_PAYER = "23"
PROVIDER_GROUPS = {"CO", "PI"}


@dataclass
class Reason:
    group: str | None
    code: str | None
    meaning: str
    who: str  # provider | patient | coordination | unknown

    def to_json(self) -> dict:
        return {"code": f"{self.group or '?'}-{self.code or '?'}", "meaning": self.meaning, "who": self.who}


@dataclass
class Denial:
    claim_id: str
    payer: str | None
    provider: str | None
    service_date: date | None
    amount: Decimal  # billed on the denied lines (or the claim)
    notice_date: date | None  # the day the payer decided it, per the EOB
    reasons: list[Reason] = field(default_factory=list)
    source: str = ""

    @property
    def who(self) -> str:
        """Who must act: the patient (appeal) first, then coordination, provider, else unknown."""
        kinds = {r.who for r in self.reasons}
        if "patient" in kinds or "coordination" in kinds:
            return "patient" if "patient" in kinds else "coordination"
        return "provider" if kinds == {"provider"} else "unknown"


def who_acts(group: str | None, code: str | None) -> str:
    g, c = (group or "").upper(), (code or "").upper()
    known = bool(c) and not carc.reason_meaning(c).startswith("reason code ")
    if g in PROVIDER_GROUPS:
        return "provider"
    if c in COORDINATION:
        return "coordination"
    if not c or not known:
        return "unknown"
    return "patient"


def _reasons(adjustments: list[Adjustment]) -> list[Reason]:
    out: dict[str, Reason] = {}
    for a in adjustments:
        if a.group == "PR" and a.reason in COST_SHARING or a.reason == PRIOR_PAYER:
            continue
        out.setdefault(a.key, Reason(a.group, a.reason, a.meaning or carc.reason_meaning(a.reason),
                                     who_acts(a.group, a.reason)))
    return list(out.values())


def _claim_denial(eob: Eob, claim: EobClaim) -> Denial | None:
    lines = [ln for ln in claim.lines if ln.denied]
    if not claim.denied and not lines:
        return None
    if claim.denied and not lines:
        lines = list(claim.lines)
    adjustments = [*claim.adjustments, *(a for ln in lines for a in ln.adjustments)]
    amount = sum((ln.billed or Decimal(0) for ln in lines), Decimal(0)) or (claim.billed or Decimal(0))
    dates = [ln.date for ln in lines if ln.date] or [d for d in (claim.start,) if d]
    return Denial(claim_id=claim.claim_id, payer=claim.payer or eob.payer, provider=claim.provider,
                  service_date=min(dates) if dates else None, amount=amount,
                  notice_date=claim.processed or eob.payment_date, reasons=_reasons(adjustments),
                  source=eob.source)


def denials(eobs: list[Eob]) -> list[Denial]:
    """Every denied claim (or claim with denied lines) on the EOBs, in order."""
    out = []
    for eob in eobs:
        for claim in eob.claims:
            d = _claim_denial(eob, claim)
            if d is not None:
                out.append(d)
    return out
