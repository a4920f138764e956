"""Payment plans: the budget, state caps (Colorado, Maryland), the schedule, no room to pay."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from billadvocate.model import Account, Household
from billadvocate.negotiate.plan import payment_plan

AS_OF = date(2026, 11, 28)
HDC = [{"id": "STATE.CO.HOSPITAL_DISCOUNTED_CARE", "eligible": True}]


def acct(kind="hospital", state="CO"):
    return Account.model_validate({"id": "a", "provider": {"name": "P", "kind": kind, "state": state}})


def plan(amount, household, *, kind="hospital", state="CO", programs=()):
    return payment_plan(account=acct(kind, state), household=household, programs=list(programs),
                        amount=Decimal(amount), state=state, as_of=AS_OF)


def test_budget_is_half_of_what_is_left_after_essential_expenses():
    p = plan(1200, Household(size=1, annual_income=36000, monthly_expenses=2400))
    assert p["monthly"] == 300 and p["months"] == 4 and p["interest_rate"] == 0
    assert [r["date"] for r in p["schedule"]] == ["2026-12-28", "2027-01-28", "2027-02-28", "2027-03-28"]
    assert sum(r["amount"] for r in p["schedule"]) == 1200 and p["schedule"][-1]["balance_after"] == 0


def test_colorado_hospital_discounted_care_caps_at_4_percent_and_forgives_after_36_payments():
    p = plan(5000, Household(size=1, annual_income=36000, monthly_expenses=1000), programs=HDC)
    assert p["monthly"] == 120 and p["months"] == 36  # 4% of 3,000
    assert p["forgiven"] == 5000 - 36 * 120 and len(p["schedule"]) == 36
    assert any("25.5-3-503" in c for c in p["citations"])


def test_colorado_professional_bill_is_capped_at_2_percent():
    p = plan(600, Household(size=1, annual_income=36000, monthly_expenses=1000), kind="physician", programs=HDC)
    assert p["monthly"] == 60 and p["months"] == 10


def test_colorado_caps_do_not_apply_without_discounted_care():
    p = plan(600, Household(size=1, annual_income=36000, monthly_expenses=1000))
    assert p["caps"] == [] and p["budget"] == 1000 and p["monthly"] == 600 and p["months"] == 1


def test_maryland_hospital_plan_is_at_most_5_percent_of_income():
    p = plan(1200, Household(size=1, annual_income=24000, monthly_expenses=500), state="MD")
    assert p["monthly"] == 100 and p["unconfirmed"] is True


def test_no_room_in_the_budget_proposes_no_plan():
    p = plan(1200, Household(size=1, annual_income=24000, monthly_expenses=2500))
    assert p["monthly"] == 0 and p["months"] is None and "hardship" in p["why"]


def test_without_expenses_the_budget_is_5_percent_of_income():
    p = plan(1200, Household(size=1, annual_income=24000))
    assert p["monthly"] == 100 and "household.monthly_expenses" in p["why"]


def test_without_income_the_missing_fact_is_named():
    p = plan(1200, Household(size=1))
    assert p["monthly"] is None and p["missing"] == ["household.annual_income"]


def test_a_missed_payment_has_advice():
    p = plan(1200, Household(size=1, annual_income=36000, monthly_expenses=2400))
    assert any("before the due date" in m for m in p["missed_payment"])
