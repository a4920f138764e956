"""Washington, insured, household of 3 at ~250% of the poverty line, outpatient surgery at a tier-1 hospital
(a large system): RCW 70.170.060(5)(a) makes care free at or below 300%, deductible and coinsurance included."""

from __future__ import annotations

import pytest

from .helpers import DATA_PATH, account, flat, review_json, review_text

NAME = "wa_charity_250"


def test_free_under_state_charity_care():
    a = account(NAME)
    assert a["offer"]["owed"] == 0
    wa = [p for p in a["assistance"]["programs"] if p["id"] == "STATE.WA.CHARITY_CARE"][0]
    assert wa["eligible"] is True and wa["discount"] == 1
    assert "APPLY_FOR_ASSISTANCE" in [x["kind"] for x in review_json(NAME)["actions"]]


def test_no_case_file_paths_in_the_review():
    text = review_text(NAME)
    assert not DATA_PATH.search(text), DATA_PATH.search(text)


def test_washington_application_has_no_false_deadline():
    step = [x for x in review_json(NAME)["actions"] if x["kind"] == "APPLY_FOR_ASSISTANCE"][0]
    assert step["due"] is None


def test_at_stake_no_more_than_asked():
    step = [x for x in review_json(NAME)["actions"] if x["kind"] == "DISPUTE_BILL"][0]
    assert "$24,038.00" not in step["why"]


def test_state_name_capitalised():
    assert "washington hospital charity care" not in flat(review_text(NAME))


def test_washington_tiers_not_unconfirmed():
    # RCW 70.170.060(5)-(6) (SHB 1616) is quoted in states/wa/charity_care.yaml
    wa = [p for p in account(NAME)["assistance"]["programs"] if p["id"] == "STATE.WA.CHARITY_CARE"][0]
    assert not wa.get("unconfirmed")


def test_application_letter_cites_the_state_charity_care_law():
    # the hospital's billing office must see the statute that makes the care free, not only the arithmetic
    from .helpers import letter

    for lang in ("en", "es"):
        assert "RCW 70.170.060" in flat(letter(NAME, "fap_application", lang)), lang
