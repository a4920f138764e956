"""The CY 2023 yardsticks shipped for issue 17 (bills reach collections 1-3 years after care): a 2023 line is priced
by its own year's release, each expected amount computed here from that release's shipped rows (SOURCES.md says
where each file came from); the day before 2023 takes CY 2022's rate."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from billadvocate.audit import audit_bills
from billadvocate.model import Bill, Line
from billadvocate.reference.importer import import_release
from billadvocate.reference.store import SHIPPED_DIR
from billadvocate.reference.yardstick_files import month_year
from tests.shipped_releases import release, shipped

SENTARA = Path(__file__).parents[1] / "fixtures" / "ingest" / "ocr_parsed.json"


def audited(lines: list[Line], **facts):
    return audit_bills([Bill(source="b.csv", lines=lines)], facts=facts or None, as_of=date(2026, 11, 28))


def one(code, d, rev, charge="5000.00", units=1):
    return Line(line=1, date=d, code=code, description=f"service {code}", units=Decimal(units),
                charge=Decimal(charge), revenue_code=rev)


def test_the_cy_2023_addendum_b_names_its_cms_file_and_public_copy():
    r = release("opps", "2023-01-01")
    assert "January 2023" in r["source"] and "2023_January_Web_Addendum_B.12212022.xlsx" in r["source"]
    assert "softek/CMS.HCPCS @b0e22c2d" in r["source"]
    assert r["licence"].startswith("US government work") and "no AMA descriptors" in r["licence"]
    columns = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{SHIPPED_DIR / r['file']}')").fetchall()
    assert [c[0] for c in columns] == ["hcpcs", "status_indicator", "apc", "payment_rate"]  # no descriptor


@pytest.mark.parametrize("d", [date(2023, 1, 1), date(2023, 12, 31)])
@pytest.mark.parametrize("code,rev", [("99285", "0450"), ("74177", "0350"), ("70450", "0351")])
def test_a_2023_outpatient_line_is_priced_at_the_cy_2023_addendum_b_rate(code, rev, d):
    # the January workbook is the CY 2023 schedule and prices the whole year (store.py CALENDAR_YEAR)
    rate = shipped("opps", "2023-01-01", f"hcpcs = '{code}'", "payment_rate")
    assert rate != shipped("opps", "2024-01-01", f"hcpcs = '{code}'", "payment_rate")  # the year's own rate
    result = audited([one(code, d, rev)])
    b = result.benchmarks[1]
    assert b["medicare"] == pytest.approx(rate, abs=0.005) and b["basis"] == "medicare"
    assert "BILL.PRICE_OUTLIER" in [f.rule for f in result.findings]  # $5,000 is far above each


def test_the_sentara_statement_of_november_2023_has_its_ct_and_er_lines_priced():
    # the lines of the real scanned Sentara statement as the OCR reads them (tests/fixtures/ingest), dated
    # 2023-11-10 as its remittance page dates them (`audit BILL.pdf --eob BILL.pdf`): the CT scans, the repair and
    # the ER visit now have a 2023 yardstick
    parsed = json.loads(SENTARA.read_text())["sentara-bill"]["lines"]
    d = date(2023, 11, 10)
    lines = [Line(line=p["line"], date=d, code=p["code"], description=p["description"], units=Decimal(p["units"]),
                  charge=Decimal(str(p["charge"])), revenue_code=p["revenue_code"]) for p in parsed]
    result = audited(lines)
    for p in parsed:
        if p["code"] in ("70486", "72126", "70450", "99284", "12011"):
            rate = shipped("opps", "2023-01-01", f"hcpcs = '{p['code']}'", "payment_rate")
            b = result.benchmarks[p["line"]]
            assert b["medicare"] == pytest.approx(rate, abs=0.005) and b["basis"] == "medicare", p
    assert not [n for n in result.notes if n.startswith("No Medicare price to compare for line 3")]


def test_the_day_before_cy_2023_takes_the_cy_2022_rate_not_2023s():
    # since the CY 2019-2022 workbooks are shipped (test_shipped_opps_history.py has the line before the earliest)
    result = audited([one("99285", date(2022, 12, 31), "0450")])
    b = result.benchmarks[1]
    assert b["basis"] == "medicare"
    assert b["medicare"] == pytest.approx(shipped("opps", "2022-01-01", "hcpcs = '99285'", "payment_rate"), abs=0.005)
    assert b["medicare"] != pytest.approx(shipped("opps", "2023-01-01", "hcpcs = '99285'", "payment_rate"), abs=0.005)


def test_cms_addendum_b_workbook_is_read_by_data_import(tmp_path, monkeypatch):
    # CMS publishes Addendum B as .xlsx too (the CY 2023 copy found is only that): `data import opps FILE.xlsx`
    # reads it as it reads the CSV, and its name '2023_January_...' gives the start
    import openpyxl

    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path / "home"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2023 January Addendum B"
    ws.append([None, "Addendum B.- OPPS Payment by HCPCS Code for CY 2023"])
    ws.append(["HCPCS Code", "Short Descriptor", " SI", "APC ", "Relative Weight ", "Payment Rate",
               "National Unadjusted Copayment "])
    ws.append(["99285", "", "J2", "5025", 6.4043, 548.11, None])
    ws.append([70450, "", "Q3", 5522, 1.2488, 106.88, None])  # numbers as Excel keeps some codes
    ws.append(["90371", "", "K", "1630", None, 128.051, None])
    ws.append(["0001F", "", "E1", None, None, None, None])
    path = tmp_path / "2023_January_Web_Addendum_B.12212022.xlsx"
    wb.save(path)
    (r,) = import_release("opps", path)
    assert r.effective_from == date(2023, 1, 1) and r.rows == 4
    rows = duckdb.sql(f"SELECT * FROM read_parquet('{r.file}') ORDER BY hcpcs").fetchall()
    assert rows == [("0001F", "E1", None, None), ("70450", "Q3", "5522", 106.88), ("90371", "K", "1630", 128.051),
                    ("99285", "J2", "5025", 548.11)]


@pytest.mark.parametrize("name,start", [
    ("2023_January_Web_Addendum_B.12212022.xlsx", date(2023, 1, 1)),
    ("2023_october_web_addendum_b.csv", date(2023, 10, 1)),
    ("January_Web_2024_Addendum_B.04.24.24.csv", date(2024, 1, 1)),
    ("section 508 version of APR 2025 ASP Pricing File 032725.csv", date(2025, 4, 1)),
    ("CLFS 2025 Q2V1.csv", date(2025, 4, 1)),
    ("Addendum B.12212022.csv", None),
])
def test_a_cms_file_name_gives_its_month(name, start):
    assert month_year(name) == start


@pytest.mark.parametrize("kind,fixture", [("clfs", "CLFS 2025 Q2V1.csv"), ("dmepos", "DMEPOS_JAN.csv")])
def test_the_cms_workbook_of_a_lab_or_equipment_schedule_imports_as_its_csv_does(kind, fixture, tmp_path, monkeypatch):
    # the same rows saved as the .xlsx CMS posts beside the CSV (amounts as Excel numbers): the same table
    import csv

    import openpyxl

    from billadvocate.reference.cms_files import _decode

    source = Path(__file__).parent / "fixtures" / fixture
    wb = openpyxl.Workbook()
    for row in csv.reader(_decode(source.read_bytes()).splitlines()):
        wb.active.append([float(c) if re.fullmatch(r"\d+\.\d+", c) else c for c in row])
    xlsx = tmp_path / source.with_suffix(".xlsx").name
    wb.save(xlsx)
    tables = []
    for n, path in enumerate((source, xlsx)):
        monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path / f"home{n}"))
        (r,) = import_release(kind, path)
        tables.append((r.effective_from, duckdb.sql(f"SELECT * FROM read_parquet('{r.file}') ORDER BY ALL").fetchall()))
    assert tables[0] == tables[1] and tables[0][1]
