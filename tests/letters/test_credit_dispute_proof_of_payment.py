"""A credit dispute of a paid or settled medical collection encloses the proof of payment. The bureaus leave
out paid medical collections by their own policy (Equifax, Experian and TransUnion, from 2022-07-01), and the
rule's own advice is 'Send the bureau proof of payment (receipt, settlement letter)'; the letter listed only
the report and an ID, so a patient following it sent nothing showing the payment, and a bureau that verifies
with the collector keeps the item."""

from __future__ import annotations

from datetime import date

from billadvocate import review_case
from billadvocate.casefile import validate_case
from billadvocate.letters import letter_for, render

AS_OF = date(2026, 12, 4)


def _result(status: str):
    return review_case(validate_case({
        "billadvocate": 1, "patient": {"name": "Earl Jenkins", "address": "77 Peachtree St NE, Atlanta, GA 30303",
                                       "state": "GA"},
        "accounts": [{"id": "a", "balance": 0, "provider": {"name": "Peachtree Medical Center", "state": "GA"}}],
        "credit_report": {"pulled": "2026-11-20", "tradelines": [
            {"bureau": "transunion", "furnisher": "Paid Collections Inc", "medical": True, "original_amount": 900,
             "balance": 0 if status != "unpaid" else 900, "status": status, "first_delinquency": "2023-01-10",
             "reported": "2024-03-01", **({"paid_on": "2025-05-01"} if status != "unpaid" else {})}]},
    }, file="test"), AS_OF)


def _text(result, lang="en") -> str:
    letter = letter_for(result, "credit_dispute", bureau="transunion", lang=lang)
    render(letter, "txt", as_of=AS_OF)
    return " ".join(" ".join(letter.text_blocks()).split())


def test_a_paid_medical_collection_dispute_encloses_the_proof_of_payment():
    r = _result("settled")
    assert any(f.rule == "CREDIT.PAID_MEDICAL" for f in r.credit)
    assert "Proof of payment (a receipt, bank record or settlement letter) for each paid collection" in _text(r)
    assert ("Comprobante de pago (un recibo, un registro bancario o una carta de acuerdo) de cada cobro pagado"
            in _text(r, "es"))


def test_an_unpaid_one_asks_for_no_proof_of_payment():
    r = _result("unpaid")
    if any(f.bureau == "transunion" for f in r.credit if f.severity != "info"):
        assert "Proof of payment" not in _text(r)
