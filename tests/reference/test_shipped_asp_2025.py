"""Every 2025 quarter's drug line is priced by that quarter's ASP file (issue 17): April and July 2025 were shipped
after January and October, so a line of April-September 2025 no longer takes January's limits. Each expected amount
is computed here from the shipped rows."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import duckdb
import pytest

from billadvocate.audit import audit_bills
from billadvocate.model import Bill, Line
from billadvocate.reference.store import SHIPPED_DIR

MANIFEST = json.loads((SHIPPED_DIR / "manifest.json").read_text())["releases"]
QUARTERS = [("2025-01-01", date(2025, 1, 1), date(2025, 3, 31)), ("2025-04-01", date(2025, 4, 1), date(2025, 6, 30)),
            ("2025-07-01", date(2025, 7, 1), date(2025, 9, 30)), ("2025-10-01", date(2025, 10, 1), date(2025, 12, 31))]


def limit(start: str, code: str) -> float:
    (r,) = [r for r in MANIFEST if r["table"] == "asp" and r["effective_from"] == start]
    ((value,),) = duckdb.sql(f"SELECT payment_limit FROM read_parquet('{SHIPPED_DIR / r['file']}') "
                             f"WHERE hcpcs = '{code}'").fetchall()
    return value


def medicare(code: str, d: date, units: int) -> float | None:
    bill = Bill(source="b.csv", lines=[Line(line=1, date=d, code=code, description="drug", units=Decimal(units),
                                            charge=Decimal("90.00"), revenue_code="0636")])
    return audit_bills([bill], as_of=date(2026, 11, 28)).benchmarks[1]["medicare"]


def test_the_april_and_july_2025_files_name_their_period_and_public_copy():
    for start, end, commit in [("2025-04-01", "2025-06-30", "@f9df3be2"), ("2025-07-01", "2025-09-30", "@8dd5ac41")]:
        (r,) = [r for r in MANIFEST if r["table"] == "asp" and r["effective_from"] == start]
        assert r["effective_to"] == end and f"QuicksortRx/universal-med-ids {commit}" in r["source"]


@pytest.mark.parametrize("start,first,last", QUARTERS, ids=[q[0] for q in QUARTERS])
def test_a_2025_drug_is_priced_by_the_asp_file_of_its_quarter(start, first, last):
    # J1885 (ketorolac, per 15 mg) moved every quarter of 2025, so the quarter chosen shows in the amount
    limits = {s: limit(s, "J1885") for s, *_ in QUARTERS}
    assert len(set(limits.values())) == 4
    for d in (first, last):
        assert medicare("J1885", d, 2) == pytest.approx(round(2 * limits[start], 2), abs=0.005), d
