"""Complain about the plan to its regulator: the state's insurance department, the U.S. Department
of Labor (EBSA) for an employer's self-funded plan, Medicare (CMS) for Medicare and Medicare
Advantage, or the state Medicaid agency.

Needed when the plan is late: an appeal logged as sent whose decision is past due (60 days for a
bill already received, 72 hours for urgent care, 29 CFR 2560.503-1(i)) with no decision logged.
The letter can also be written on request (`billadvocate letter insurance_complaint`) when the plan
ignores the patient. For a Medicaid or Medicaid managed-care plan it goes to the state Medicaid agency
(appeals/medicaid_agencies.yaml) and asks, too, for a state fair hearing on the denial. Addresses come
from appeals/regulators.yaml and medicaid_agencies.yaml, each quoted from its source; an
address read only in a secondary list is flagged for the patient to check, and where none is known
the letter asks for it (insurance.regulator_address).
"""

from __future__ import annotations

from datetime import date

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind, count
from ..facts import Need, address_lines
from .insurer_appeal import _day, reason_lines

DECISION_KINDS = ("APPEAL_DECISION_DUE", "EXTERNAL_REVIEW_DECISION_DUE")


def _regulator(f) -> dict:
    from ...appeals.regulators import regulator

    ins = f.case.insurance
    plan_type = ins.plan_type if ins else None
    found = regulator(plan_type, f.case.patient.state)
    if ins is not None and ins.regulator_address:
        found = {**found, "address": ins.regulator_address, "unconfirmed": False}
    return found


def complained(f) -> list[dict]:
    """The denials on the account (not the provider's), for the complaint."""
    return [a for a in (getattr(f.review, "appeals", None) or []) if a.get("who") != "provider"]


def overdue(f) -> list[tuple[dict, date]]:
    """(denial, the decision's due day) where the plan's decision is past due and none is logged."""
    out = []
    for a in complained(f):
        if a.get("stage") in ("approved", "closed"):
            continue
        for d in a.get("deadlines", []):
            if d["kind"] in DECISION_KINDS and _day(d["date"]) < f.as_of:
                out.append((a, _day(d["date"])))
    return out


CLAIMS = Need("accounts[{i}].eob", "a claim the plan denied", complained,
              what_es="una reclamación negada por el plan")
ADDRESS = Need("insurance.regulator_address", "the mailing address of the agency that takes complaints about your "
               "plan (your state's insurance department or Medicaid agency: its website gives it)",
               lambda f: _regulator(f).get("address"),
               what_es="la dirección postal de la agencia que recibe quejas sobre su plan (el departamento de seguros "
                       "de su estado o la agencia de Medicaid: su sitio web la indica)")


def when(f) -> str | None:
    late = overdue(f)
    if not late or f.sent("insurance_complaint"):
        return None
    reg = _regulator(f)
    check = (" (check the address on its website before mailing: billadvocate read it only in a secondary list)"
             if reg.get("unconfirmed") and reg.get("address") else "")
    return (f"the plan has not decided your appeal of {count(len(late), 'claim')} by the day the law sets: complain "
            f"to {reg['name']}{check}")


def extra(f) -> dict:
    ins = f.case.insurance
    reg = _regulator(f)
    late = overdue(f)
    found = complained(f)
    payer = next((a["payer"] for a in found if a["payer"]), None)
    return {
        "regulator": {"name": reg["name"], "address": address_lines(reg.get("address"))},
        "regulator_kind": reg["kind"],
        "plan_name": payer or (ins.plan if ins and ins.plan else None),
        "plan_type": ins.plan_type if ins else None,
        "member_id": ins.member_id if ins else None,
        "denials": [{"claim_id": a["claim_id"], "service_date": _day(a["service_date"]), "amount": a["amount"],
                     **reason_lines(a)} for a in found],
        "late_since": min(d for _, d in late) if late else None,
        "urgent": any(a.get("urgent") for a in found),
    }


KIND = LetterKind(
    type="insurance_complaint",
    title="Complaint to the insurance regulator",
    recipient="regulator",
    summary="Complains about the plan to the agency over it (the state's insurance department, the U.S. "
            "Department of Labor for an employer's self-funded plan, Medicare, or the state Medicaid agency): "
            "the denied claims, the appeal the plan has not decided in time, and a request to look into it.",
    citations=(),
    may_cite=("29 CFR 2560.503-1(i)(2)(i)", "29 CFR 2560.503-1(i)(2)(iii)(A)", "45 CFR 147.136",
              "42 CFR 431.221(d)", "42 CFR 438.408(f)(2)"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, CLAIMS, ADDRESS),
    when=when,
    extra=extra,
    certified=True,
)
