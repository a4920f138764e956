"""The letter telling a collector to stop, on a debt discharged in bankruptcy: it names the discharge and the
injunction, lists the collection after it, and encloses the discharge order (EN/ES). Before, the letter's only
ground was the statute of limitations or Regulation F, so the collector was never told the debt was discharged
(11 U.S.C. 524(a)(2)), the one fact that ends its collection."""

from __future__ import annotations

from datetime import date

from billadvocate import review_case
from billadvocate.casefile import validate_case
from billadvocate.letters import letter_for, render

AS_OF = date(2026, 12, 4)


def _result():
    return review_case(validate_case({
        "billadvocate": 1, "patient": {"name": "Earl Jenkins", "address": "77 Peachtree St NE, Atlanta, GA 30303",
                                       "state": "GA"},
        "accounts": [{"id": "a", "balance": 1200, "first_bill_date": "2023-07-01",
                      "care": {"start": "2023-06-01", "end": "2023-06-01"},
                      "provider": {"name": "Peachtree Medical Center", "state": "GA"},
                      "collector": {"name": "Southern Accounts Recovery", "address": "PO Box 99, Marietta, GA 30060",
                                    "account_number": "SAR-1", "kind": "agency"},
                      "events": [{"at": "2024-03-01", "kind": "legal_action", "from": "patient",
                                  "type": "bankruptcy_discharge"},
                                 {"at": "2026-11-10", "kind": "letter", "from": "collector"}]}]}, file="test"), AS_OF)


def _text(result, lang="en") -> str:
    letter = letter_for(result, "cease", lang=lang)
    render(letter, "txt", as_of=AS_OF)
    return " ".join(" ".join(letter.text_blocks()).split())


def test_the_cease_letter_names_the_discharge():
    r = _result()
    en = _text(r)
    assert ("This debt was discharged in my bankruptcy on March 1, 2024: under 11 U.S.C. 524(a)(2) no one may "
            "collect it from me, and I ask you to close the account.") in en
    assert "after my bankruptcy discharge of 2024-03-01" in en and "Copy of the bankruptcy discharge order" in en
    es = _text(r, "es")
    assert ("Esta deuda fue cancelada (descargada) en mi bancarrota el 1 de marzo de 2024: según el 11 U.S.C. "
            "524(a)(2) nadie puede cobrármela, y les pido que cierren la cuenta.") in es
    assert "Cobro de una deuda cancelada en bancarrota" in es and "Copia de la orden de descargo de la bancarrota" in es
