"""The negotiation's fair price takes the ambulance yardstick the audit uses (audit/ambulance.py), through
line_benchmarks: an uninsured patient's ambulance supplier bill, the amounts computed here from the law data."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from billadvocate.casefile import load_case
from billadvocate.law import law
from billadvocate.negotiate.fair import MEDICARE_MULTIPLE
from billadvocate.review import review_case

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "uninsured-outpatient"
RIDE = date(2026, 9, 14)  # the example's date of care
CENT = Decimal("0.01")


def cents(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def amb(name: str):
    return Decimal(str(law().at(f"federal.cms_ambulance.{name}", RIDE).value)) if name != "relative_value_units" \
        else law().at(f"federal.cms_ambulance.{name}", RIDE).value


def test_the_fair_amount_prices_an_ambulance_ride_at_its_fee_schedule_amount_times_the_multiple(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "case")
    (tmp_path / "case" / "bills" / "mri-itemized.csv").write_text(
        "Date of Service,Code,Description,Units,Charges\n"
        "2026-09-14,A0429,AMBULANCE BLS EMERGENCY,1,\"$2,200.00\"\n"
        "2026-09-14,A0425,GROUND MILEAGE,8,$560.00\n"
        "2026-09-14,A0431,ROTARY WING AIR TRANSPORT,1,\"$380.00\"\n", encoding="utf-8")
    yaml_path = tmp_path / "case" / "case.yaml"  # no Good Faith Estimate: the lines' yardsticks set the price
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("    gfe_total: 1200.00\n", ""), encoding="utf-8")
    case = load_case(yaml_path)
    (account,) = review_case(case).accounts
    b = account.audit.benchmarks
    up = (1 + amb("rural_increase_percent") / 100)
    base = cents(Decimal(str(amb("relative_value_units")["A0429"])) * amb("ground_conversion_factor") * up
                 * (1 + amb("super_rural_base_increase_percent") / 100))
    first_mile = cents(cents(amb("ground_mileage_rate") * up) * Decimal("1.5"))
    assert b[1]["medicare"] == float(base) and b[2]["medicare"] == float(cents(first_mile * 8))
    assert b[3]["medicare"] is None  # air: no yardstick, kept at its charge
    want = cents(base * MEDICARE_MULTIPLE) + cents(first_mile * 8 * MEDICARE_MULTIPLE) + Decimal("380.00")
    fair = account.offer["fair"]
    assert fair["benchmark"]["basis"] == "line_yardsticks" and Decimal(str(fair["benchmark"]["amount"])) == want
    assert Decimal(str(account.offer["fair_amount"])) == want
