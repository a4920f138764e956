"""Both example cases: assistance, a fair amount, an offer, a plan and call scripts that make sense."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from billadvocate import load_case, review_case
from billadvocate.audit import AuditResult
from billadvocate.model import Account, Line
from billadvocate.negotiate.fair import fair_amount
from tests.conftest import EXAMPLES


def review(name):
    return review_case(load_case(EXAMPLES / name / "case.yaml")).accounts[0].to_json()


def test_er_example_owes_nothing_under_the_hospitals_free_care_tier():
    """Checked by hand. Jane: household of 3, $42,000 a year; the 2026 guideline for 3 is $27,320, so
    153.73%. Valley General's policy gives free care at or below 200%: she owes $0, the whole $4,830
    asked (and the collector's $5,010) is in dispute, AGB ($2,392.48) is no floor, and nothing is offered."""
    case = load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml")
    r = review_case(case).accounts[0]
    a = r.to_json()
    assert a["assistance"]["fpl_percent"] == 153.73
    o, fair = a["offer"], a["offer"]["fair"]
    assert (o["owed"], o["fair_amount"], o["opening"], o["target"], o["walk_away"]) == (0, 0, None, None, None)
    assert fair["asked"] == 4830 and fair["disputed"] == 4830 and fair["capped_by"] == "assistance"
    assert "free care at your income" in o["no_offer"] and "2,392" not in o["why"]
    assert a["plan"] is None
    # the bill arithmetic still shows, step by step: 6,296 billed - 1,466 paid = 4,830 asked
    amounts = [s["amount"] for s in o["steps"] if s["kind"] in ("billed", "paid", "asked")]
    assert amounts == [6296, 4830, 4830]
    over = next(f for f in a["findings"] if f["rule"] == "IRS501R.OVER_AGB")
    assert over["amount"] == 4830 and "free care" in over["message"] and "AGB" not in over["message"]
    provider = a["call_scripts"][0]
    assert any("free care at my income" in line for line in provider["say"])
    assert not any("amounts generally billed" in q for q in provider["ask"])
    collector = next(sc for sc in a["call_scripts"] if sc["to"] == "collector")
    # free care once the hospital approves the application: the collector is told of the application, not of a debt
    assert any(q.startswith("I am applying for the hospital's financial assistance") for q in collector["ask"])
    assert not any("would you accept" in q for q in collector["ask"])


def test_uninsured_example_owes_the_charges_less_the_duplicate_and_is_priced_at_yardsticks():
    """Checked by hand. Marcus: $3,140 billed by a for-profit imaging center (no 501(r), and Colorado's
    Hospital Discounted Care covers hospitals only), $31,000 a year alone = 194.24% of $15,960, above
    Colorado's 138% Medicaid limit. The second venipuncture ($35) is a duplicate: he owes at most
    $3,105. Each line with a Medicare amount is priced at 1.5 x it; the rest at the charge; that is
    below the $1,200 Good Faith Estimate. The provider holds the account: 60% / 80% / 100%."""
    r = review_case(load_case(EXAMPLES / "uninsured-outpatient" / "case.yaml")).accounts[0]
    a = r.to_json()
    o = a["offer"]
    assert o["owed"] == 3105 and o["fair"]["not_billable"] == 35
    expected = Decimal(0)
    kept = [ln for ln in r.audit.lines if ln.line not in (3,)]  # the duplicate copy is line 3
    for ln in kept:
        m = r.audit.benchmarks.get(ln.line, {}).get("medicare")
        price = (Decimal(str(m)) * Decimal("1.5")).quantize(Decimal("0.01")) if m is not None else ln.charge
        expected += min(price, ln.charge)
    assert Decimal(str(o["fair_amount"])) == expected and 0 < o["fair_amount"] <= 1200
    assert o["fair"]["benchmark"]["basis"] == "line_yardsticks"
    assert (o["opening"], o["target"], o["walk_away"]) == (int(o["fair_amount"] * 0.6), int(o["fair_amount"] * 0.8),
                                                           int(o["fair_amount"]))
    # (31,000 / 12 - 2,100) / 2 = 241.67 -> at most $241 a month, spread evenly over the months it takes
    plan = a["plan"]
    months = int((Decimal(str(o["fair_amount"])) / 241).to_integral_value("ROUND_CEILING"))
    assert plan["months"] == months and plan["monthly"] <= 241 and plan["total"] == o["fair_amount"]
    assert plan["monthly"] == float((Decimal(str(o["fair_amount"])) / months).quantize(Decimal("0.01"), "ROUND_CEILING"))
    assert " 1 months" not in plan["why"]
    assert [s["to"] for s in a["call_scripts"]] == ["provider"]
    assert "bank account" in " ".join(a["call_scripts"][0]["never_say"])


def test_line_yardsticks_price_the_lines_at_a_multiple_of_medicare_or_the_cash_price():
    acct = Account.model_validate({"id": "a", "provider": {"name": "P"}, "balance": 1000})
    lines = [Line(line=1, charge=600), Line(line=2, charge=300), Line(line=3, charge=100)]
    audit = AuditResult(lines=lines, total_charges=1000, findings=[],
                        benchmarks={1: {"medicare": 100, "fair": 100, "basis": "medicare"},
                                    2: {"cash_price": 150, "fair": 150, "basis": "cash_price"}})
    f = fair_amount(account=acct, audit=audit, findings=[], bills=[], assistance=None)
    # line 1: 1.5 x 100 = 150; line 2: cash 150; line 3: no yardstick, keeps its 100
    assert f["fair_amount"] == 400 and f["benchmark"]["basis"] == "line_yardsticks" and f["owed"] == 1000


def test_a_balance_above_the_eob_patient_responsibility_caps_what_is_owed():
    from billadvocate.model import Finding
    acct = Account.model_validate({"id": "a", "provider": {"name": "P"}, "balance": 900})
    lines = [Line(line=1, charge=1000)]
    over = Finding(rule="EOB.PATIENT_RESP", severity="high", lines=[], amount=650, message="over EOB")
    audit = AuditResult(lines=lines, total_charges=1000, findings=[over])
    f = fair_amount(account=acct, audit=audit, findings=[over], bills=[], assistance=None)
    assert f["owed"] == 250 and f["fair_amount"] == 250 and any("patient responsibility" in w for w in f["why"])


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
    # budget: half of 3,000 - 2,600 = 200 a month for both plans, split 200 : 200 -> at most 100 each
    assert [a.plan["months"] for a in accounts] == [30, 15]
    assert all(a.plan["monthly"] <= 100 for a in accounts)
    for a in accounts:  # the same payment every month: monthly x months is the total, give or take cents
        assert abs(a.plan["monthly"] * a.plan["months"] - a.plan["total"]) < 0.01 * a.plan["months"]
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


def test_er_example_in_the_discount_tier_the_finding_the_offer_and_the_scripts_say_one_figure(tmp_path):
    """Checked by hand, the same bill at $80,000 a year (292.83% of $27,320: the discount tier).
    6,296 billed less the lines that should not be billed (45 duplicate + 68 bundled + 90 not received
    + 185 after discharge = 388) leaves 5,908 of charges and 4,830 - 388 = 4,442 asked. The policy's 60%
    off leaves 1,776.80, but AGB is the ceiling: 38% of 5,908 = 2,245.04, less the 1,466 insurance paid
    = 779.04. She owes at most $779.04; OVER_AGB puts 4,830 - 779.04 = 4,050.96 in dispute."""
    import shutil

    import yaml
    shutil.copytree(EXAMPLES / "er-visit-nonprofit", tmp_path / "case")
    data = yaml.safe_load((tmp_path / "case" / "case.yaml").read_text())
    data["household"]["annual_income"] = 80000
    data.pop("credit_report")  # keep California's void-debt law out of this case
    (tmp_path / "case" / "case.yaml").write_text(yaml.safe_dump(data))
    a = review_case(load_case(tmp_path / "case" / "case.yaml")).accounts[0].to_json()
    o = a["offer"]
    assert a["assistance"]["fpl_percent"] == 292.83
    assert o["owed"] == 779.04 and o["fair_amount"] == 779.04 and o["fair"]["capped_by"] == "assistance"
    assert 0 < o["opening"] < o["target"] < o["walk_away"] <= 779.04
    over = next(f for f in a["findings"] if f["rule"] == "IRS501R.OVER_AGB")
    assert over["amount"] == 4050.96 and "$779.04" in over["message"]
    assert "$779.04" in " ".join(a["call_scripts"][0]["say"])
