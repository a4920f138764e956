"""Invoke the No Surprises Act: a bill far above the Good Faith Estimate, or a surprise balance bill.

Needed when the audit found NSA.GFE_EXCEEDED (an uninsured or self-pay patient billed well above
the Good Faith Estimate) or NSA.BALANCE_BILL (emergency care, an air ambulance, or an out-of-network
provider at an in-network facility, billed above in-network cost sharing). The patient-provider
dispute is filed with HHS, not with the provider: the letter tells the provider it is being filed
(while the deadline is open) and asks it to hold collection. The balance-bill paragraph cites the
statute for this care: 300gg-131 for emergencies, 300gg-132 and 45 CFR 149.420 for an out-of-network
provider at an in-network facility, 300gg-135 for an air ambulance.

Out-of-network anesthesia, radiology, pathology, lab and other ancillary work at an in-network
facility (EOB.OUT_OF_NETWORK_ANCILLARY) is named claim by claim (date, service, the amount billed
above the plan's allowed amount), citing 45 CFR 149.420(a) and (b)(1) (no notice and consent for
ancillary services) and (i) (the provider tells the plan the care was at an in-network facility).
A self-pay patient booked ahead who got no Good Faith Estimate (NSA.GFE_MISSING, the case says none
was given) asks for it; the letter says the patient-provider dispute needs an estimate and a bill
at least $400 above it (45 CFR 149.620(a)(2)(ii), (b)(1), quoted from the law data). A late or
unknown estimate is not a reason for this letter.
"""

from __future__ import annotations

import re
from datetime import date

from . import ACCOUNT_NUMBER, PATIENT_ADDRESS, PATIENT_NAME, PROVIDER_ADDRESS, LetterKind
from ...audit.rules.eob_out_of_network_ancillary import RULE as ANCILLARY_RULE
from ...audit.rules.nsa_gfe_missing import RULE as GFE_MISSING_RULE
from ..facts import Need, message_fields

ANCILLARY, GFE_MISSING = ANCILLARY_RULE.id, GFE_MISSING_RULE.id
NSA_RULES = ("NSA.GFE_EXCEEDED", "NSA.BALANCE_BILL", ANCILLARY, GFE_MISSING)
NSA_FINDING = Need("accounts[{i}].gfe_total", "a No Surprises Act problem found on the bill (a bill far above "
                   "the Good Faith Estimate, no Good Faith Estimate for care booked ahead, or a balance bill "
                   "for emergency care, an air ambulance or an out-of-network provider at an in-network "
                   "hospital)",
                   lambda f: _hits(f),
                   what_es="un problema de la Ley Sin Sorpresas (No Surprises Act) encontrado en la factura (una "
                           "factura muy por encima de la Estimación de Buena Fe, ninguna Estimación de Buena Fe "
                           "para una atención programada, o una factura por saldo por atención de emergencia, una "
                           "ambulancia aérea o un proveedor fuera de la red en un hospital de la red)")
OWN_PARAGRAPH = (ANCILLARY, GFE_MISSING)  # named in their own paragraph, not in the list of findings


def _hits(f) -> list:
    """The NSA findings worth a letter (not the 'could not be checked' notes). A missing Good Faith
    Estimate counts only when the case says none was given: the letter states it as a fact."""
    return [x for x in f.findings if x.rule in NSA_RULES and x.severity != "info"
            and (x.rule != GFE_MISSING or message_fields(GFE_MISSING_RULE, x.message)[0] == "missing")]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def ancillary_lines(hits: list) -> list[dict]:
    """Each out-of-network ancillary claim: date, provider, services (the rule's English words;
    the Spanish template translates them), codes, and the amount billed above the allowed amount
    (None when the EOB gives no allowed amount)."""
    out = []
    for x in hits:
        if x.rule != ANCILLARY:
            continue
        kind, cols = message_fields(ANCILLARY_RULE, x.message)
        provider = cols.get("provider")
        out.append({"date": _day(cols.get("date")),
                    "provider": provider if provider and provider != "The provider" else None,
                    "services": [s for s in (cols.get("services") or "").split(", ") if s],
                    "codes": cols.get("codes") or None,
                    "amount": x.amount if kind == "excess" and x.amount else None})
    return sorted(out, key=lambda a: (a["date"] or date.min, a["provider"] or ""))


def gfe_missing(hits: list) -> dict | None:
    """The booking, care and due days of a missing Good Faith Estimate (the first such finding)."""
    for x in hits:
        if x.rule == GFE_MISSING:
            _kind, cols = message_fields(GFE_MISSING_RULE, x.message)
            days = cols.get("days_ahead") or ""
            return {"scheduled": _day(cols.get("scheduled")), "furnished": _day(cols.get("furnished")),
                    "due": _day(cols.get("due")), "days_ahead": int(days) if days.isdigit() else None}
    return None


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


def _law(path: str, on):
    from ...law import law

    try:
        return law().at(path, on)
    except KeyError:
        return None


def _law_value(path: str, on):
    v = _law(path, on)
    return v.value if v is not None else None


def _definition(quote: str | None) -> str | None:
    """The regulation's own words without the paragraph label: '(ii) Substantially ...' -> 'Substantially ...'."""
    return re.sub(r"^\(\w+\)\s*", "", quote).strip() if quote else None


def extra(f) -> dict:
    hits = _hits(f)
    gfe = f.account.gfe_total
    total = f.review.total_charges
    end = f.deadline("NSA_DISPUTE_END")
    threshold = _law("federal.nsa.ppdr.threshold_usd", f.as_of)
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
        "ancillary_lines": ancillary_lines(hits),
        "gfe_missing": gfe_missing(hits),
        "uninsured": (f.case.insurance.status if f.case.insurance else None) == "uninsured",
        "own_paragraph": OWN_PARAGRAPH,
        "ppdr_threshold": threshold.value if threshold is not None else None,
        "ppdr_definition": _definition(threshold.quote) if threshold is not None else None,
    }


KIND = LetterKind(
    type="nsa_dispute",
    title="No Surprises Act dispute",
    recipient="provider",
    summary="Tells the provider that the bill breaks the No Surprises Act (billed above the Good "
            "Faith Estimate, no estimate for care booked ahead, or balance billing for protected care, "
            "naming each out-of-network anesthesia, radiology, lab or other ancillary claim at an "
            "in-network facility), that the patient is filing the federal patient-provider dispute with "
            "HHS, and asks it to hold collection meanwhile.",
    citations=(),
    may_cite=("42 U.S.C. 300gg-136", "45 CFR 149.610", "45 CFR 149.620", "42 U.S.C. 300gg-131",
              "45 CFR 149.410", "42 U.S.C. 300gg-132", "45 CFR 149.420", "42 U.S.C. 300gg-135", "45 CFR 149.440"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, PROVIDER_ADDRESS, ACCOUNT_NUMBER, NSA_FINDING),
    when=when,
    extra=extra,
    certified=True,
)
