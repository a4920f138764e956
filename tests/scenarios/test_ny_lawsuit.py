"""Bronx patient sued by a collection law firm on a 3.5-year-old hospital debt (New York: 3 years, and since
CPLR 214-i nothing revives a barred consumer debt). Served 2026-11-28."""

from __future__ import annotations

import pytest

from .helpers import DATA_PATH, RULE_ID, account, flat, letter, review, review_json, review_text

NAME = "ny_lawsuit"


def test_answer_first_and_time_bar_raised():
    actions = review_json(NAME)["actions"]
    # a Bronx patient is sued in the NYC Civil Court: 20 days after personal delivery (served 2026-11-28)
    assert actions[0]["kind"] == "ANSWER_LAWSUIT" and actions[0]["due"] == "2026-12-18"
    assert "statute of limitations" in actions[0]["why"]
    assert account(NAME)["sol"]["time_barred"] is True


def test_review_text_has_no_data_paths_or_rule_ids():
    # "Proof: events[0] (...)", "over REGF.TIME_BARRED_THREAT", "Cannot decide without accounts[0].provider.fap"
    text = review_text(NAME)
    assert not DATA_PATH.search(text), DATA_PATH.search(text)
    assert not RULE_ID.search(text), RULE_ID.search(text)


def test_fap_letter_asks_in_words_not_data_paths():
    # the hospital reads this letter: it must not say "Cannot decide without accounts[0].provider.fap"
    body = letter(NAME, "fap_application")
    assert "accounts[" not in body and "Cannot decide" not in body


def test_fap_letter_claims_no_suspension_after_the_application_period():
    # 26 CFR 1.501(r)-6(c): the hospital must suspend ECAs for an application made during the application
    # period; this one ended 2024-02-10, so the letter must not tell the hospital it "must suspend" them
    body = flat(letter(NAME, "fap_application"))
    assert "must suspend any extraordinary collection action" not in body


def test_no_settlement_figures_on_a_time_barred_debt():
    offer = account(NAME)["offer"]
    assert offer["opening"] is None and offer["no_offer"]
    assert "Offer: open at" not in review_text(NAME)


def test_plan_note_agrees_with_new_york_no_revival():
    plan = flat(account(NAME)["plan"]["why"])
    assert "a payment can restart it" not in plan


def test_offer_warning_does_not_contradict_new_york():
    warnings = " ".join(account(NAME)["offer"]["warnings"])
    assert "in many states" not in warnings


def test_lawyer_step_due_before_the_answer_date():
    lawyer = [a for a in review_json(NAME)["actions"] if a["kind"] == "SEE_A_LAWYER"][0]
    assert lawyer["due"] is not None and lawyer["due"] <= "2026-12-08"


def test_answer_step_names_the_right_court():
    assert "outside New York City" not in review_json(NAME)["actions"][0]["why"]


def test_passed_application_deadline_is_not_shown_as_a_live_deadline():
    # "Deadline: 2024-02-10." under "To apply" reads as a date still to meet, or as "too late to apply"
    text = flat(review_text(NAME))
    assert "Deadline: 2024-02-10." not in text
    assert "apply anyway" in text


def test_no_warning_that_a_payment_revives_what_new_york_never_revives():
    # CPLR 214-i: after the limit ran out nothing revives a consumer debt; the refusal of money letters
    # must not say paying "could give the collector back the right to sue"
    from billadvocate.actions.safety import money_advice

    r = review(NAME)
    advice = money_advice(r.accounts[0], r.as_of, state="NY")
    said = " ".join(advice.reasons + advice.warnings)
    assert "too old to sue on" in said
    assert "back the right to sue" not in said and "nothing revives" in said
