"""Illinois: a $320 ER physician bill, paid in full to the collector in March 2025, still on two credit
reports as a paid medical collection (under $500, paid: the bureaus' own policy; Illinois law since 2025)."""

from __future__ import annotations

import pytest

from .helpers import DATA_PATH, RULE_ID, flat, review_json, review_text

NAME = "il_credit_paid"


def test_paid_medical_collection_found_on_both_bureaus():
    credit = review_json(NAME)["credit"]
    text = flat(str(credit))
    assert "CREDIT.PAID_MEDICAL" in text
    kinds = [x["kind"] for x in review_json(NAME)["actions"]]
    assert kinds.count("DISPUTE_CREDIT") == 2


def test_no_case_file_paths_or_rule_ids_in_the_review():
    # "restarted by events[0]", "Proof: credit_report.tradelines[0] (...)"
    text = review_text(NAME)
    assert not DATA_PATH.search(text), DATA_PATH.search(text)
    assert not RULE_ID.search(text), RULE_ID.search(text)


def test_paid_account_plan_starts_with_the_credit_disputes():
    kinds = [x["kind"] for x in review_json(NAME)["actions"]]
    assert not {"DO_NOT_PAY", "REQUEST_ITEMIZED_BILL", "ASK_INSURER"} & set(kinds)
    assert kinds[0] == "DISPUTE_CREDIT"


def test_deadline_text_speaks_to_the_patient():
    # the conduct rule's label is written for letters ("contacted me"); the review speaks to the patient
    assert "contacted me" not in flat(review_text(NAME))


def test_possessive_of_a_name_ending_in_s():
    assert "Physicians's" not in review_text(NAME)


def test_letter_never_asserts_silence_the_case_does_not_prove():
    # the case log has no collector contact at all; that is not proof the collector never wrote, so the signed
    # dispute must not say "without ever having spoken with me or written to me", and the finding is only possible
    from billadvocate.letters import letter_for, render

    from .helpers import review

    body = flat(render(letter_for(review(NAME), "credit_dispute", bureau="experian"), "txt").decode("utf-8"))
    assert "without ever having" not in body and "no record of it speaking with me or writing to me" in body
    passive = [v for v in review(NAME).accounts[0].violations if v.rule == "REGF.PASSIVE_REPORTING"]
    assert passive and all(v.severity == "medium" for v in passive)


def test_credit_dispute_names_an_account_number_the_bureau_knows():
    from billadvocate.letters import letter_for, render

    from .helpers import review

    body = render(letter_for(review(NAME), "credit_dispute", bureau="experian"), "txt").decode("utf-8")
    assert "er-physician" not in body and "PSC-448102" in body
