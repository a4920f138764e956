"""Florida, insured: scheduled knee surgery at an in-network hospital; the out-of-network anesthesiologist bills
$2,350 where the plan's EOB puts the in-network cost sharing at $250 (42 U.S.C. 300gg-132, 45 CFR 149.420)."""

from __future__ import annotations

import re

import pytest

from .helpers import account, flat, letter, review_json, review_text

NAME = "fl_nsa_anesthesia"


def test_owes_the_in_network_cost_sharing_and_nsa_step_first():
    a = account(NAME)
    assert a["offer"]["owed"] == 250
    actions = review_json(NAME)["actions"]
    assert actions[0]["kind"] == "FILE_NSA_DISPUTE"
    body = flat(letter(NAME, "nsa_dispute"))
    assert "300gg-132" in body and "149.420" in body and "149.410" not in body


def test_plan_monthly_amount_matches_its_total():
    plan = account(NAME)["plan"]
    assert plan["monthly"] * plan["months"] == pytest.approx(plan["total"], abs=plan["months"])
    assert "$900.00 a month" not in letter(NAME, "payment_plan_offer")


def test_one_figure_for_the_balance_bill():
    amounts = {f["amount"] for f in account(NAME)["findings"] if f["rule"].startswith(("NSA.", "EOB."))}
    assert amounts == {2100.0}


def test_call_script_whole_sentences_in_first_person():
    say = " ".join(account(NAME)["call_scripts"][0]["say"])
    assert "the EOB ." not in say and "your in-network cost sharing" not in say
    assert "(s)" not in review_text(NAME)


def test_plural_of_one_line():
    assert not re.search(r"\b1 lines\b", review_text(NAME))
