"""Ask the treating provider for a letter of medical necessity, for an appeal of a denial as not
medically necessary (or experimental, or not the right level of care).

Needed when the EOB shows such a denial that can still be appealed: the plan decides these appeals
on the medical record, and a letter from the treating doctor saying why the care was needed is the
strongest evidence. The letter says what the doctor's letter should contain, asks the provider to
hold the bill while the appeal is open, and asks whether it will appeal too (a provider may appeal
for the patient with the patient's consent).
"""

from __future__ import annotations

from . import ACCOUNT_NUMBER, PATIENT_ADDRESS, PATIENT_NAME, PROVIDER_ADDRESS, LetterKind, count
from ..facts import Need
from .insurer_appeal import NECESSITY, FIRST_KINDS, earliest_due, open_appeals, _day


def _same(a: str | None, b: str | None) -> bool:
    return a is None or " ".join((a or "").lower().split()) == " ".join((b or "").lower().split())


def necessity_appeals(f) -> list[dict]:
    """The account provider's own denials for medical necessity (another provider's claim on the same
    EOB is that provider's to support)."""
    return [a for a in open_appeals(f) if {r["code"].split("-")[-1] for r in a["reasons"]} & NECESSITY
            and _same(a.get("provider"), f.account.provider.name)]


DENIALS = Need("accounts[{i}].eob", "a claim denied as not medically necessary that can still be appealed",
               necessity_appeals,
               what_es="una reclamación negada por no ser médicamente necesario que todavía se puede apelar")


def when(f) -> str | None:
    found = necessity_appeals(f)
    if not found:
        return None
    return (f"the plan denied {count(len(found), 'claim')} as not medically necessary: ask the doctor for a "
            "letter of medical necessity for the appeal")


def extra(f) -> dict:
    found = necessity_appeals(f)
    return {
        "denials": [{"claim_id": a["claim_id"], "service_date": _day(a["service_date"]), "amount": a["amount"],
                     "payer": a["payer"]} for a in found],
        "due": earliest_due(found, FIRST_KINDS),
    }


KIND = LetterKind(
    type="medical_necessity_request",
    title="Request for a letter of medical necessity",
    recipient="provider",
    summary="Asks the treating provider for a letter of medical necessity for the appeal (what it should "
            "say), to hold the bill while the appeal is open, and whether it will appeal too.",
    citations=(),
    may_cite=("29 CFR 2560.503-1(h)(3)(iii)",),
    needs=(PATIENT_NAME, PATIENT_ADDRESS, DENIALS, PROVIDER_ADDRESS, ACCOUNT_NUMBER),
    when=when,
    extra=extra,
)
