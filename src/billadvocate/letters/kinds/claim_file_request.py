"""Ask the plan for the free copy of the claim file and the plan documents, before (or while)
appealing a denial.

Needed when an ACA or employer plan denied a claim the patient can still appeal (or take to external
review) and the request has not been sent yet. A claimant must be given, on request and free of
charge, every document, record and other information relevant to the claim, including the rules,
guidelines and criteria relied on (29 CFR 2560.503-1(h)(2)(iii)); an employer plan's administrator
must also furnish the plan documents on written request (29 U.S.C. 1024(b)(4)). Reading the file
first shows what the appeal must answer.
"""

from __future__ import annotations

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind, count
from ..facts import Need
from .insurer_appeal import INSURER_ADDRESS, _day, plan_insurer

ACA_ERISA = ("aca_individual", "employer_fully_insured", "employer_self_funded")


def file_appeals(f) -> list[dict]:
    """The plan's denials under ACA or ERISA rules that can still be appealed or taken to review."""
    return [a for a in (getattr(f.review, "appeals", None) or []) if a.get("who") != "provider" and a.get("open")
            and a.get("plan_type") in ACA_ERISA and a.get("stage", "internal") in ("internal", "external_review")]


CLAIMS = Need("accounts[{i}].eob", "a claim an employer or marketplace plan denied, still open to appeal",
              file_appeals,
              what_es="una reclamación negada por un plan de empleador o del mercado de seguros que todavía se puede apelar")


def when(f) -> str | None:
    found = file_appeals(f)
    if not found or f.sent("claim_file_request"):
        return None
    return (f"ask the plan for its file on the {count(len(found), 'denied claim')} and the criteria it used: the "
            "law gives you a free copy, and the appeal answers what is in it")


def extra(f) -> dict:
    found = file_appeals(f)
    ins = f.case.insurance
    return {
        "insurer": plan_insurer(f, found),
        "denials": [{"claim_id": a["claim_id"], "service_date": _day(a["service_date"]), "amount": a["amount"]}
                    for a in found],
        "employer_plan": any(a["plan_type"] != "aca_individual" for a in found),
        "member_id": ins.member_id if ins else None,
        "plan_name": ins.plan if ins else None,
    }


KIND = LetterKind(
    type="claim_file_request",
    title="Request for the claim file and plan documents",
    recipient="insurer",
    summary="Asks the plan for the free copy of every document, record and criterion relevant to each denied "
            "claim, and for an employer plan the plan documents, so the appeal can answer them.",
    citations=("29 CFR 2560.503-1(h)(2)(iii)",),
    may_cite=("29 U.S.C. 1024(b)(4)",),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, CLAIMS, INSURER_ADDRESS),
    when=when,
    extra=extra,
    certified=True,
)
