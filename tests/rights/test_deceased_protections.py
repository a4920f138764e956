"""'Laws that protect you here' for a patient who has died: a protection of the living patient's own wages is not
told to the relative reading the review ('Texas does not allow your wages to be garnished' said to the sister)."""

from __future__ import annotations

from datetime import date

from billadvocate.model import Case
from billadvocate.rights import review_rights


def ids(died: str | None) -> set[str]:
    patient = {"name": "Rosa Martinez", "state": "TX", **({"died_on": died} if died else {})}
    c = Case.model_validate({
        "billadvocate": 1, "patient": patient,
        "contact": {"name": "Elena Martinez", "relationship": "other_relative", "signed_to_pay": False},
        "accounts": [{"id": "h", "balance": 2140, "provider": {"name": "Memorial Hospital", "kind": "hospital"},
                      "collector": {"name": "Bayou Recovery", "kind": "agency"},
                      "care": {"start": "2026-03-01", "end": "2026-03-04"}}]})
    return {p["id"] for p in review_rights(c, c.accounts[0], date(2026, 6, 1)).protections}


def test_the_wage_protection_is_for_a_living_patient_only():
    assert "STATE.TX.WAGES" in ids(None)
    assert "STATE.TX.WAGES" not in ids("2026-03-14") and "DECEASED.WHO_PAYS" in ids("2026-03-14")
