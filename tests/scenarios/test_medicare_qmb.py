"""An Ohio QMB billed the Medicare coinsurance ($58.40) by a collector: 42 U.S.C. 1396a(n)(3)(B), no
liability at all; the No Surprises Act does not reach Medicare."""

from __future__ import annotations

import pytest

from .helpers import DATA_PATH, RULE_ID, account, flat, letter, review_json, review_text

NAME = "medicare_qmb"


def test_qmb_owes_nothing_everywhere():
    a = account(NAME)
    assert a["offer"]["owed"] == 0 and a["offer"]["opening"] is None
    assert any(f["rule"] == "MEDICARE.QMB_BILLED" for f in a["findings"])
    actions = review_json(NAME)["actions"]
    assert actions[0]["kind"] == "DO_NOT_PAY" and "Qualified Medicare Beneficiary" in actions[0]["why"]
    text = flat(review_text(NAME))
    assert "No Surprises Act: does not apply" in text


def test_dispute_letter_says_qmb_and_concedes_nothing():
    body = flat(letter(NAME, "dispute"))
    assert "Qualified Medicare" in body
    assert "does not acknowledge that I owe" in body
    assert not DATA_PATH.search(body) and not RULE_ID.search(body)


def test_no_case_file_paths_in_the_review():
    text = review_text(NAME)
    assert not DATA_PATH.search(text), DATA_PATH.search(text)


def test_in_dispute_never_exceeds_what_is_asked():
    a = account(NAME)
    assert a["in_dispute"] <= a["balance"]
    assert "totalling $505.00" not in flat(letter(NAME, "dispute"))


def test_qmb_letter_speaks_in_the_first_person():
    body = flat(letter(NAME, "dispute"))
    assert "may bill you" not in body
