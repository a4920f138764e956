"""NSA.GFE_EXCEEDED ($400 at the line), NSA.BALANCE_BILL and IRS501R.OVER_AGB."""

from datetime import date
from decimal import Decimal

import pytest

from .support import found, line

D = date(2026, 9, 14)


@pytest.mark.parametrize("billed,fires", [("1599.99", False), ("1600.00", True)])
def test_gfe_exceeded_fires_at_400_over_not_a_cent_under(billed, fires):
    fs = found("NSA.GFE_EXCEEDED", line(1, "72148", d=D, charge=billed), facts={"gfe_total": 1200})
    assert bool(fs) is fires
    if fires:
        assert fs[0].amount == Decimal("400.00") and fs[0].severity == "high"
        assert any("149.620" in c for c in fs[0].citations)


def test_gfe_not_checked_without_an_estimate():
    assert found("NSA.GFE_EXCEEDED", line(1, charge="99999.00", d=D), facts={}) == []


def test_gfe_before_the_no_surprises_act_is_not_checked():
    assert found("NSA.GFE_EXCEEDED", line(1, charge="9999.00", d=date(2021, 12, 31)), facts={"gfe_total": 100}) == []


ER_OON = {"insurance_status": "insured", "emergency": True, "in_network": False, "balance": 4830}


def test_balance_bill_without_an_eob_asks_for_it_with_nothing_counted():
    (f,) = found("NSA.BALANCE_BILL", line(1, d=D, charge="4830.00"), facts=ER_OON)
    assert f.severity == "medium" and f.amount == 0 and "EOB" in f.message


def test_balance_bill_for_in_network_care_is_not_a_surprise_bill():
    assert found("NSA.BALANCE_BILL", line(1, d=D), facts={**ER_OON, "in_network": True}) == []


def test_balance_bill_unknown_network_is_info():
    (f,) = found("NSA.BALANCE_BILL", line(1, d=D), facts={**ER_OON, "in_network": None})
    assert f.severity == "info"


def test_balance_bill_does_not_apply_to_medicare_or_the_uninsured():
    assert found("NSA.BALANCE_BILL", line(1, d=D), facts={**ER_OON, "insurance_status": "medicare"}) == []
    assert found("NSA.BALANCE_BILL", line(1, d=D), facts={**ER_OON, "insurance_status": "uninsured"}) == []


HOSPITAL = {"nonprofit": True, "provider_kind": "hospital", "fap_agb_percent": 38,
            "fap_free_fpl": 200, "fap_discount_fpl": 400}


def test_over_agb_for_an_eligible_patient():
    (f,) = found("IRS501R.OVER_AGB", line(1, charge="6296.00"),
                 facts={**HOSPITAL, "fpl_percent": "253.73", "balance": 4830}, payments="1466.00")
    # the discount tier: AGB 38% of 6,296.00 = 2,392.48; charged 1,466.00 + 4,830.00 = 6,296.00
    assert f.amount == Decimal("3903.52") and f.severity == "high"


@pytest.mark.parametrize("fpl,fires", [("400.00", True), ("400.01", False)])
def test_over_agb_eligibility_is_at_or_below_the_threshold(fpl, fires):
    fs = found("IRS501R.OVER_AGB", line(1, charge="1000.00"), facts={**HOSPITAL, "fpl_percent": fpl})
    assert bool(fs) is fires


def test_charges_at_the_agb_pass():
    assert found("IRS501R.OVER_AGB", line(1, charge="1000.00"),
                 facts={**HOSPITAL, "fpl_percent": "250", "balance": "380.00"}) == []


def test_over_agb_without_income_is_info():
    (f,) = found("IRS501R.OVER_AGB", line(1, charge="1000.00"), facts=HOSPITAL)
    assert f.severity == "info" and f.amount == 0


def test_over_agb_does_not_apply_to_for_profit_providers():
    assert found("IRS501R.OVER_AGB", line(1, charge="1000.00"),
                 facts={**HOSPITAL, "nonprofit": False, "fpl_percent": "100"}) == []
