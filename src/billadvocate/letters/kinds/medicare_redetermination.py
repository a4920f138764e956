"""Original Medicare's appeal, level by level: the redetermination (the facts of form CMS-20027),
then the reconsideration by the QIC (CMS-20033), the hearing before an Administrative Law Judge
(OMHA-100) and the Medicare Appeals Council's review (DAB-101). A Medicare Advantage denial the
independent review entity upheld takes the same two later letters (42 CFR 422.602, 422.608).

Needed when Original Medicare denied a claim the patient can contest and the time for the current
level is open: the redetermination within 120 days of receiving the Medicare Summary Notice (42 CFR
405.942), then each later level from the decision logged (appeals/levels.py). The letter carries
what the form asks: the beneficiary's name and Medicare number, the item or service and its dates,
why the patient disagrees, and the evidence enclosed.
"""

from __future__ import annotations

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind, count
from ..facts import Need, address_lines
from .insurer_appeal import argument, _day, earliest_due, reason_lines

LEVELS = {"internal": ("redetermination", "MEDICARE_REDETERMINATION_DUE", "medicare_redetermination"),
          "medicare_reconsideration": ("reconsideration", "MEDICARE_RECONSIDERATION_DUE", "medicare_reconsideration"),
          "alj_hearing": ("alj_hearing", "ALJ_HEARING_DUE", "alj_hearing_request"),
          "council_review": ("council_review", "COUNCIL_REVIEW_DUE", "council_review_request")}


LATER = ("alj_hearing", "council_review")  # the levels Medicare Advantage shares with Original Medicare


def _ours(a: dict) -> bool:
    return a.get("plan_type") == "medicare_original" or (
        a.get("plan_type") == "medicare_advantage" and a.get("stage") in LATER)


def medicare_appeals(f) -> list[dict]:
    """Original Medicare's denials open at a level this letter asks for, and Medicare Advantage's at
    the judge's hearing or the Council, not yet asked for; all at the first one's level and plan type."""
    out = []
    for a in getattr(f.review, "appeals", None) or []:
        level = LEVELS.get(a.get("stage") or "")
        if _ours(a) and a.get("who") != "provider" and a.get("open") and level and not f.sent(level[2]):
            out.append(a)
    return [a for a in out if (a["stage"], a["plan_type"]) == (out[0]["stage"], out[0]["plan_type"])] if out else out


CLAIMS = Need("accounts[{i}].eob", "a claim Original Medicare denied that can still be appealed", medicare_appeals,
              what_es="una reclamación negada por Medicare Original que todavía se puede apelar")
MEDICARE_NUMBER = Need("insurance.member_id", "your Medicare number (on your red, white and blue Medicare card)",
                       lambda f: f.case.insurance.member_id if f.case.insurance else None,
                       what_es="su número de Medicare (en su tarjeta roja, blanca y azul de Medicare)")
ADDRESS = Need("insurance.appeals_address", "the address on the latest Medicare notice where appeals are sent "
               "(the Medicare Summary Notice, or the decision you are appealing)",
               lambda f: f.case.insurance.appeals_address if f.case.insurance else None,
               what_es="la dirección del último aviso de Medicare a la que se envían las apelaciones (el Resumen de "
                       "Medicare, o la decisión que está apelando)")


def when(f) -> str | None:
    found = medicare_appeals(f)
    if not found:
        return None
    level = LEVELS[found[0]["stage"]][0]
    words = {"redetermination": "ask Medicare for a redetermination", "reconsideration": "ask the independent "
             "contractor (QIC) for a reconsideration", "alj_hearing": "ask for a hearing before a judge",
             "council_review": "ask the Medicare Appeals Council to review the judge's decision"}[level]
    who = "Medicare denied"
    if found[0]["plan_type"] == "medicare_advantage":
        who = {"alj_hearing": "The independent review entity upheld the Medicare Advantage plan's denial of",
               "council_review": "The judge upheld the Medicare Advantage plan's denial of"}[found[0]["stage"]]
    return f"{who} {count(len(found), 'claim')} and the time to appeal is open: {words}"


def extra(f) -> dict:
    found = medicare_appeals(f)
    ins = f.case.insurance
    stage = found[0]["stage"] if found else "internal"
    level, due_kind, _ = LEVELS[stage]
    decided = [d for a in found for d in a.get("decisions", [])]
    return {
        "insurer": {"name": {"redetermination": "Medicare Administrative Contractor",
                             "reconsideration": "Qualified Independent Contractor (QIC)",
                             "alj_hearing": "Office of Medicare Hearings and Appeals",
                             "council_review": "Medicare Appeals Council"}[level],
                    "address": address_lines(ins.appeals_address if ins else None)},
        "level": level,
        "advantage": bool(found) and found[0]["plan_type"] == "medicare_advantage",
        "plan_name": (ins.plan if ins else None) or next((a["payer"] for a in found if a["payer"]), None),
        "medicare_number": ins.member_id if ins else None,
        "denials": [{"claim_id": a["claim_id"], "service_date": _day(a["service_date"]), "provider": a["provider"],
                     "amount": a["amount"], **reason_lines(a), "argument": argument(a["reasons"])} for a in found],
        "arguments": list(dict.fromkeys(argument(a["reasons"]) for a in found)),
        "decided": _day(decided[-1]["date"]) if decided else None,
        "due": earliest_due(found, (due_kind,)),
    }


KIND = LetterKind(
    type="medicare_redetermination",
    title="Medicare appeal (redetermination and later levels)",
    recipient="insurer",
    summary="Asks Original Medicare for a redetermination with the facts of form CMS-20027 (name, Medicare "
            "number, the service and its dates, why you disagree), or at a later level the QIC's "
            "reconsideration, a judge's hearing or the Council's review, within that level's time (a Medicare "
            "Advantage denial upheld by the independent review entity: the judge's hearing and the Council's "
            "review).",
    citations=(),
    may_cite=("42 CFR 405.942", "42 CFR 405.962", "42 CFR 405.1014", "42 CFR 405.1102", "42 CFR 422.602",
              "42 CFR 422.608"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, CLAIMS, MEDICARE_NUMBER, ADDRESS),
    when=when,
    extra=extra,
    certified=True,
)
