"""Both example cases: assistance, a fair amount, an offer, a plan and call scripts that make sense."""

from __future__ import annotations

from datetime import date

from billadvocate import load_case, review_case
from billadvocate.audit import AuditResult
from billadvocate.model import Account, Line
from billadvocate.negotiate.fair import fair_amount
from tests.conftest import EXAMPLES


def review(name):
    return review_case(load_case(EXAMPLES / name / "case.yaml")).accounts[0].to_json()


def test_er_example_free_care_under_the_hospital_policy_and_a_fallback_offer():
    a = review("er-visit-nonprofit")
    best = a["assistance"]["best"]
    assert best == {"id": "FEDERAL.501R", "discount": 1.0}
    o, fair = a["offer"], a["offer"]["fair"]
    assert o["fair_amount"] == 0 and o["holder"] == "agency"
    # priced at the AGB (38% of the charges left after the wrong lines), less the $1,466 insurance paid
    assert fair["benchmark"]["basis"] == "agb" and fair["paid"] == 1466
    assert fair["before_assistance"] == round(fair["benchmark"]["amount"] - 1466, 2)
    # 6,296 billed - lines 3 (duplicate 45), 5 (NCCI-bundled 68), 14 (not received 90) and 15 (after
    # discharge 185) = 5,908 x AGB 38% = 2,245.04 - 1,466 paid = 779.04 (the audit of issue 4)
    assert fair["before_assistance"] == 779.04
    assert fair["benchmark"]["amount"] <= round(6251 * 0.38, 2)  # at least the duplicate CBC is out
    denied = o["if_assistance_denied"]
    assert denied["target"] == int(fair["before_assistance"] * 0.6)  # agency: 60% of the fair amount
    assert a["plan"]["if_assistance_denied"] and a["plan"]["monthly"] == 60  # CA: 10% of the 600 left over
    assert [s["to"] for s in a["call_scripts"]] == ["provider", "collector", "insurer"]
    app = a["assistance"]["application"]
    assert app["letter"] == "fap_application" and app["documents"] and app["deadline"] == "2025-11-27"


def test_uninsured_example_is_never_priced_above_the_good_faith_estimate():
    a = review("uninsured-outpatient")
    o = a["offer"]
    assert 0 < o["fair_amount"] <= 1200
    # the audit's fair price: the MRI at its Colorado Medicare amount (204.53), the duplicate
    # venipuncture at nothing, the labs and contrast (no fee-schedule amount) at their charges
    # (35 + 90 + 150 + 350): 829.53, below the $1,200 Good Faith Estimate
    assert o["fair_amount"] == 829.53 and o["fair"]["benchmark"]["basis"] == "audit_fair_price"
    assert o["fair"]["benchmark"]["basis"] in ("good_faith_estimate", "audit_fair_price")
    assert (o["opening"], o["target"]) == (int(o["fair_amount"] * 0.6), int(o["fair_amount"] * 0.8))
    assert a["plan"]["monthly"] == 241 and a["plan"]["months"] >= 1
    assert [s["to"] for s in a["call_scripts"]] == ["provider"]
    never = " ".join(a["call_scripts"][0]["never_say"])
    assert "bank account" in never


def test_line_benchmarks_price_the_undisputed_lines_at_a_multiple_of_medicare():
    acct = Account.model_validate({"id": "a", "provider": {"name": "P"}, "balance": 1000})
    lines = [Line(line=1, charge=600), Line(line=2, charge=300), Line(line=3, charge=100)]
    audit = AuditResult(lines=lines, total_charges=1000, findings=[],
                        benchmarks={1: {"medicare": 100}, 2: {"cash_price": 150}})
    f = fair_amount(account=acct, audit=audit, findings=[], bills=[], assistance=None)
    # line 1: 1.5 x 100 = 150; line 2: cash 150; line 3: no benchmark, keeps its 100
    assert f["fair_amount"] == 400 and f["benchmark"]["basis"] == "line_benchmarks"


def test_the_audits_own_fair_price_is_used_when_it_has_one():
    from billadvocate.model import Finding
    acct = Account.model_validate({"id": "a", "provider": {"name": "P"}, "balance": 1000})
    lines = [Line(line=1, charge=600), Line(line=2, charge=300), Line(line=3, charge=100)]
    dup = Finding(rule="BILL.DUPLICATE", severity="high", lines=[2, 3], amount=100, message="dup")
    audit = AuditResult(lines=lines, total_charges=1000, findings=[dup], benchmark_total=480,
                        benchmarks={1: {"fair": 180, "basis": "medicare"}, 2: {"fair": 300, "basis": "charge"},
                                    3: {"fair": 0, "basis": "disputed"}})
    f = fair_amount(account=acct, audit=audit, findings=[dup], bills=[], assistance=None)
    assert f["disputed"] == 100 and f["fair_amount"] == 480
    assert f["benchmark"]["basis"] == "audit_fair_price" and "medicare" in f["benchmark"]["why"]


def test_a_balance_above_the_eob_patient_responsibility_caps_what_is_owed():
    from billadvocate.model import Finding
    acct = Account.model_validate({"id": "a", "provider": {"name": "P"}, "balance": 900})
    lines = [Line(line=1, charge=1000)]
    over = Finding(rule="EOB.PATIENT_RESP", severity="high", lines=[], amount=650, message="over EOB")
    audit = AuditResult(lines=lines, total_charges=1000, findings=[over])
    f = fair_amount(account=acct, audit=audit, findings=[over], bills=[], assistance=None)
    assert f["fair_amount"] == 250 and "patient responsibility" in f["why"][-1]


def test_several_plans_share_one_household_budget(tmp_path):
    p = tmp_path / "case.yaml"
    p.write_text("""billadvocate: 1
as_of: 2026-11-28
patient: {state: TX}
household: {size: 1, annual_income: 36000, monthly_expenses: 2600, liquid_assets: 3000}
insurance: {status: uninsured}
accounts:
  - {id: hospital, provider: {name: General, kind: hospital, state: TX}, balance: 3000, care: {start: 2026-09-01}}
  - {id: er-doctor, provider: {name: ER Physicians, kind: physician, state: TX}, balance: 1500, care: {start: 2026-09-01}}
""")
    accounts = review_case(load_case(p)).accounts
    # budget: half of 3,000 - 2,600 = 200 a month for both plans, split 200 : 200 -> 100 each
    assert [a.plan["monthly"] for a in accounts] == [100, 100]
    assert [a.plan["months"] for a in accounts] == [30, 15]
    assert all("shared by 2 payment plans" in a.plan["why"] for a in accounts)
    assert all(a.offer["lump_sum_shared_by"] == 2 for a in accounts)


def test_colorado_hospital_cap_mentions_the_6_percent_rule_for_bills_with_professionals():
    from billadvocate.model import Household
    from billadvocate.negotiate.plan import payment_plan
    acct = Account.model_validate({"id": "a", "provider": {"name": "P", "kind": "hospital", "state": "CO"}})
    plan = payment_plan(account=acct, household=Household(size=1, annual_income=36000, monthly_expenses=1000),
                        programs=[{"id": "STATE.CO.HOSPITAL_DISCOUNTED_CARE", "eligible": True}],
                        amount=1200, state="CO", as_of=date(2026, 11, 28))
    assert plan["monthly"] == 120 and "6%, $180.00" in plan["caps"][0]["why"]
