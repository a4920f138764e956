"""Medicaid as a step (retroactive coverage, hospital presumptive eligibility), plans that read right
and end before the limit to sue, and an account with EOBs but no itemized bill."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal

import yaml

from billadvocate import load_case, review_case
from billadvocate.assist import Situation, assistance
from billadvocate.model import Account, Household
from billadvocate.negotiate.plan import payment_plan
from tests.conftest import ROOT

ON = date(2026, 6, 1)


def medicaid(kind="hospital", care=date(2026, 5, 1), on=ON):
    sit = Situation(state="CA", household_size=1, annual_income=Decimal(15000), insurance="uninsured", kind=kind,
                    care_date=care)
    result = assistance(state="CA", household_size=1, annual_income=Decimal(15000), as_of=on, situation=sit)
    return next(p for p in result["programs"] if p["id"] == "MEDICAID")


def test_medicaid_is_a_step_with_retroactive_coverage_and_presumptive_eligibility_at_a_hospital():
    m = medicaid()
    assert m["eligible"] is True and "3 months before the month you apply" in m["step"]
    assert "presumptively eligible" in m["step"] and any("435.1110" in c for c in m["citations"])
    assert "presumptively eligible" not in medicaid(kind="physician")["step"]


def test_from_2027_retroactive_coverage_is_one_month_for_expansion_adults():
    m = medicaid(care=date(2027, 2, 10), on=date(2027, 3, 1))
    assert "1 months" not in m["step"] and ("up to 1 month" in m["step"] or "1 month before" in m["step"])


def test_medicaid_does_not_lower_what_is_owed_it_is_a_step():
    from billadvocate.audit import AuditResult
    from billadvocate.model import Line
    from billadvocate.negotiate.fair import fair_amount
    acct = Account.model_validate({"id": "a", "provider": {"name": "P", "kind": "hospital"}, "balance": 500,
                                   "care": {"start": "2026-05-01"}})
    sit = Situation(state="CA", household_size=1, annual_income=Decimal(15000), insurance="uninsured", kind="hospital",
                    care_date=date(2026, 5, 1))
    assist = assistance(state="CA", household_size=1, annual_income=Decimal(15000), as_of=ON, situation=sit)
    f = fair_amount(account=acct, audit=AuditResult(lines=[Line(line=1, charge=500)], total_charges=500, findings=[]),
                    findings=[], bills=[], assistance=assist, insurance="uninsured")
    assert f["owed"] == 500 and any("Apply for Medicaid now" in w for w in f["why"])


def plan(amount, must_end_before=None, income=36000, expenses=2400):
    acct = Account.model_validate({"id": "a", "provider": {"name": "P", "kind": "physician", "state": "TX"}})
    return payment_plan(account=acct, household=Household(size=1, annual_income=income, monthly_expenses=expenses),
                        programs=[], amount=Decimal(amount), state="TX", as_of=date(2026, 11, 28),
                        must_end_before=must_end_before)


def test_a_one_payment_plan_says_one_payment_and_totals_the_amount():
    p = plan("250.00")
    assert p["months"] == 1 and p["duration"] == "1 month" and "1 payment," in p["why"]
    assert "1 months" not in p["why"] and "1 payments" not in p["why"]
    assert p["total"] == 250 == sum(r["amount"] for r in p["schedule"])


def test_plan_total_equals_what_it_pays_off():
    p = plan("1234.56")  # at most 300 a month: 5 payments, evenly 246.92 (the last 246.88)
    assert p["total"] == 1234.56 and p["schedule"][-1]["balance_after"] == 0
    assert p["monthly"] == 246.92 and p["last_payment"] == 246.88 and p["schedule"][-1]["amount"] == 246.88
    assert "the last ($246.88)" in p["why"]


def test_the_monthly_amount_is_the_payment_not_the_budget():
    # the budget is $300 a month; a $250 bill is one payment of $250, never "$300 a month for 1 month"
    p = plan("250.00")
    assert p["monthly"] == 250 and p["monthly"] * p["months"] == p["total"] and p["last_payment"] is None


def test_a_plan_never_runs_past_the_day_a_payment_would_restart_the_limit_to_sue():
    # 1,200 at 300 a month: payments 2026-12-28, 2027-01-28, 2027-02-28, 2027-03-28
    assert plan("1200", must_end_before=date(2027, 3, 29))["months"] == 4
    refused = plan("1200", must_end_before=date(2027, 3, 28))
    assert refused["monthly"] is None and refused["refused"] and "2027-03-28" in refused["why"]
    assert refused["schedule"] == []


def test_an_account_with_eobs_and_no_itemized_bill_is_audited_from_the_eobs(tmp_path):
    src = ROOT / "examples" / "er-visit-nonprofit"
    shutil.copytree(src, tmp_path / "case")
    shutil.copy(ROOT / "tests" / "fixtures" / "ingest" / "eob-export.csv", tmp_path / "case" / "eob.csv")
    data = yaml.safe_load((tmp_path / "case" / "case.yaml").read_text())
    data["accounts"][0]["eob"] = ["eob.csv"]
    data["accounts"][0]["bill"] = []
    data["accounts"][0]["provider"]["fap"] = None  # no assistance: what the EOB says stands
    data["accounts"][0]["balance"] = 1200
    data.pop("credit_report")  # no credit reporting: California's void-debt law is not in play
    (tmp_path / "case" / "case.yaml").write_text(yaml.safe_dump(data))
    a = review_case(load_case(tmp_path / "case" / "case.yaml")).accounts[0]
    assert a.audit is not None and any(f.rule == "EOB.DENIED" for f in a.findings)
    assert any("audited on their own" in n for n in a.notes)
    # the EOBs put the patient's share at 875 (250 + 15 for C-1001, 610 for the denied C-1002)
    assert a.offer["owed"] == 875 and a.offer["fair"]["capped_by"] == "eob"


def test_every_step_that_changes_the_figure_cites_its_law_or_source():
    from tests.conftest import EXAMPLES
    for name in ("er-visit-nonprofit", "uninsured-outpatient"):
        offer = review_case(load_case(EXAMPLES / name / "case.yaml")).accounts[0].offer
        changing = [s for s in offer["steps"] if s["kind"] in ("wrong_line", "cap", "price")]
        assert changing and all(s["citations"] for s in changing), name
        # the running figures are the arithmetic: each change is the difference of two figures
        figures = [s for s in offer["steps"] if s["amount"] is not None]
        for before, after in zip(figures, figures[1:]):
            if after["change"] is not None:
                assert round(before["amount"] + after["change"], 2) == after["amount"]


def _two_bills(tmp_path, *, h_start="2026-03-01", d_start="2026-03-01", d_network="true", oop=5000):
    p = tmp_path / "case.yaml"
    p.write_text(f"""billadvocate: 1
