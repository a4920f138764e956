"""The actions list: its shape, its order (lawsuit, do-not-pay, itemized bill, deadlines), at most
seven numbered steps, the kinds documented, and the text and HTML report opening with it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from billadvocate.actions import KINDS, MAX_NUMBERED

from .helpers import kinds, letters, review, write_case

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli-and-ids.md"


def test_every_kind_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for kind in KINDS:
        assert re.search(rf"\b{kind}\b", text), kind
    assert "ANSWER_DUE" in text


def test_while_the_itemized_bill_is_missing_it_is_the_first_step_and_nothing_is_offered(tmp_path):
    without = review(write_case(tmp_path / "no-bill", bill=False, first_bill="2025-06-01"), date(2026, 1, 15))
    assert kinds(without)[0] == "REQUEST_ITEMIZED_BILL"
    assert not {"NEGOTIATE", "PAYMENT_PLAN"} & set(kinds(without))
    assert not {"settlement_offer", "payment_plan_offer", "hardship"} & letters(without)
    with_bill = review(write_case(tmp_path / "bill", bill=True, first_bill="2025-06-01"), date(2026, 1, 15))
    assert "REQUEST_ITEMIZED_BILL" not in kinds(with_bill)


def test_shape_order_and_numbering(tmp_path):
    events = [{"at": "2026-01-05", "kind": "call", "from": "collector", "conversation": True},
              {"at": "2026-01-06T07:10:00", "kind": "call", "from": "collector"}]
    result = review(write_case(tmp_path / "c", first_bill="2025-06-01", events=events,
                               household={"size": 1, "annual_income": 18000, "monthly_expenses": 1400}),
                    date(2026, 1, 15))
    steps = result.actions
    assert steps and all(set(s) == {"kind", "account", "due", "title", "why", "letter", "script", "step"}
                         for s in steps)
    numbered = [s["step"] for s in steps if s["step"]]
    assert numbered == list(range(1, min(len(steps), MAX_NUMBERED) + 1))
    assert all(s["step"] is None for s in steps[MAX_NUMBERED:])
    assert result.to_json()["actions"] == steps and list(result.to_json())[0] == "actions"


def test_the_text_review_and_the_report_open_with_the_plan(tmp_path, cli):
    path = write_case(tmp_path / "c", bill=False, first_bill="2025-06-01")
    r = cli("review", path, "--as-of", "2026-01-15", "--out", tmp_path / "out")
    assert r.code == 0, r.err
    body = r.out.split("What to do first", 1)
    assert len(body) == 2 and "Valley Clinic - account" not in body[0]
    assert body[1].lstrip().startswith("1. Ask for the itemized bill")
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert html.index("What to do first") < html.index("What is wrong with the bill")


def test_an_account_paid_in_full_keeps_only_the_steps_that_repair_the_harm(tmp_path):
    # balance 0 after a payment: no do-not-pay, itemized bill, insurer call or settlement; a collector that
    # still calls after the payment is disputed
    paid = [{"at": "2025-12-01", "kind": "payment", "from": "patient", "amount": 500}]
    result = review(write_case(tmp_path / "paid", balance=0, events=paid, first_bill="2025-06-01"), date(2026, 1, 15))
    assert not {"DO_NOT_PAY", "REQUEST_ITEMIZED_BILL", "DISPUTE_DEBT", "ASK_INSURER", "NEGOTIATE",
                "PAYMENT_PLAN"} & set(kinds(result))
    called = paid + [{"at": "2026-01-05", "kind": "call", "from": "collector", "conversation": True}]
    again = review(write_case(tmp_path / "called", balance=0, events=called, first_bill="2025-06-01"),
                   date(2026, 1, 15))
    assert "DISPUTE_DEBT" in kinds(again) and "NEGOTIATE" not in kinds(again)
    before = [{"at": "2025-11-05", "kind": "call", "from": "collector", "conversation": True}] + paid
    earlier = review(write_case(tmp_path / "before", balance=0, events=before, first_bill="2025-06-01"),
                     date(2026, 1, 15))
    assert "DISPUTE_DEBT" not in kinds(earlier)


def test_a_co_denial_the_provider_still_collects_gets_the_appeal_backstop_step():
    from tests.scenarios.helpers import review_json

    step = [s for s in review_json("denied_necessity")["actions"] if s["kind"] == "APPEAL_DENIAL"]
    assert len(step) == 1 and step[0]["due"] == "2027-02-22"  # 180 days after the 2026-08-26 notice
    assert "may not bill you" in step[0]["why"] and "agreed in writing" in step[0]["why"]


def test_a_self_pay_patient_with_no_good_faith_estimate_is_not_sent_to_the_nsa_dispute(tmp_path):
    # the patient-provider dispute needs a Good Faith Estimate and a bill $400+ above it (45 CFR 149.620(a)(2)):
    # without one the step asks for the estimate and disputes the bill, with no 120-day dispute deadline
    care = {"start": "2025-11-20", "end": "2025-11-20", "emergency": False, "scheduled": "2025-11-03"}
    result = review(write_case(tmp_path / "c", first_bill="2025-12-01", care=care, gfe_given=False,
                               collector=None), date(2026, 1, 15))
    assert "NSA_DISPUTE_END" not in [d.kind for d in result.accounts[0].deadlines]
    steps = [s for s in result.actions if s["kind"] == "FILE_NSA_DISPUTE"]
    assert steps, kinds(result)
    assert all(s["due"] is None and "Start the No Surprises Act dispute" not in s["title"]
               and "Good Faith Estimate" in s["title"] for s in steps), steps
