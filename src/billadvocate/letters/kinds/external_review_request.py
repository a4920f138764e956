"""Ask for an external review of the plan's final denial, by an independent review organization.

Needed when the case logs the plan's final decision on the internal appeal
(`accounts[].final_denial_date`) for an ACA or employer plan, and the four months to ask for the
review have not run out. The request is filed with the plan (45 CFR 147.136(d)(2)(i)), which must
send the case to the reviewer; the reviewer's decision binds the plan. The letter names each claim,
the date of the final denial, and asks for the reviewer's name and the claim file.
"""

from __future__ import annotations

from datetime import date

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind, count
from ..facts import Need
from .insurer_appeal import INSURER_ADDRESS, _day, earliest_due, plan_insurer


def external_appeals(f) -> list[dict]:
    return [a for a in (getattr(f.review, "appeals", None) or [])
            if a.get("stage") == "external_review" and a.get("open")]


CLAIMS = Need("accounts[{i}].final_denial_date", "the date of the plan's final denial of the appeal (within "
              "the last four months)", external_appeals,
              what_es="la fecha en que el plan negó la apelación por última vez (dentro de los últimos cuatro meses)")


def when(f) -> str | None:
    found = external_appeals(f)
    if not found or f.sent("external_review_request"):
        return None
    return (f"the plan upheld its denial of {count(len(found), 'claim')}: ask for an independent external "
            "review, whose decision the plan must follow")


def extra(f) -> dict:
    found = external_appeals(f)
    ins = f.case.insurance
    return {
        "insurer": plan_insurer(f, found),
        "denials": [{"claim_id": a["claim_id"], "service_date": _day(a["service_date"]), "amount": a["amount"]}
                    for a in found],
        "final_denial": f.account.final_denial_date,
        "due": earliest_due(found, ("EXTERNAL_REVIEW_DUE",)),
        "member_id": ins.member_id if ins else None,
        "urgent": any(a.get("urgent") for a in found),
    }


KIND = LetterKind(
    type="external_review_request",
    title="Request for an external review",
    recipient="insurer",
    summary="Asks the plan to send its final denial to an independent review organization, names each claim "
            "and the final denial's date, and asks for the reviewer's name and the claim file.",
    citations=("45 CFR 147.136",),
    may_cite=("45 CFR 147.136(d)(3)",),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, CLAIMS, INSURER_ADDRESS),
    when=when,
    extra=extra,
    certified=True,
)
