"""The OPPS Addendum B releases of CY 2019-2022 shipped for issue 17 (bills reach collections and credit reports
2-7 years after care): each January workbook prices its calendar year's outpatient lines, each expected amount
computed here from that release's shipped rows (SOURCES.md says where each file came from and how its rates were
checked); a line dated before the earliest release stays unjudged, with its note."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import duckdb
import pytest

from billadvocate.audit import audit_bills
from billadvocate.model import Bill, Line
from billadvocate.reference.store import SHIPPED_DIR

MANIFEST = json.loads((SHIPPED_DIR / "manifest.json").read_text())["releases"]
YEARS = {2019: "january_2019_opps_web_addendum_b.12312018.xlsx",
         2020: "January 2020 Addendum B CORRECTION.02042020.xlsx",
         2021: "2021_January_Web_Addendum_B.12.29.20.xlsx",
         2022: "January_2022_Web_Addendum_B.01.10.22.xlsx"}
SHIPPED_YEARS = sorted(y for y in YEARS if any(r["table"] == "opps" and r["effective_from"] == f"{y}-01-01"
                                               for r in MANIFEST))
CODES = [("99285", "0450"), ("74177", "0350"), ("70450", "0351")]


def release(year: int) -> dict:
    (r,) = [r for r in MANIFEST if r["table"] == "opps" and r["effective_from"] == f"{year}-01-01"]
    return r


def rate(year: int, code: str) -> float:
    file = SHIPPED_DIR / release(year)["file"]
    ((value,),) = duckdb.sql(f"SELECT payment_rate FROM read_parquet('{file}') WHERE hcpcs = '{code}'").fetchall()
    return value


def audited(code: str, d: date, rev: str):
    line = Line(line=1, date=d, code=code, description=f"service {code}", units=Decimal(1),
                charge=Decimal("5000.00"), revenue_code=rev)
    return audit_bills([Bill(source="b.csv", lines=[line])], as_of=date(2026, 11, 28))


def test_the_shipped_years_are_the_most_recent_first():
    # shipped 2022 first, then back a year at a time: no gap between a shipped year and CY 2023
    assert SHIPPED_YEARS and SHIPPED_YEARS == list(range(2023 - len(SHIPPED_YEARS), 2023))


@pytest.mark.parametrize("year", SHIPPED_YEARS)
def test_each_release_names_its_cms_workbook_public_copy_and_licence(year):
    r = release(year)
    assert f"January {year}" in r["source"] and YEARS[year] in r["source"]
    assert "softek/CMS.HCPCS @b0e22c2d" in r["source"]
    assert r["licence"].startswith("US government work") and "no AMA descriptors" in r["licence"]
    columns = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{SHIPPED_DIR / r['file']}')").fetchall()
    assert [c[0] for c in columns] == ["hcpcs", "status_indicator", "apc", "payment_rate"]  # no descriptor
    ((count,),) = duckdb.sql(f"SELECT count(*) FROM read_parquet('{SHIPPED_DIR / r['file']}')").fetchall()
    assert r["rows"] == count


@pytest.mark.parametrize("year", SHIPPED_YEARS)
@pytest.mark.parametrize("code,rev", CODES)
def test_a_line_is_priced_at_its_own_years_rate_on_the_first_and_last_day(year, code, rev):
    # the January workbook is the year's schedule and prices the whole year (store.py CALENDAR_YEAR)
    assert rate(year, code) != rate(year + 1, code)  # each year's own rate, not the next year's
    for d in (date(year, 1, 1), date(year, 12, 31)):
        result = audited(code, d, rev)
        b = result.benchmarks[1]
        assert b["medicare"] == pytest.approx(rate(year, code), abs=0.005) and b["basis"] == "medicare", d
        assert "BILL.PRICE_OUTLIER" in [f.rule for f in result.findings]  # $5,000 is far above each


def test_a_line_before_the_earliest_shipped_year_stays_unjudged_with_its_note():
    first = date(min(SHIPPED_YEARS), 1, 1)
    result = audited("99285", first - timedelta(days=1), "0450")
    b = result.benchmarks[1]
    assert b["medicare"] is None and b["basis"] == "medicare_later"
    assert b["no_yardstick"].startswith(f"dated before {first.isoformat()}, the start of the earliest Medicare "
                                        "outpatient")
    assert not [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert b["medicare_later"] == pytest.approx(rate(first.year, "99285"), abs=0.005)  # the earliest year's rates
