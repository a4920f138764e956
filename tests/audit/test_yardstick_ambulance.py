"""A ground ambulance ride is priced by the Medicare ambulance fee schedule: national, at the highest rural rate
(whether the pickup was rural is not known), each amount computed here from the shipped law data
(federal.cms_ambulance)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from billadvocate.law import law
from billadvocate.report.spanish_audit_notes import _no_yardstick_es

from .support import audit, line

D26, D25, D23 = date(2026, 3, 2), date(2025, 8, 9), date(2023, 6, 1)
HOSPITAL = {}  # no facts: the revenue codes make it a facility claim (outpatient)


def amb(name: str, day: date):
    return law().at(f"federal.cms_ambulance.{name}", day).value


def cents(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def base(code: str, day: date) -> Decimal:
    # RVUs x CF of the ride's year, with the rural +3% and super-rural +22.6% increases (the highest rural rate)
    d = lambda x: Decimal(str(x))  # noqa: E731
    return cents(d(amb("relative_value_units", day)[code]) * d(amb("ground_conversion_factor", day))
                 * (1 + d(amb("rural_increase_percent", day)) / 100)
                 * (1 + d(amb("super_rural_base_increase_percent", day)) / 100))


def price_lines(result):
    return [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]


@pytest.mark.parametrize("code", sorted(law().at("federal.cms_ambulance.relative_value_units", D26).value))
def test_each_ground_level_is_priced_at_its_rvus_times_the_conversion_factor_of_its_year(code):
    result = audit(line(1, code, d=D26, charge="9000.00", rev="0540"), facts=HOSPITAL)
    b = result.benchmarks[1]
    assert b["medicare"] == float(base(code, D26))
    assert b["yardstick"].startswith("the Medicare ambulance fee schedule base rate for ")
    assert "(national, at the highest rural rate, before geographic adjustment" in b["yardstick"]


def test_a_2025_ride_takes_the_2025_conversion_factor():
    assert amb("ground_conversion_factor", D25) == 278.98
    result = audit(line(1, "A0429", d=D25, charge="3000.00"), facts={"setting": "professional"})
    assert result.benchmarks[1]["medicare"] == float(base("A0429", D25))
    assert "CY 2025 conversion factor" in result.benchmarks[1]["yardstick"]


def test_ground_mileage_takes_the_rural_rate_for_the_first_17_miles_and_the_rural_per_mile_rate_after():
    rate = Decimal(str(amb("ground_mileage_rate", D26)))
    per_mile = cents(rate * (1 + Decimal(str(amb("rural_increase_percent", D26))) / 100))
    rural = amb("rural_mileage_increase", D26)
    first = cents(per_mile * (1 + Decimal(rural["percent"]) / 100))
    assert rural["first_miles"] == 17
    result = audit(line(1, "A0425", d=D26, units=25, charge="1000.00", rev="0540"), facts=HOSPITAL)
    assert result.benchmarks[1]["medicare"] == float(cents(first * 17 + per_mile * 8))
    (f,) = price_lines(result)
    assert "ground mileage rate (national, rural: +50% for each of the first 17 miles" in f.message


def test_rural_is_the_higher_figure_so_the_multiple_is_never_overstated():
    # urban national amounts: RVUs x CF, and the plain mileage rate; the yardstick takes the rural ones
    urban_base = Decimal(str(amb("relative_value_units", D26)["A0427"])) * Decimal(str(amb("ground_conversion_factor", D26)))
    urban_miles = Decimal(str(amb("ground_mileage_rate", D26))) * 10
    result = audit(line(1, "A0427", d=D26, charge="2400.00", rev="0540"),
                   line(2, "A0425", d=D26, units=10, charge="700.00", rev="0540"), facts=HOSPITAL)
    b = result.benchmarks
    assert b[1]["medicare"] > float(urban_base) and b[2]["medicare"] > float(urban_miles)
    f1 = next(f for f in price_lines(result) if f.lines == [1])
    assert f"{round(2400 / b[1]['medicare'], 1)}x" in f1.message
    assert round(2400 / b[1]["medicare"], 1) < round(2400 / float(urban_base), 1)


def test_a_hospital_bill_with_revenue_code_0540_prices_its_ambulance_line():
    result = audit(line(1, "A0427", d=D26, charge="2400.00", rev="0540", desc="AMBULANCE ALS EMERGENCY"), facts=HOSPITAL)
    assert any("Setting: outpatient" in n for n in result.notes)
    (f,) = price_lines(result)
    assert f.message.startswith("Line 1, AMBULANCE ALS EMERGENCY (A0427), is billed at $2,400.00, ")
    assert "base rate for advanced life support, level 1, emergency" in f.message
    assert f.amount == Decimal("2400.00") - base("A0427", D26)


def test_a_ride_before_the_earliest_conversion_factor_has_no_yardstick_and_says_why():
    result = audit(line(1, "A0427", d=D23, charge="2400.00"), facts={"setting": "professional"})
    b = result.benchmarks[1]
    assert b["medicare"] is None and not price_lines(result)
    first = law().parameter("federal.cms_ambulance.ground_conversion_factor").values[0].start
    assert b["no_yardstick"] == (f"dated before {first}, the start of the earliest Medicare ambulance fee schedule "
                                 "loaded; a later year's rates may be higher or lower than those of its date: the "
                                 "ambulance rates of its year are not in billadvocate's law data")
    # the fair-price estimate takes the earliest rates (an anchor, not a claim)
    assert b["basis"] == "medicare_later" and b["fair"] == float(base("A0427", first))
    assert "las tarifas de ambulancia de su año no están en los datos legales" in _no_yardstick_es(b["no_yardstick"])


def test_2025_mileage_has_no_yardstick_as_its_rate_is_not_in_the_law_data():
    result = audit(line(1, "A0425", d=D25, units=5, charge="500.00"), facts={"setting": "professional"})
    assert result.benchmarks[1]["medicare"] is None and "ambulance rates of its year" in result.benchmarks[1]["no_yardstick"]


@pytest.mark.parametrize("code", ["A0430", "A0431", "A0435", "A0436"])
def test_an_air_ambulance_line_is_not_priced_and_the_reason_says_so(code):
    result = audit(line(1, code, d=D26, charge="45000.00"), facts={"setting": "professional"})
    why = result.benchmarks[1]["no_yardstick"]
    assert result.benchmarks[1]["medicare"] is None and not price_lines(result)
    assert why == "an air ambulance ride: Medicare's national air ambulance rates are not in billadvocate's law data"
    assert _no_yardstick_es(why).startswith("un traslado en ambulancia aérea")


def test_an_inpatient_stays_ambulance_line_is_not_priced_per_line():
    result = audit(line(1, "A0427", d=D26, charge="2400.00"), facts={"setting": "inpatient"})
    assert result.benchmarks[1]["medicare"] is None and not price_lines(result)


def test_a_charge_within_the_multiple_is_not_flagged():
    limit = float(law().at("federal.audit_benchmarks.medicare_outlier_multiple", D26).value)
    charge = Decimal(str(float(base("A0429", D26)) * limit)).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    assert not price_lines(audit(line(1, "A0429", d=D26, charge=str(charge), rev="0540"), facts=HOSPITAL))
    assert price_lines(audit(line(1, "A0429", d=D26, charge=str(charge + 1), rev="0540"), facts=HOSPITAL))
