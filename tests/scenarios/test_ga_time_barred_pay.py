"""Georgia: a 2020 ER bill (4-year open account, ran out 2024-07-15) at a collection agency; the patient knows it is
time-barred and chose to settle anyway (accounts[].patient_chose_to_pay)."""

from __future__ import annotations

import pytest

from .helpers import DATA_PATH, RULE_ID, account, flat, letter, review_json

NAME = "ga_time_barred_pay"


def test_settlement_written_with_georgia_non_acknowledgment_and_a_warning():
    assert account(NAME)["sol"]["time_barred"] is True
    step = [x for x in review_json(NAME)["actions"] if x["kind"] == "NEGOTIATE"][0]
    assert "You chose to pay this debt anyway" in step["why"]
    body = flat(letter(NAME, "settlement_offer"))
    assert "not a written acknowledgment or a promise to pay under Georgia law" in body
    assert "I keep every defense, including that the time to sue on it has run out" in body
    assert not DATA_PATH.search(body) and not RULE_ID.search(body)


def test_plan_note_agrees_with_georgia_revival():
    assert "a payment can restart it" not in flat(account(NAME)["plan"]["why"])
