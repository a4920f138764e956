"""The payment-plan letter promises what the plan pays: the even monthly payment (never the household's
budget), the last payment when it differs, and one payment said as one payment."""

from __future__ import annotations

import re
from pathlib import Path

from billadvocate import load_case, review_case
from billadvocate.letters import letter_for, render

CASES = Path(__file__).resolve().parents[1] / "scenarios" / "cases"


def _letter(name: str, lang: str) -> str:
    review = review_case(load_case(CASES / name / "case.yaml"))
    return re.sub(r"\s+", " ", render(letter_for(review, "payment_plan_offer", lang=lang), "txt").decode("utf-8"))


def test_one_payment_is_said_as_one_payment():
    # $250 owed, a $900 monthly budget: one payment of $250, not "$900.00 a month for 1 month"
    en, es = _letter("fl_nsa_anesthesia", "en"), _letter("fl_nsa_anesthesia", "es")
    assert "I propose to pay $250.00 in one payment on January 4, 2027" in en
    assert "a month for 1 month" not in en and "$900.00" not in en
    assert "Propongo pagar $250.00 en un solo pago el 4 de enero de 2027" in es and "durante 1 mes" not in es


def test_an_uneven_last_payment_is_named():
    # $1,748.00 in 6 payments: $291.34 a month, the last $291.30 (6 x 291.34 would be $1,748.04)
    en, es = _letter("es_speaker", "en"), _letter("es_speaker", "es")
    assert "$291.34 a month for 6 months (the last payment $291.30)" in en and "$1,748.00 in all" in en
    assert "$291.34 al mes durante 6 meses (el último pago, $291.30)" in es
