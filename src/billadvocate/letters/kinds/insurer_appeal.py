"""Appeal an insurer's denial: the internal appeal, Medicare redetermination, Medicare Advantage
reconsideration or Medicaid fair hearing request, as the plan type calls for.

Needed when the EOB shows a claim denied for a reason the patient can contest (medical necessity,
prior authorization, not covered, out of network, or a reason code we do not know) and the time to
appeal is still open. The letter names each denied claim and the reason in plain words, makes the
argument for that kind of denial, asks for the plan's own criteria and, for plans under ERISA and the
ACA, the free copy of every document relevant to the claim (29 CFR 2560.503-1(h)(2)(iii)). A denial
coded CO is the provider's to write off and gets no appeal. The review meanwhile asks the provider to
hold the bill.
"""

from __future__ import annotations

from datetime import date

from . import PATIENT_ADDRESS, PATIENT_NAME, LetterKind, count
from ..facts import Need, address_lines

# CARC reason codes by the kind of argument an appeal makes (X12 code list 139)
NECESSITY = {"50", "55", "56", "57", "150", "151", "152", "167"}
AUTHORIZATION = {"15", "62", "197", "198"}
NOT_COVERED = {"49", "96", "204", "35", "119", "149"}
NETWORK = {"38", "242", "243"}
FIRST_KINDS = ("APPEAL_DUE", "MEDICARE_REDETERMINATION_DUE", "FAIR_HEARING_DUE")
OWN_LETTER = ("medicare_original", "medicaid")  # medicare_redetermination, fair_hearing_request


def open_appeals(f) -> list[dict]:
    """The denials the patient can still appeal (not the provider's, not past their deadline)."""
    return [a for a in (getattr(f.review, "appeals", None) or []) if a.get("who") != "provider" and a.get("open")
            and a.get("stage", "internal") == "internal"]


APPEALS = Need("accounts[{i}].eob", "a claim denied on the EOB that can still be appealed", open_appeals,
               what_es="una reclamación negada en la EOB que todavía se puede apelar")
INSURER_ADDRESS = Need("insurance.appeals_address", "the address where the plan takes appeals (printed on the "
                       "denial notice)", lambda f: f.case.insurance.appeals_address if f.case.insurance else None,
                       what_es="la dirección donde el plan recibe las apelaciones (impresa en el aviso de negación)")


def when(f) -> str | None:
    appeals = open_appeals(f)
    if not appeals or f.sent("insurer_appeal"):  # sent: the plan's decision is awaited (APPEAL_DECISION_DUE)
        return None
    if all(a.get("plan_type") in OWN_LETTER for a in appeals):  # Medicare and Medicaid have their own letters
        return None
    total = sum(a["amount"] for a in appeals)
    return (f"the plan denied {count(len(appeals), 'claim')} (${total:,.2f}) for a reason you can contest: "
            "appeal in writing before the deadline")


def argument(reasons: list[dict]) -> str:
    codes = {r["code"].split("-")[-1] for r in reasons}
    for name, group in (("necessity", NECESSITY), ("authorization", AUTHORIZATION), ("network", NETWORK),
                        ("not_covered", NOT_COVERED)):
        if codes & group:
            return name
    return "other"


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def plan_insurer(f, found: list[dict]) -> dict:
    """The plan as the letter's recipient: the first payer the claims name, else the plan's name, else
    "Appeals Department"; at the plan's appeals address."""
    ins = f.case.insurance
    payer = next((a["payer"] for a in found if a["payer"]), None)
    return {"name": payer or (ins.plan if ins and ins.plan else "Appeals Department"),
            "address": address_lines(ins.appeals_address if ins else None)}


def reason_lines(a: dict) -> dict:
    """A denial's reasons in plain words and its reason codes (without "none given")."""
    return {"reasons": [r["meaning"] for r in a["reasons"]],
            "codes": [r["code"] for r in a["reasons"] if r["code"] != "none given"]}


def earliest_due(found: list[dict], kinds) -> date | None:
    """The earliest deadline of one of `kinds` among the appeals, or None."""
    dues = [_day(d["date"]) for a in found for d in a["deadlines"] if d["kind"] in kinds]
    return min(dues) if dues else None


def extra(f) -> dict:
    appeals = open_appeals(f)
    ins = f.case.insurance
    plan_type = appeals[0]["plan_type"] if appeals else None
    denials = [{"claim_id": a["claim_id"], "service_date": _day(a["service_date"]), "provider": a["provider"],
                "amount": a["amount"], **reason_lines(a), "argument": argument(a["reasons"])} for a in appeals]
    return {
        "insurer": plan_insurer(f, appeals),
        "denials": denials,
        "arguments": list(dict.fromkeys(d["argument"] for d in denials)),
        "member_id": ins.member_id if ins else None,
        "plan_name": ins.plan if ins else None,
        "level": {"medicare_original": "redetermination", "medicare_advantage": "reconsideration",
                  "medicaid": "fair_hearing"}.get(plan_type or "", "appeal"),
        "erisa_aca": plan_type in ("aca_individual", "employer_fully_insured", "employer_self_funded"),
        "due": earliest_due(appeals, FIRST_KINDS),
        "urgent": any(a.get("urgent") for a in appeals),
    }


KIND = LetterKind(
    type="insurer_appeal",
    title="Appeal of an insurance denial",
    recipient="insurer",
    summary="Appeals each denied claim to the plan (or asks Medicare for a redetermination, or the state for "
            "a Medicaid fair hearing), with the reason in plain words and the argument for that kind of "
            "denial, and asks for the plan's criteria and the documents relevant to the claim.",
    citations=(),
    may_cite=("29 CFR 2560.503-1(h)(2)(iii)", "29 CFR 2560.503-1(h)(3)", "45 CFR 147.136", "42 CFR 405.942",
              "42 CFR 422.582", "42 CFR 431.221", "42 U.S.C. 300gg-111", "29 CFR 2560.503-1(i)(2)(i)",
              "45 CFR 147.136(d)(3)"),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, APPEALS, INSURER_ADDRESS),
    when=when,
    extra=extra,
    certified=True,
)
