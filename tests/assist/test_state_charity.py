"""State charity-care laws at their lines: at the limit, one cent of a percent over, each tier."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.assist import Situation
from billadvocate.assist.programs.state_charity import state_programs

ON = date(2026, 6, 1)


def decide(state, fpl, **facts):
    sit = Situation(state=state, fpl_percent=Decimal(str(fpl)), **facts)
    (p,) = [p for p in state_programs(sit, ON)][:1]
    return p


@pytest.mark.parametrize("tier,fpl,eligible,discount", [
    # tier 1: 100% at or below 300%, 75% to 350%, 50% to 400%
    (1, "300.00", True, 1.0), (1, "300.01", True, 0.75), (1, "350.00", True, 0.75),
    (1, "350.01", True, 0.5), (1, "400.00", True, 0.5), (1, "400.01", False, 0.0),
    # tier 2: 100% at or below 200%, 75% to 250%, 50% to 300%
    (2, "200.00", True, 1.0), (2, "200.01", True, 0.75), (2, "250.00", True, 0.75),
    (2, "250.01", True, 0.5), (2, "300.00", True, 0.5), (2, "300.01", False, 0.0),
])
def test_washington_tiers_at_each_line(tier, fpl, eligible, discount):
    p = decide("WA", fpl, tier=tier, kind="hospital")
    assert p["id"] == "STATE.WA.CHARITY_CARE"
    assert (p["eligible"], p["discount"]) == (eligible, discount)


def test_washington_without_a_tier_decides_when_both_tiers_agree():
    p = decide("WA", "150", kind="hospital")
    assert p["eligible"] is True and p["discount"] == 1.0


def test_washington_without_a_tier_names_the_missing_fact_when_tiers_differ():
    p = decide("WA", "250", kind="hospital")
    assert p["eligible"] is None and p["discount"] is None
    assert p["missing"] == ["--hospital-tier"] and "--hospital-tier" in p["why"]
    assert "tier 1: free care" in p["why"] and "tier 2: 75% off" in p["why"]


def test_washington_law_is_not_applied_to_care_before_july_2022():
    sit = Situation(state="WA", fpl_percent=Decimal("150"), care_date=date(2022, 6, 30), kind="hospital")
    assert state_programs(sit, ON) == []


def test_oregon_needs_to_know_the_hospital_is_nonprofit():
    p = decide("OR", "250", kind="hospital")
    assert p["eligible"] is None and "--nonprofit/--for-profit" in p["missing"]
    assert decide("OR", "250", kind="hospital", nonprofit=False)["eligible"] is False
    p = decide("OR", "300.01", kind="hospital", nonprofit=True)
    assert (p["eligible"], p["discount"]) == (True, 0.5) and "at least 50% off" in p["why"]


def test_a_bill_from_a_non_hospital_is_not_covered():
    p = decide("CO", "100", kind="other", provider_name="Front Range Imaging Center")
    assert p["eligible"] is False and "kind 'other'" in p["why"]


@pytest.mark.parametrize("insurance,eligible", [("uninsured", True), ("insured", False), (None, None)])
def test_illinois_covers_only_the_uninsured(insurance, eligible):
    p = decide("IL", "150", insurance=insurance, kind="hospital", rural=False)
    assert p["eligible"] is eligible
    if eligible is None:
        assert p["missing"] == ["--insurance"]


def test_illinois_urban_and_rural_limits_differ_at_200_percent():
    assert decide("IL", "200", insurance="uninsured", rural=False)["discount"] == 1.0
    rural = decide("IL", "200", insurance="uninsured", rural=True)
    assert rural["eligible"] is True and rural["discount"] is None and "135%" in rural["charge_cap"]
    assert decide("IL", "125", insurance="uninsured")["discount"] == 1.0  # both agree: free


@pytest.mark.parametrize("balance,eligible", [("4201", True), ("4200", False)])
def test_california_insured_patient_with_high_costs_just_over_10_percent(balance, eligible):
    p = decide("CA", "150", insurance="insured", balance=Decimal(balance), annual_income=Decimal(42000))
    assert p["eligible"] is eligible


def test_california_insured_patient_without_a_balance_is_undecided():
    p = decide("CA", "150", insurance="insured", annual_income=Decimal(42000))
    assert p["eligible"] is None and p["missing"][0].startswith("--balance")


def test_new_jersey_covers_its_residents_only():
    p = decide("NY", "150", provider_state="NJ", kind="hospital", insurance="uninsured")
    assert p["id"] == "STATE.NJ.CHARITY_CARE" and p["eligible"] is False and "NJ residents" in p["why"]


@pytest.mark.parametrize("fpl,discount", [("200", 1.0), ("200.01", 0.8), ("225", 0.8), ("225.01", 0.6),
                                          ("275.01", 0.2), ("300", 0.2)])
def test_new_jersey_fee_scale(fpl, discount):
    assert decide("NJ", fpl, insurance="uninsured")["discount"] == discount


def test_connecticut_caps_the_price_at_cost_for_the_uninsured_up_to_250_percent():
    p = decide("CT", "250", insurance="uninsured")
    assert p["eligible"] is True and p["discount"] is None and "cost" in p["charge_cap"]
    assert decide("CT", "250.01", insurance="uninsured")["eligible"] is False


def test_maryland_2025_tiers_apply_from_their_effective_date():
    sit = dict(state="MD", fpl_percent=Decimal("250.01"), kind="hospital")
    before = state_programs(Situation(**sit, care_date=date(2025, 9, 30)), ON)[0]
    after = state_programs(Situation(**sit, care_date=date(2025, 10, 1)), ON)[0]
    assert before["discount"] is None and before["eligible"] is True
    assert after["discount"] == 0.6 and after["unconfirmed"] is True and after["notes"]


def test_a_state_without_a_charity_care_law_lists_no_state_program():
    assert state_programs(Situation(state="TX", fpl_percent=Decimal(100)), ON) == []


def test_rhode_island_free_to_200_percent_for_uninsured_residents():
    assert decide("RI", "200", insurance="uninsured")["discount"] == 1.0
    p = decide("RI", "200.01", insurance="uninsured")
    assert p["eligible"] is True and p["discount"] is None and "sliding scale" in p["charge_cap"]
    assert decide("RI", "150", insurance="insured")["eligible"] is False


def test_maine_free_care_rises_from_150_to_200_percent_on_july_1_2026():
    sit = dict(state="ME", fpl_percent=Decimal("175"), kind="hospital")
    assert state_programs(Situation(**sit, care_date=date(2026, 6, 30)), ON)[0]["eligible"] is False
    assert state_programs(Situation(**sit, care_date=date(2026, 7, 1)), ON)[0]["discount"] == 1.0


def test_nevada_discount_has_no_income_limit_but_needs_an_inpatient_stay():
    p = decide("NV", "900", insurance="uninsured", setting="inpatient")
    assert (p["eligible"], p["discount"]) == (True, 0.3) and "No income limit" in p["why"]
    assert decide("NV", "900", insurance="uninsured", setting="outpatient")["eligible"] is False
    p = decide("NV", "900", insurance="uninsured")
    assert p["eligible"] is None and p["missing"] == ["--setting"]
    sit = Situation(state="NV", insurance="uninsured", setting="inpatient")  # no income needed
    assert state_programs(sit, ON)[0]["eligible"] is True


def test_without_a_household_size_the_size_is_the_missing_fact():
    from billadvocate.assist import assistance
    sit = Situation(state="OR", kind="hospital", nonprofit=True, annual_income=Decimal(30000))
    result = assistance(state="OR", household_size=None, annual_income=Decimal(30000), as_of=ON, situation=sit)
    programs = {p["id"]: p for p in result["programs"]}
    assert result["missing"] == ["--household"]
    assert programs["STATE.OR.HOSPITAL_FINANCIAL_ASSISTANCE"]["missing"] == ["--household"]
    assert programs["MEDICAID"]["eligible"] is None and programs["MEDICAID"]["missing"] == ["--household"]


@pytest.mark.parametrize("fpl,eligible", [("499.99", True), ("500", False), ("500.01", False)])
def test_new_jerseys_uninsured_charge_cap_is_for_income_less_than_500_percent(fpl, eligible):
    # N.J.S.A. 26:2H-12.52: 'whose family gross income is less than 500% of the federal poverty level'
    sit = Situation(state="NJ", fpl_percent=Decimal(fpl), insurance="uninsured", kind="hospital")
    (p,) = [p for p in state_programs(sit, ON) if p["id"] == "STATE.NJ.UNINSURED_CHARGE_CAP"]
    assert p["eligible"] is eligible
    assert ("below 500%" in p["why"] and "at or below" not in p["why"]) if eligible else "500%" in p["why"]
