"""Ask the state for a Medicaid fair hearing on a denied claim.

Needed when the state's Medicaid program denied a claim (42 CFR 431.221: a written request within
the state's period, at most 90 days from the notice's mailing), or when a Medicaid health plan upheld
its denial on appeal and the hearing is the next step. The letter names each claim and the notice,
asks for the hearing and to see the case file before it (42 CFR 431.242), and says the provider is
asked to hold the bill meanwhile.
"""

from __future__ import annotations

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind, count
from ..facts import Need, address_lines
from .insurer_appeal import _day, earliest_due, reason_lines


def hearing_appeals(f) -> list[dict]:
    out = []
    for a in getattr(f.review, "appeals", None) or []:
        if a.get("who") == "provider" or not a.get("open"):
            continue
        if (a.get("plan_type") == "medicaid" and a.get("stage") == "internal") or (
                a.get("plan_type") == "medicaid_managed_care" and a.get("stage") == "fair_hearing"):
            out.append(a)
    return out


CLAIMS = Need("accounts[{i}].eob", "a claim Medicaid denied that can still go to a fair hearing", hearing_appeals,
              what_es="una reclamación negada por Medicaid que todavía puede ir a una audiencia imparcial")
ADDRESS = Need("insurance.appeals_address", "the address where the state takes fair hearing requests (printed on "
               "the notice)", lambda f: f.case.insurance.appeals_address if f.case.insurance else None,
               what_es="la dirección donde el estado recibe las solicitudes de audiencia imparcial (impresa en el "
                       "aviso)")


def when(f) -> str | None:
    found = hearing_appeals(f)
    if not found or f.sent("fair_hearing_request"):
        return None
    return (f"Medicaid denied {count(len(found), 'claim')}: ask the state for a fair hearing in writing before the "
            "date on the notice")


def extra(f) -> dict:
    found = hearing_appeals(f)
    ins = f.case.insurance
    decided = [d for a in found for d in a.get("decisions", [])]
    return {
        "insurer": {"name": "State Medicaid Agency, Fair Hearings", "address": address_lines(ins.appeals_address
                                                                                             if ins else None)},
        "denials": [{"claim_id": a["claim_id"], "service_date": _day(a["service_date"]), "provider": a["provider"],
                     "amount": a["amount"], **reason_lines(a), "notice": _day(a["notice_date"])} for a in found],
        "plan_decided": _day(decided[-1]["date"]) if decided else None,
        "member_id": ins.member_id if ins else None,
        "plan_name": ins.plan if ins else None,
        "due": earliest_due(found, ("FAIR_HEARING_DUE",)),
    }


KIND = LetterKind(
    type="fair_hearing_request",
    title="Request for a Medicaid fair hearing",
    recipient="insurer",
    summary="Asks the state for a Medicaid fair hearing on each denied claim (after the Medicaid plan's own "
            "appeal where a plan decided), asks to see the case file before the hearing, and says the provider "
            "is asked to hold the bill meanwhile.",
    citations=("42 CFR 431.221", "42 CFR 431.242"),
        needs=(PATIENT_NAME, PATIENT_ADDRESS, CLAIMS, ADDRESS),
    when=when,
    extra=extra,
    certified=True,
)
