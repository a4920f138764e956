"""Pennsylvania, employer self-funded plan: an in-network MRI denied as not medically necessary (CO-50) 100 days
ago; the imaging center sent the whole $2,750 to a collection agency. Under a CO group code the provider, not the
patient, must write it off."""

from __future__ import annotations

import pytest

from .helpers import DATA_PATH, account, flat, letter, review_json, review_text

NAME = "denied_necessity"


def test_co_denial_owed_nothing_no_money_step():
    a = account(NAME)
    assert a["offer"]["owed"] == 0
    assert a["appeals"] and a["appeals"][0]["who"] == "provider"
    kinds = [x["kind"] for x in review_json(NAME)["actions"]]
    assert kinds[0] == "DO_NOT_PAY" and not {"NEGOTIATE", "PAYMENT_PLAN"} & set(kinds)


def test_letters_do_not_print_the_case_folder():
    for kind in ("dispute", "billing_dispute"):
        body = letter(NAME, kind)
        assert not DATA_PATH.search(body), (kind, DATA_PATH.search(body))
    assert not DATA_PATH.search(review_text(NAME))


def test_reason_for_owing_nothing_names_the_denial():
    why = review_json(NAME)["actions"][0]["why"]
    assert "lines that should not be billed" not in why and "write" in why


def test_appeal_deadline_kept_when_the_provider_collects_anyway():
    kinds = [d["kind"] for d in account(NAME)["deadlines"]] + \
        [d.get("kind") for a in account(NAME)["appeals"] for d in a["deadlines"]]
    assert "APPEAL_DUE" in kinds
