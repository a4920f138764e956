"""`data import opps|clfs|asp|dmepos` on rows of the real CMS files (descriptors blanked), and `data status`."""

from __future__ import annotations

import csv
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from billadvocate.audit import audit_bills
from billadvocate.errors import BadInput
from billadvocate.model import Bill, Line
from billadvocate.reference.importer import import_release, status

FIXTURES = Path(__file__).parent / "fixtures"
YARDSTICKS = ("opps", "clfs", "asp", "dmepos")
ADDENDUM_B = FIXTURES / "508 version of October 2025 Web Addendum B.10.31.25.csv"
ASP = FIXTURES / "section 508 version of Oct 2025 ASP Pricing File 091725.csv"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    return tmp_path


def medicare(code, d, setting="outpatient", units=1, **facts):
    bill = Bill(source="b", lines=[Line(line=1, date=d, code=code, units=Decimal(units), charge=Decimal("5000"))])
    result = audit_bills([bill], facts={"setting": setting, **facts}, as_of=date(2026, 11, 28))
    return result.benchmarks[1]["medicare"], result.benchmarks[1]["yardstick"]


def test_an_addendum_b_release_takes_its_quarter_from_the_cms_name_and_applies_from_it(home):
    (r,) = import_release("opps", ADDENDUM_B)
    assert (r.table, r.effective_from, r.rows, r.origin) == ("opps", date(2025, 10, 1), 5, "imported")
    assert medicare("99284", date(2025, 11, 3)) == (425.82, "the Medicare outpatient hospital payment for APC 5024 "
                                                            "(national, unadjusted)")
    # the shipped January 2025 release still prices the dates before October
    assert medicare("99284", date(2025, 3, 2))[0] == 425.82
    assert medicare("G0378", date(2025, 11, 3)) == (None, None)  # status N: packaged


def test_an_asp_release_takes_its_period_from_the_file(home):
    (r,) = import_release("asp", ASP)
    assert (r.effective_from, r.effective_to) == (date(2025, 10, 1), date(2025, 12, 31))
    amount, name = medicare("J1100", date(2025, 11, 3), setting="professional", units=10)
    assert amount == 0.94 and name.endswith("per 1 mg")  # 10 x $0.094 (October 2025 limit)


def test_clfs_and_dmepos_releases_import_and_are_listed(home):
    (clfs,) = import_release("clfs", FIXTURES / "CLFS 2025 Q2V1.csv")
    (dme,) = import_release("dmepos", FIXTURES / "DMEPOS_JAN.csv")
    assert (clfs.effective_from, clfs.rows) == (date(2025, 4, 1), 4)
    assert dme.effective_from == date(2025, 1, 1) and dme.rows > 100  # E0114 x 3 modifiers x the states
    listed = {(s["table"], s["effective_from"], s["origin"]) for s in status(date(2026, 1, 1))}
    assert {("clfs", "2025-04-01", "imported"), ("dmepos", "2025-01-01", "imported"),
            ("opps", "2025-01-01", "shipped"), ("asp", "2025-01-01", "shipped")} <= listed
    assert medicare("85025", date(2025, 5, 1))[0] == 7.77


def test_the_clfs_zip_as_cms_publishes_it_is_read_from_its_csv(home, tmp_path):
    # 24CLABQ4.zip holds the schedule as CSV, as a '~'-separated TXT, as XLSX and as PDF: the CSV is the one read
    z = tmp_path / "24clabq4.zip"
    with zipfile.ZipFile(z, "w") as f:
        for name in ("CLFS 2024 Q4V1.csv", "CLFS 2024 Q4V1.txt"):
            f.write(FIXTURES / name, name)
        f.writestr("CLFS 2024 Q4V1.pdf", b"%PDF-1.4")
    (r,) = import_release("clfs", z)
    with open(FIXTURES / "CLFS 2024 Q4V1.csv", newline="", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f) if row[:1] == ["2024"]]
    (rate,) = [float(row[5]) for row in rows if row[1] == "85025" and not row[2]]
    assert (r.effective_from, r.rows) == (date(2024, 10, 1), len(rows))
    assert medicare("85025", date(2024, 11, 4), units=2)[0] == round(2 * rate, 2)


def test_every_shipped_yardstick_names_its_source_licence_and_period():
    rows = [s for s in status(date(2026, 1, 1)) if s["origin"] == "shipped" and s["table"] in YARDSTICKS]
    assert {s["table"] for s in rows} == set(YARDSTICKS)
    for r in rows:
        assert "github.com/" in r["source"] and "@" in r["source"]
        assert "US government work" in r["licence"] and "no AMA descriptors" in r["licence"]
        start, end = date.fromisoformat(r["effective_from"]), date.fromisoformat(r["effective_to"])
        assert start.day == 1 and start.month in (1, 4, 7, 10) and (end - start).days in (89, 90, 91)  # a quarter


def test_a_file_of_another_kind_is_refused_in_one_line_and_nothing_is_written(home):
    with pytest.raises(BadInput) as e:
        import_release("opps", ASP)
    assert "Addendum B" in str(e.value) and not (home / "reference").exists()


def test_an_addendum_b_without_a_quarter_asks_for_the_effective_date(home, tmp_path):
    plain = tmp_path / "addendum.csv"
    plain.write_bytes(ADDENDUM_B.read_bytes())
    with pytest.raises(BadInput, match="--effective"):
        import_release("opps", plain)
    (r,) = import_release("opps", plain, effective=date(2025, 7, 1))
    assert r.effective_from == date(2025, 7, 1)
