"""The CY 2024 lab and equipment schedules shipped for issue 17: a 2024 line is priced by its own year's release, each
expected amount computed here from that release's shipped rows (SOURCES.md says where each file came from)."""

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


def release(table: str, start: str) -> dict:
    (r,) = [r for r in MANIFEST if r["table"] == table and r["effective_from"] == start]
    return r


def shipped(table: str, start: str, where: str, column: str):
    file = SHIPPED_DIR / release(table, start)["file"]
    ((value,),) = duckdb.sql(f"SELECT {column} FROM read_parquet('{file}') WHERE {where}").fetchall()
    return value


def judged(code, d, units=1, charge="500.00", rev=None, mods=(), **facts):
    bill = Bill(source="b.csv", lines=[Line(line=1, date=d, code=code, description=f"service {code}",
                                            units=Decimal(units), charge=Decimal(charge), revenue_code=rev,
                                            modifiers=list(mods))])
    result = audit_bills([bill], facts=facts or None, as_of=date(2026, 11, 28))
    return result.benchmarks[1], [f.rule for f in result.findings]


def test_the_cy_2024_clfs_names_its_cms_file_and_public_copy():
    r = release("clfs", "2024-10-01")
    assert r["effective_to"] == "2024-12-31" and "24CLABQ4" in r["source"]
    assert "supri-7815/CMS_FeeSchedule_Automation @c26c9b97" in r["source"]
    assert r["licence"].startswith("US government work") and "no AMA descriptors" in r["licence"]


@pytest.mark.parametrize("d", [date(2024, 1, 1), date(2024, 5, 20), date(2024, 12, 31)])
@pytest.mark.parametrize("code", ["85025", "36415"])
def test_a_2024_lab_test_is_priced_at_the_cy_2024_national_limit(code, d):
    # the October file is the CY 2024 schedule and prices the whole year (store.py CALENDAR_YEAR)
    rate = shipped("clfs", "2024-10-01", f"hcpcs = '{code}' AND modifier IS NULL", "rate")
    b, rules = judged(code, d, units=2, rev="0300")
    assert b["medicare"] == pytest.approx(round(2 * rate, 2), abs=0.005) and b["basis"] == "medicare"
    assert b["yardstick"] == "the Medicare Clinical Laboratory Fee Schedule national limit"
    assert "BILL.PRICE_OUTLIER" in rules  # $500 for two is far above it


def test_the_venipuncture_fee_of_2024_is_not_2025s():
    # the specimen collection fee is raised every January: the year chosen shows in the amount
    r24 = shipped("clfs", "2024-10-01", "hcpcs = '36415' AND modifier IS NULL", "rate")
    r25 = shipped("clfs", "2025-01-01", "hcpcs = '36415' AND modifier IS NULL", "rate")
    assert r24 < r25
    assert judged("36415", date(2024, 12, 31), rev="0300")[0]["medicare"] == pytest.approx(r24, abs=0.005)
    assert judged("36415", date(2025, 1, 1), rev="0300")[0]["medicare"] == pytest.approx(r25, abs=0.005)


def test_a_2023_lab_test_is_still_not_judged_by_the_2024_schedule():
    b, rules = judged("85025", date(2023, 12, 31), rev="0300")
    assert b["medicare"] is None and b["basis"] == "medicare_later" and "BILL.PRICE_OUTLIER" not in rules
