"""A denied claim under appeal waits for the plan: no settlement and no payment plan on the denied amount
while the appeal can still be filed or is pending; the offer and the plan are on the rest, and the review
says why in one line. The case: a collector chasing a radiology bill whose x-ray the plan denied."""

from __future__ import annotations

from datetime import date

import yaml

from billadvocate import load_case, review_case

AS_OF = date(2026, 11, 28)
EOB = """Claim Number,Date of Service,Provider,Service,CPT Code,Amount Billed,Plan Discount,Allowed Amount,Plan Paid,Deductible,Coinsurance,Copay,You Owe,Status,Network
C-2001,03/05/2025,Valley Radiology Group,CT head,70450,"$1,250.00",$700.00,$550.00,$300.00,$250.00,$0.00,$0.00,$250.00,Processed,In Network
C-1002,03/05/2025,Valley Radiology Group,Chest x-ray,71046,$610.00,$0.00,$0.00,$0.00,$0.00,$0.00,$0.00,$610.00,Denied (not covered) PR-96,In Network
"""


def _case(tmp_path, *, notice="2026-10-20", events=(), balance=860, income=150000):
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "eob.csv").write_text(EOB, encoding="utf-8")
    data = {"billadvocate": 1, "as_of": AS_OF.isoformat(),
            "patient": {"name": "Jane Doe", "address": "12 Elm St, Fresno, CA 93701", "state": "CA"},
            "household": {"size": 1, "annual_income": income, "monthly_expenses": 3000, "lump_sum_available": 100},
            "insurance": {"status": "insured", "plan": "Blue Valley PPO", "plan_type": "employer_fully_insured"},
            "accounts": [{"id": "xray", "account_number": "VRG-1", "balance": balance,
                          "provider": {"name": "Valley Radiology Group", "address": "PO Box 7, Fresno, CA 93702",
                                       "kind": "physician", "state": "CA", "in_network": True},
                          "care": {"start": "2025-03-05", "end": "2025-03-05"}, "first_bill_date": "2025-04-01",
                          "eob": ["eob.csv"], "denial_notice_date": notice, "events": list(events),
                          "collector": {"name": "ABC Recovery", "address": "PO Box 9, Austin, TX 78701",
                                        "account_number": "ABC-1", "kind": "agency"}}]}
    path = folder / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return review_case(load_case(path), as_of=AS_OF)


def test_a_collector_chasing_a_denied_claim_gets_no_offer_on_the_denied_amount(tmp_path):
    result = _case(tmp_path)
    r = result.accounts[0]
    appeal = next(a for a in r.appeals if a["claim_id"] == "C-1002")
    assert appeal["who"] == "patient" and appeal["open"] is True
    o = r.offer
    # owed: $250 + $610 on the EOBs; the $610 under appeal waits, so the offer is on $250 at most
    assert o["owed"] == 860 and o["held_for_appeal"]["amount"] == 610 and o["held_for_appeal"]["rest"] == 250
    assert 0 < o["opening"] < o["target"] < o["walk_away"] <= 250
    line = o["held_for_appeal"]["why"]
    assert line.count("\n") == 0 and "$610.00" in line and "C-1002" in line and "2027-04-18" in line
    assert line in o["why"]
    assert r.plan is None or r.plan.get("monthly") is None or r.plan["amount"] <= 250
    # the hold is asked of the collector too, and the appeal comes before any offer
    assert any("hold the account" in n and "ABC Recovery" in n for n in r.notes)


def test_the_whole_balance_under_appeal_means_no_offer_and_no_plan_but_still_owed(tmp_path):
    result = _case(tmp_path, balance=610, income=150000)
    r = result.accounts[0]
    # asked $610, the denied x-ray: all of it waits for the plan; it is still owed, so no "do not pay"
    o = r.offer
    assert o["owed"] == 610 and o["held_for_appeal"]["amount"] == 610 and o["held_for_appeal"]["rest"] == 0
    assert o["opening"] is None and o["no_offer"] == o["held_for_appeal"]["why"]
    assert "no offer or plan for now" in o["no_offer"] and r.plan is None
    kinds = [s["kind"] for s in result.actions]
    assert "NEGOTIATE" not in kinds and "PAYMENT_PLAN" not in kinds and "DO_NOT_PAY" not in kinds
    assert not {"settlement_offer", "payment_plan_offer"} & {e["type"] for e in r.letters}


def test_once_the_appeal_deadline_passed_the_denied_amount_is_offered_on_again(tmp_path):
    # the denial dated 2025-04-01: 180 days ran out in 2025, nothing was sent: no appeal is open
    r = _case(tmp_path, notice="2025-04-01").accounts[0]
    assert not any(a["open"] for a in r.appeals if a["claim_id"] == "C-1002")
    assert r.offer["held_for_appeal"] is None and r.offer["walk_away"] <= 860 and r.offer["opening"] > 0
