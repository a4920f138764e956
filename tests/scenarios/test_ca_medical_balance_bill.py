"""A Medi-Cal patient balance-billed $640 by an urgent-care physician group, now at a collection agency:
she owes nothing beyond Medicaid cost sharing (42 CFR 447.15)."""

from __future__ import annotations

import pytest

from .helpers import DATA_PATH, account, flat, review_json, review_text

NAME = "ca_medical_balance_bill"


def test_owes_nothing_and_is_told_not_to_pay_first():
    a = account(NAME)
    assert a["offer"]["owed"] == 0
    assert any(f["rule"] == "MEDICAID.BALANCE_BILL" for f in a["findings"])
    actions = review_json(NAME)["actions"]
    assert actions[0]["kind"] == "DO_NOT_PAY"
    assert not {"NEGOTIATE", "PAYMENT_PLAN"} & {x["kind"] for x in actions}


def test_no_surprises_act_said_not_to_apply_to_medicaid():
    text = flat(review_text(NAME))
    assert "No Surprises Act: does not apply" in text


def test_rosenthal_does_not_call_a_physician_group_a_hospital():
    # the provider is a physician group: "bind the hospital's own billing office" names the wrong party
    text = flat(review_text(NAME))
    assert "Rosenthal" in text and "the hospital's own billing office" not in text


def test_no_case_file_paths_in_the_review():
    text = review_text(NAME)
    assert not DATA_PATH.search(text), DATA_PATH.search(text)


def test_no_jargon_in_the_unbilled_insurance_finding():
    text = flat(review_text(NAME))
    assert "(medicaid)" not in text and "The patient is insured" not in text


def test_medi_cal_balance_billing_cites_california_law():
    from .helpers import letter

    assert "14019.4" in flat(review_text(NAME)) and "14019.4" in flat(letter(NAME, "dispute"))
