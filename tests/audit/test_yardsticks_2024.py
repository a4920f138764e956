"""A line of 2024 is priced by the CY 2024 release of its schedule (issue 17), each value computed here from that
release's shipped rows: the OPPS Addendum B of January 2024 for the whole year, and each quarter's ASP file for
its own quarter (the day before a quarter starts takes the quarter before). SOURCES.md says where each came from."""

from __future__ import annotations

from datetime import date

import pytest

from tests.shipped_releases import release, shipped

from .support import audit, line



def test_the_cy_2024_releases_name_their_cms_file_and_public_copy():
    opps = release("opps", "2024-01-01")
    # the January file's own quarter; with no later 2024 Addendum B shipped it prices the year (store.py)
    assert opps["effective_to"] == "2024-03-31" and "January 2024" in opps["source"] and "@12210a88" in opps["source"]
    for start, end in [("2024-01-01", "2024-03-31"), ("2024-04-01", "2024-06-30"), ("2024-07-01", "2024-09-30"),
                       ("2024-10-01", "2024-12-31")]:
        asp = release("asp", start)
        assert asp["effective_to"] == end and "QuicksortRx/universal-med-ids @" in asp["source"]
        assert asp["licence"].startswith("US government work")


@pytest.mark.parametrize("d", [date(2024, 1, 1), date(2024, 6, 15), date(2024, 12, 31)])
def test_a_2024_er_visit_is_priced_at_the_cy_2024_opps_rate_of_its_apc(d):
    rate, apc = (shipped("opps", "2024-01-01", "hcpcs = '99284'", c) for c in ("payment_rate", "apc"))
    assert rate != shipped("opps", "2025-01-01", "hcpcs = '99284'", "payment_rate")  # the year's own rate
    result = audit(line(1, "99284", d=d, charge="2000.00", rev="0450"))
    b = result.benchmarks[1]
    assert b["medicare"] == pytest.approx(rate, abs=0.005) and b["basis"] == "medicare"
    assert b["yardstick"] == f"the Medicare outpatient hospital payment for APC {apc} (national, unadjusted)"
    assert [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]  # $2,000 is far above it


def test_the_first_day_of_2025_takes_the_cy_2025_opps_rate():
    result = audit(line(1, "99284", d=date(2025, 1, 1), charge="2000.00", rev="0450"))
    assert result.benchmarks[1]["medicare"] == pytest.approx(
        shipped("opps", "2025-01-01", "hcpcs = '99284'", "payment_rate"), abs=0.005)


QUARTERS = [("2024-01-01", date(2024, 1, 1), date(2024, 3, 31)), ("2024-04-01", date(2024, 4, 1), date(2024, 6, 30)),
            ("2024-07-01", date(2024, 7, 1), date(2024, 9, 30)), ("2024-10-01", date(2024, 10, 1), date(2024, 12, 31))]


@pytest.mark.parametrize("start,first,last", QUARTERS, ids=[q[0] for q in QUARTERS])
def test_a_2024_drug_is_priced_by_the_asp_file_of_its_quarter(start, first, last):
    # J1885 (ketorolac, per 15 mg): its limit moved every quarter of 2024, so the quarter chosen shows
    limits = {s: shipped("asp", s, "hcpcs = 'J1885'", "payment_limit") for s, *_ in QUARTERS}
    assert len(set(limits.values())) == 4
    for d in (first, last):
        b = audit(line(1, "J1885", d=d, units=2, charge="40.00", rev="0636")).benchmarks[1]
        assert b["medicare"] == pytest.approx(round(limits[start] * 2, 2), abs=0.005), d
        assert b["yardstick"] == "the Medicare Part B drug payment limit (ASP) per 15 mg"
