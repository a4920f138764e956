"""Invoke the No Surprises Act: a bill far above the Good Faith Estimate, or a surprise balance bill.

Needed when the audit found NSA.GFE_EXCEEDED (an uninsured or self-pay patient billed well above
the Good Faith Estimate: the federal patient-provider dispute process applies) or NSA.BALANCE_BILL
(emergency or out-of-network care billed above in-network cost sharing).
"""

from __future__ import annotations

from . import ACCOUNT_NUMBER, PATIENT_ADDRESS, PATIENT_NAME, PROVIDER_ADDRESS, LetterKind
from ..facts import Need

NSA_RULES = ("NSA.GFE_EXCEEDED", "NSA.BALANCE_BILL")
NSA_FINDING = Need("accounts[{i}].gfe_total", "a No Surprises Act finding from the audit "
                   "(NSA.GFE_EXCEEDED needs the Good Faith Estimate total; NSA.BALANCE_BILL needs "
                   "care.emergency and provider.in_network)",
                   lambda f: [x for x in f.findings if x.rule in NSA_RULES])


def when(f) -> str | None:
    hits = [x for x in f.findings if x.rule in NSA_RULES]
    if not hits:
        return None
    return "No Surprises Act: " + "; ".join(x.message for x in hits)


def extra(f) -> dict:
    hits = [x for x in f.findings if x.rule in NSA_RULES]
    gfe = f.account.gfe_total
    total = f.review.total_charges
    return {
        "nsa_findings": hits,
        "gfe_case": any(x.rule == "NSA.GFE_EXCEEDED" for x in hits),
        "balance_case": any(x.rule == "NSA.BALANCE_BILL" for x in hits),
        "gfe_total": gfe,
        "over_gfe": (total - gfe) if gfe is not None and total else None,
        "nsa_end": f.deadline("NSA_DISPUTE_END"),
    }


KIND = LetterKind(
    type="nsa_dispute",
    title="No Surprises Act dispute",
    recipient="provider",
    summary="Tells the provider that the bill breaks the No Surprises Act (billed above the Good "
            "Faith Estimate, or balance billing for protected care), that the federal dispute "
            "process is being used, and asks it to hold collection meanwhile.",
    citations=(),
    may_cite=("42 U.S.C. 300gg-136", "45 CFR 149.610", "45 CFR 149.620", "42 U.S.C. 300gg-131",
              "45 CFR 149.410"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, PROVIDER_ADDRESS, ACCOUNT_NUMBER, NSA_FINDING),
    when=when,
    extra=extra,
    certified=True,
)
