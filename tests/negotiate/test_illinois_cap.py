"""Illinois' 12-month collection cap: the sources disagree (25% in the 2009 text, 20% after a 2021
amendment per the hospitals' own association); the lower, safer figure applies from 2021."""

from datetime import date
from decimal import Decimal

from billadvocate.negotiate.plan import state_caps

ELIGIBLE = [{"id": "STATE.IL.HOSPITAL_UNINSURED_PATIENT_DISCOUNT", "eligible": True}]


def _cap(on):
    caps = state_caps(state="IL", kind="hospital", programs=ELIGIBLE, monthly_income=Decimal(3000),
                      expenses=None, annual_income=Decimal(36000), on=on)
    assert len(caps) == 1
    return caps[0]


def test_since_2021_the_cap_is_20_percent_of_a_years_income():
    cap = _cap(date(2026, 12, 4))
    assert cap["twelve_month_limit"] == 7200.0
    assert "20%" in cap["why"] and not cap["unconfirmed"]


def test_before_2021_the_2009_text_gives_25_percent():
    assert _cap(date(2020, 6, 1))["twelve_month_limit"] == 9000.0


def test_a_patient_not_found_eligible_gets_no_illinois_cap():
    assert state_caps(state="IL", kind="hospital", programs=[], monthly_income=Decimal(3000),
                      expenses=None, annual_income=Decimal(36000), on=date(2026, 12, 4)) == []
