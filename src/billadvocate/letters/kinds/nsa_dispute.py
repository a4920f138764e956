"""Invoke the No Surprises Act: a bill far above the Good Faith Estimate, or a surprise balance bill.

Needed when the audit found NSA.GFE_EXCEEDED (an uninsured or self-pay patient billed well above
the Good Faith Estimate) or NSA.BALANCE_BILL (emergency care, an air ambulance, or an out-of-network
provider at an in-network facility, billed above in-network cost sharing). The patient-provider
dispute is filed with HHS, not with the provider: the letter tells the provider it is being filed
(while the deadline is open) and asks it to hold collection. The balance-bill paragraph cites the
statute for this care: 300gg-131 for emergencies, 300gg-132 and 45 CFR 149.420 for an out-of-network
provider at an in-network facility, 300gg-135 for an air ambulance.
"""

from __future__ import annotations

from . import ACCOUNT_NUMBER, PATIENT_ADDRESS, PATIENT_NAME, PROVIDER_ADDRESS, LetterKind
from ..facts import Need

NSA_RULES = ("NSA.GFE_EXCEEDED", "NSA.BALANCE_BILL")
NSA_FINDING = Need("accounts[{i}].gfe_total", "a No Surprises Act problem found on the bill (a bill far above "
                   "the Good Faith Estimate, or a balance bill for emergency care, an air ambulance or an "
                   "out-of-network provider at an in-network hospital)",
                   lambda f: _hits(f))

def _hits(f) -> list:
    """The NSA findings worth a letter (not the 'could not be checked' notes)."""
    return [x for x in f.findings if x.rule in NSA_RULES and x.severity != "info"]


def when(f) -> str | None:
    hits = _hits(f)
    if not hits:
        return None
    text = "No Surprises Act: " + "; ".join(x.message for x in hits)
    end = f.deadline("NSA_DISPUTE_END")
    if any(x.rule == "NSA.GFE_EXCEEDED" for x in hits) and end is not None and end.date >= f.as_of:
        text += (f". File the patient-provider dispute yourself with the U.S. Department of Health and Human "
                 f"Services at cms.gov/nosurprises, not with the provider, by {end.date.isoformat()}; this letter "
                 f"tells the provider you are filing")
    return text


def care_kind(account) -> str:
    if account.care.ambulance == "air":
        return "air"
    return "emergency" if account.care.emergency else "facility"


def _law_value(path: str, on):
    from ...law import law

    try:
        return law().at(path, on).value
    except KeyError:
        return None


def extra(f) -> dict:
    hits = _hits(f)
    gfe = f.account.gfe_total
    total = f.review.total_charges
    end = f.deadline("NSA_DISPUTE_END")
    return {
        "nsa_findings": hits,
        "gfe_case": any(x.rule == "NSA.GFE_EXCEEDED" for x in hits),
        "balance_case": any(x.rule == "NSA.BALANCE_BILL" for x in hits),
        "gfe_total": gfe,
        "over_gfe": (total - gfe) if gfe is not None and total else None,
        "nsa_end": end,
        "ppdr_open": end is not None and end.date >= f.as_of,
        "care_kind": care_kind(f.account),
        "ancillary": _law_value("federal.nsa_scope.ancillary_services", f.as_of) or [],
    }


KIND = LetterKind(
    type="nsa_dispute",
    title="No Surprises Act dispute",
    recipient="provider",
    summary="Tells the provider that the bill breaks the No Surprises Act (billed above the Good "
            "Faith Estimate, or balance billing for protected care), that the patient is filing the "
            "federal patient-provider dispute with HHS, and asks it to hold collection meanwhile.",
    citations=(),
    may_cite=("42 U.S.C. 300gg-136", "45 CFR 149.610", "45 CFR 149.620", "42 U.S.C. 300gg-131",
              "45 CFR 149.410", "42 U.S.C. 300gg-132", "45 CFR 149.420", "42 U.S.C. 300gg-135", "45 CFR 149.440"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, PROVIDER_ADDRESS, ACCOUNT_NUMBER, NSA_FINDING),
    when=when,
    extra=extra,
    certified=True,
)
