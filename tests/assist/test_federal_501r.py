"""FEDERAL.501R: the hospital's own policy, at its lines, and what is missing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.assist import Situation, assistance
from billadvocate.assist.programs.federal_501r import federal_501r
from billadvocate.model import Fap

FAP = Fap(free_at_or_below_fpl=200, discount_at_or_below_fpl=400, discount=Decimal("0.6"), agb_percent=38)


@pytest.mark.parametrize("income,eligible,discount", [
    (31920, True, 1.0),     # exactly 200% of 15,960: free
    (31921, True, 0.6),     # 200.01%: the discount tier, 60% off the charges (AGB 38% stays a ceiling)
    (63840, True, 0.6),     # exactly 400%
    (63841, False, 0.0),    # 400.01%
])
def test_exactly_200_percent_is_free_and_200_01_is_the_discount_tier(income, eligible, discount):
    sit = Situation(state="CA", household_size=1, annual_income=Decimal(income), kind="hospital",
                    nonprofit=True, fap=FAP)
    result = assistance(state="CA", household_size=1, annual_income=Decimal(income),
                        as_of=date(2026, 6, 1), situation=sit)
    p = result["programs"][0]
    assert p["id"] == "FEDERAL.501R" and (p["eligible"], p["discount"]) == (eligible, discount)


def test_the_policy_discount_is_used_when_it_beats_the_agb_limit():
    fap = Fap(free_at_or_below_fpl=100, discount_at_or_below_fpl=300, discount=Decimal("0.75"), agb_percent=38)
    p = federal_501r(Situation(state="CA", fpl_percent=Decimal(150), kind="hospital", nonprofit=True, fap=fap))
    assert p["discount"] == 0.75


@pytest.mark.parametrize("facts,missing", [
    (dict(nonprofit=None, fap=FAP), ["--nonprofit/--for-profit"]),
    (dict(nonprofit=True, fap=None), ["--fap-free-fpl/--fap-discount-fpl/--fap-discount"]),
])
def test_missing_facts_give_null_and_are_named(facts, missing):
    p = federal_501r(Situation(state="CA", fpl_percent=Decimal(150), kind="hospital", **facts))
    assert p["eligible"] is None and p["missing"] == missing and missing[0] in p["why"]


def test_for_profit_and_non_hospital_providers_are_not_covered():
    assert federal_501r(Situation(state="CA", fpl_percent=Decimal(150), nonprofit=False))["eligible"] is False
    assert federal_501r(Situation(state="CA", fpl_percent=Decimal(150), kind="lab", nonprofit=True))["eligible"] is False


def test_the_discount_tier_carries_the_agb_ceiling_separately_from_the_discount():
    sit = Situation(state="CA", fpl_percent=Decimal(250), kind="hospital", nonprofit=True, fap=FAP)
    p = federal_501r(sit)
    assert (p["discount"], p["agb_percent"]) == (0.6, 38.0) and "off the charges" in p["why"]
