"""A relative who received money or property from the dead patient's estate (contact.received_from_estate): in
some states a creditor of the estate can claim up to its value from them, so they are never told flatly that they
are not personally liable, and a collector's request to pay is not treated as a demand no law could support."""

from __future__ import annotations

from datetime import date

from billadvocate.model import Case
from billadvocate.rights import review_rights
from billadvocate.rights.family_liability import SENTENCES, spanish_why

AS_OF = date(2026, 6, 1)
ASKED = {"at": "2026-05-20T17:10:00", "kind": "call", "from": "collector", "to": "contact", "conversation": True,
         "type": "asked_to_pay"}


def case(received) -> Case:
    contact = {"name": "Elena Martinez", "relationship": "other_relative", "handles_estate": False,
               "signed_to_pay": False}
    if received is not None:
        contact["received_from_estate"] = received
    return Case.model_validate({
        "billadvocate": 1, "patient": {"name": "Rosa Martinez", "state": "TX", "died_on": "2026-03-14"},
        "contact": contact,
        "accounts": [{"id": "h", "balance": 2140, "events": [ASKED],
                      "provider": {"name": "Memorial Hospital", "kind": "hospital", "state": "TX"},
                      "collector": {"name": "Bayou Recovery", "kind": "agency"},
                      "care": {"start": "2026-03-01", "end": "2026-03-04"}}]})


def answer(c: Case):
    r = review_rights(c, c.accounts[0], AS_OF)
    who = next(p for p in r.protections if p["id"] == "DECEASED.WHO_PAYS")
    return who, [v for v in r.violations if v.rule == "FDCPA.RELATIVE_ASKED_TO_PAY"]


def test_a_relative_who_received_from_the_estate_may_be_liable_up_to_what_was_received():
    who, asked = answer(case(True))
    assert who["applies"] is None  # may be liable: never the flat "not liable"
    assert "not personally liable" not in who["why"]
    assert SENTENCES["received"][0] in who["why"] and SENTENCES["heir_caution"][0] not in who["why"]
    assert asked == []  # a law may reach what she received: not a demand no law supports
    es = spanish_why(who["why"])
    assert es is not None and "hasta el valor de lo que recibió" in es


def test_received_nothing_drops_the_caution_and_unknown_keeps_it():
    who, asked = answer(case(False))
    assert who["applies"] is True and SENTENCES["heir_caution"][0] not in who["why"] and len(asked) == 1
    who, asked = answer(case(None))
    assert who["applies"] is True and SENTENCES["heir_caution"][0] in who["why"] and len(asked) == 1
