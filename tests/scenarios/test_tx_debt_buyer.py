"""Uninsured Texas patient at ~150% of the poverty line; a nonprofit hospital's 2022 ER bill, sold to a debt
buyer that wrote four years later. Texas Fin. Code 392.307: a debt buyer may not sue after the four-year
period, and nothing revives the debt it holds."""

from __future__ import annotations

import pytest

from .helpers import DATA_PATH, RULE_ID, account, flat, letter, review_json, review_text

NAME = "tx_debt_buyer"


def test_time_barred_and_free_care_owed_nothing():
    a = account(NAME)
    assert a["sol"]["time_barred"] is True
    assert a["offer"]["owed"] == 0 and a["offer"]["opening"] is None
    kinds = [x["kind"] for x in review_json(NAME)["actions"]]
    assert kinds[0] == "DO_NOT_PAY" and "NEGOTIATE" not in kinds and "PAYMENT_PLAN" not in kinds


def test_sol_warning_agrees_with_the_debt_buyer_rule():
    # step 1 says (rightly) that nothing revives a debt a Texas debt buyer holds; the statute-of-limitations
    # paragraph must not tell the same patient that a signed writing "could revive the debt"
    text = flat(review_text(NAME))
    assert "no payment, affirmation or other activity revives it" in text
    assert "could revive the debt" not in text
    assert "could revive" not in flat(account(NAME)["sol"]["warning"])


def test_501r_does_not_say_a_debt_buyer_collects_for_the_hospital():
    # a debt buyer owns the debt; saying it "collects for" the hospital misstates who the patient deals with
    text = flat(review_text(NAME))
    assert "Lone Star Receivables LLC, which collects for it" not in text


def test_letters_carry_no_data_paths_or_rule_ids():
    for kind in ("dispute", "cease", "billing_dispute", "fap_application"):
        for lang in ("en", "es"):
            body = letter(NAME, kind, lang)
            assert not DATA_PATH.search(body), (kind, lang, DATA_PATH.search(body))
            assert not RULE_ID.search(body), (kind, lang)


def test_call_scripts_never_cut_mid_word():
    for script in account(NAME)["call_scripts"]:
        for line in script.get("say", []) + script.get("ask", []):
            assert not line.rstrip().endswith(("(7.", " .")), line
            assert line.count("(") == line.count(")"), line


def test_no_gfe_dispute_for_unscheduled_emergency_care():
    a = account(NAME)
    assert "NSA_DISPUTE_END" not in [d["kind"] for d in a["deadlines"]]
    assert "No Surprises Act: applies" not in flat(review_text(NAME))
