"""The CY 2024 lab and equipment schedules shipped for issue 17: a 2024 line is priced by its own year's release, each
expected amount computed here from that release's shipped rows (SOURCES.md says where each file came from)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from billadvocate.audit import audit_bills
from billadvocate.model import Bill, Line
from billadvocate.reference.importer import import_release
from billadvocate.reference.store import SHIPPED_DIR
from tests.shipped_releases import release, shipped

FIXTURES = Path(__file__).parent / "fixtures"



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


def test_the_cy_2024_dmepos_names_its_cms_file_and_public_copy():
    r = release("dmepos", "2024-10-01")
    assert r["effective_to"] == "2024-12-31" and "DME24-D" in r["source"] and "DMEPOS_OCT" in r["source"]
    assert "AlluguriSrikrishnateja/DME-Fee-Flow @4f22aac6" in r["source"]


@pytest.mark.parametrize("d", [date(2024, 1, 1), date(2024, 8, 9), date(2024, 12, 31)])
@pytest.mark.parametrize("code,mod", [("E0114", "NU"), ("K0001", "RR")])
def test_a_2024_equipment_line_is_priced_at_the_cy_2024_fee_for_its_state(code, mod, d):
    # the higher of the state's non-rural and rural fee: whether the patient lives in a rural ZIP is not known
    where = f"hcpcs = '{code}' AND state = 'CO' AND modifier = '{mod}'"
    higher = "greatest(fee_nonrural, coalesce(fee_rural, 0))"
    fee = shipped("dmepos", "2024-10-01", where, higher)
    assert fee != shipped("dmepos", "2025-01-01", where, higher)  # the year's own fee
    b, rules = judged(code, d, mods=[mod], charge="900.00", setting="professional", state="CO")
    assert b["medicare"] == pytest.approx(fee, abs=0.005) and b["basis"] == "medicare"
    assert b["yardstick"] == "the Medicare DMEPOS fee schedule for CO"
    assert "BILL.PRICE_OUTLIER" in rules


def test_the_january_2024_dmepos_file_has_the_fees_the_shipped_october_file_prices_january_with(tmp_path, monkeypatch):
    # rows of CMS's DMEPOS_JAN.csv of DME24-A (same public copy, extracted/dme24/): imported through `data import`,
    # each (code, modifiers, state) fee equals the shipped October 2024 row that prices January to September
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    (r,) = import_release("dmepos", FIXTURES / "dme24" / "DMEPOS_JAN.csv")
    assert r.effective_from == date(2024, 1, 1)
    october = SHIPPED_DIR / release("dmepos", "2024-10-01")["file"]
    rows = duckdb.sql(f"""SELECT j.fee_nonrural, j.fee_rural, o.fee_nonrural, o.fee_rural
        FROM read_parquet('{r.file}') j LEFT JOIN read_parquet('{october}') o ON j.hcpcs = o.hcpcs AND j.state = o.state
        AND j.modifier IS NOT DISTINCT FROM o.modifier AND j.modifier2 IS NOT DISTINCT FROM o.modifier2""").fetchall()
    assert len(rows) == r.rows > 100
    assert all(jn == on and jr == orr for jn, jr, on, orr in rows)
