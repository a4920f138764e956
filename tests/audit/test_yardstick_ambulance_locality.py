"""With CMS's Ambulance Fee Schedule file of the ride's year imported and the patient's locality known, an ambulance
line is priced at that file's rate for the locality (the highest of its urban, rural and super-rural rates; ground
mileage's first 17 miles at their own rate), named for the locality and not unconfirmed; otherwise the national
law-data yardstick stays. Each expected amount is computed here from the law data and the shipped GPCIs, the
arithmetic the fixture was built with (tests/reference/fixtures/ambulance/README.md)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import pytest

from billadvocate.law import law
from billadvocate.reference.importer import import_release
from billadvocate.reference.store import SHIPPED_DIR
from billadvocate.report.spanish import finding as finding_es

from .support import audit, line
from .test_yardstick_ambulance import D25, D26, base, price_lines

AFS = Path(__file__).parents[1] / "reference" / "fixtures" / "ambulance" / "AFS2026_PUF_ext.csv"
SF = {"setting": "professional", "pfs_mac": "01112", "pfs_locality": "05"}
FRESNO = {"setting": "professional", "state": "CA", "patient_address": "1 Main St, Fresno, CA"}


@pytest.fixture(autouse=True)
def imported(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    import_release("ambulance", AFS)


def d(x) -> Decimal:
    return Decimal(str(x))


def cents(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def gpci(locality: str) -> tuple[Decimal, str]:
    (pe, name), = duckdb.sql(f"SELECT gpci_pe, locality_name FROM read_parquet('{SHIPPED_DIR}/gpci-*.parquet') "
                             f"WHERE mac = '01112' AND locality = '{locality}'").fetchall()
    return d(pe), name


def super_rural(code: str, locality: str) -> Decimal:
    """RVUs x CF x GAF (the PE GPCI on 70%, 42 CFR 414.610(c)(4)) x the rural +3% x the super-rural +22.6%."""
    at = lambda n: law().at(f"federal.cms_ambulance.{n}", D26).value  # noqa: E731
    gaf = d("0.3") + d("0.7") * gpci(locality)[0]
    return cents(d(at("relative_value_units")[code]) * d(at("ground_conversion_factor")) * gaf
                 * (1 + d(at("rural_increase_percent")) / 100) * (1 + d(at("super_rural_base_increase_percent")) / 100))


@pytest.mark.parametrize("code", ["A0427", "A0429", "A0434"])
def test_a_level_is_priced_at_the_locality_s_highest_rate_named_for_it_and_not_unconfirmed(code):
    result = audit(line(1, code, d=D26, charge="9000.00"), facts=SF)
    b = result.benchmarks[1]
    assert b["medicare"] == float(super_rural(code, "05"))
    assert b["medicare"] > float(base(code, D26))  # above the national: San Francisco's PE GPCI is 1.419
    name = gpci("05")[1]
    assert b["yardstick"] == (f"the Medicare ambulance fee schedule for {name} (CY 2026, the highest of its urban, "
                              "rural and super-rural rates)")
    (f,) = price_lines(result)
    assert not f.unconfirmed and "unconfirmed" not in f.message
    assert law().at("federal.cms_ambulance.ground_conversion_factor", D26).citations[0] not in f.citations
    es = finding_es(f, "audit")["explanation"]
    assert f"el arancel de ambulancias de Medicare para {name} (año 2026, la más alta de sus tarifas" in es


def test_the_locality_found_from_the_address_prices_the_ride_too():
    result = audit(line(1, "A0427", d=D26, charge="3000.00"), facts=FRESNO)
    assert result.benchmarks[1]["medicare"] == float(super_rural("A0427", "56"))
    assert "FRESNO" in result.benchmarks[1]["yardstick"]


def test_mileage_takes_the_file_s_rural_rate_for_the_first_17_miles_and_its_rural_rate_after():
    rate = d(law().at("federal.cms_ambulance.ground_mileage_rate", D26).value)
    rural = d(law().at("federal.cms_ambulance.rural_increase_percent", D26).value)
    per_mile, first = cents(rate * (1 + rural / 100)), cents(rate * (1 + rural / 100) * d("1.5"))
    result = audit(line(1, "A0425", d=D26, units=30, charge="1500.00"), facts=SF)
    b = result.benchmarks[1]
    assert b["medicare"] == float(17 * first + 13 * per_mile)
    assert b["yardstick"].endswith("(CY 2026 ground mileage, rural: each of the first 17 miles at its own rate)")
    (f,) = price_lines(result)
    assert not f.unconfirmed
    assert "millas terrestres del año 2026" in finding_es(f, "audit")["explanation"]


@pytest.mark.parametrize("facts,day", [
    ({"setting": "professional"}, D26),  # the locality is unknown
    ({"setting": "professional", "pfs_mac": "01112", "pfs_locality": "09"}, D26),  # a locality not in the file
    (SF, D25),  # the file is CY 2026's: a 2025 ride keeps the 2025 national rates
])
def test_otherwise_the_national_law_data_yardstick_stays(facts, day):
    result = audit(line(1, "A0427", d=day, charge="9000.00"), facts=facts)
    b = result.benchmarks[1]
    assert b["medicare"] == float(base("A0427", day))
    assert "(national, at the highest rural rate" in b["yardstick"]
    (f,) = price_lines(result)
    assert f.unconfirmed  # the national conversion factor is


def test_an_inpatient_stay_s_ambulance_line_stays_unpriced_with_the_file():
    result = audit(line(1, "A0427", d=D26, charge="9000.00"), facts={**SF, "setting": "inpatient"})
    assert result.benchmarks[1]["medicare"] is None


def test_a_ride_before_the_national_rates_is_priced_by_its_year_s_file(tmp_path):
    early = tmp_path / "AFS2023_PUF_ext.csv"
    early.write_text(AFS.read_text())
    import_release("ambulance", early)
    result = audit(line(1, "A0427", d=date(2023, 6, 1), charge="9000.00"), facts=SF)
    b = result.benchmarks[1]
    assert b["medicare"] == float(super_rural("A0427", "05")) and "(CY 2023," in b["yardstick"]
    assert b["no_yardstick"] is None


def test_an_air_ride_has_no_national_rates_but_is_priced_by_the_locality_s_file(tmp_path):
    # an air row as the file's layout holds one (amounts made up for the test: the law data has no air rates)
    head = AFS.read_text().splitlines()[0]
    air = tmp_path / "AFS2026_PUF_air.csv"
    air.write_text(head + "\n01112,05,A0431,,,n/a,\"$4,000.00\",\"$6,000.00\",n/a,n/a\n"
                   "01112,05,A0436,,,n/a,$25.00,$37.50,n/a,n/a\n")
    import_release("ambulance", air, effective=date(2026, 2, 1))  # a later release of the year: the CSV's rows go
    result = audit(line(1, "A0431", d=D26, charge="40000.00"), line(2, "A0436", d=D26, units=10, charge="900.00"),
                   facts=SF)
    assert (result.benchmarks[1]["medicare"], result.benchmarks[2]["medicare"]) == (6000.0, 375.0)  # rural: the highest
    assert result.benchmarks[1]["no_yardstick"] is None
    national = audit(line(1, "A0431", d=D26, charge="40000.00"), facts={"setting": "professional"})
    assert national.benchmarks[1]["medicare"] is None and "air ambulance" in national.benchmarks[1]["no_yardstick"]