as_of: 2026-11-28
patient: {{state: TX}}
household: {{size: 1, annual_income: 90000, monthly_expenses: 3000}}
insurance: {{status: insured, out_of_pocket_max: {oop}}}
accounts:
  - {{id: h, provider: {{name: General, kind: hospital, state: TX, in_network: true}}, balance: 3000, care: {{start: {h_start}}}}}
  - {{id: d, provider: {{name: Doctors, kind: physician, state: TX, in_network: {d_network}}}, balance: 2500, care: {{start: {d_start}}}}}
""")
    return review_case(load_case(p)).accounts


def test_bills_of_one_year_share_the_out_of_pocket_maximum_in_the_order_of_the_care(tmp_path):
    h, d = _two_bills(tmp_path)
    # each bill alone is under the 5,000 maximum (3,000 and 2,500), together 5,500 is over it: the first
    # bill (same day: the case's order) counts 3,000, leaving 2,000 for the second; the plan pays 500
    assert [h.offer["owed"], d.offer["owed"]] == [3000, 2000]
    step = next(s for s in d.offer["steps"] if s["kind"] == "cap" and "out-of-pocket maximum" in s["step"])
    assert step["amount"] == 2000 and step["change"] == -500 and "18022(c)(1)" in step["citations"][0]
    assert "General $3,000.00" in step["step"] and "$5,500.00" in step["step"] and "the other $500.00" in step["step"]
    assert d.offer["walk_away"] <= 2000 and (d.plan is None or d.plan.get("amount", 0) <= 2000)
    # the finding says the same figure as the offer
    oop = [f for f in d.findings if f.rule == "EOB.OOP_MAX_EXCEEDED"]
    assert [f.amount for f in oop] == [500] and "$500.00" in oop[0].message
    assert not any(f.rule == "EOB.OOP_MAX_EXCEEDED" for f in h.findings)


def test_a_bill_after_the_maximum_is_reached_owes_nothing_and_says_why(tmp_path):
    h, d = _two_bills(tmp_path, oop=3000)
    assert [h.offer["owed"], d.offer["owed"]] == [3000, 0]
    assert d.offer["opening"] is None and "already reach your plan's out-of-pocket maximum" in d.offer["no_offer"]
    assert [f.amount for f in d.findings if f.rule == "EOB.OOP_MAX_EXCEEDED"] == [2500]


def test_the_earlier_care_counts_first(tmp_path):
    h, d = _two_bills(tmp_path, d_start="2026-02-01")  # the doctor's care came first: 2,500, then 2,500 left
    assert [h.offer["owed"], d.offer["owed"]] == [2500, 2500]
    assert [f.amount for f in h.findings if f.rule == "EOB.OOP_MAX_EXCEEDED"] == [500]


def test_at_the_maximum_exactly_nothing_is_capped_and_other_years_do_not_share(tmp_path):
    h, d = _two_bills(tmp_path, oop=5500)
    assert [h.offer["owed"], d.offer["owed"]] == [3000, 2500]
    h, d = _two_bills(tmp_path, d_start="2027-01-02")
    assert [h.offer["owed"], d.offer["owed"]] == [3000, 2500]


def test_out_of_network_care_the_nsa_does_not_protect_does_not_count(tmp_path):
    h, d = _two_bills(tmp_path, d_network="false")
    assert [h.offer["owed"], d.offer["owed"]] == [3000, 2500]
    assert not any(f.rule == "EOB.OOP_MAX_EXCEEDED" for f in d.findings)