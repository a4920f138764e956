"""`data import opps-wage-index` on rows of the CMS OPPS Pricer's cbsa-wage-index-2026.csv (its own
layout), and a bad file refused in one line with exit 2."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from billadvocate.audit import audit_bills
from billadvocate.errors import BadInput
from billadvocate.model import Bill, Line
from billadvocate.reference.importer import import_release

FIXTURES = Path(__file__).parent / "fixtures"
WAGE_2026 = FIXTURES / "cbsa-wage-index-2026.csv"  # seven rows of the CY 2026 file, unchanged


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    return tmp_path


def er_visit(d: date):
    bill = Bill(source="b", lines=[Line(line=1, date=d, code="99284", units=Decimal(1), charge=Decimal("1320"),
                                        revenue_code="0450")])
    result = audit_bills([bill], facts={"provider_ccn": "450015"}, as_of=date(2026, 11, 28))
    return result.benchmarks[1]


def test_a_years_wage_index_imports_for_its_calendar_year_and_prices_that_years_lines(home):
    (r,) = import_release("opps-wage-index", WAGE_2026)
    assert (r.table, r.effective_from, r.effective_to, r.rows) == ("opps_wage_index", date(2026, 1, 1),
                                                                   date(2026, 12, 31), 7)
    later = er_visit(date(2026, 3, 2))  # Dallas-Plano-Irving 0.9292 in the CY 2026 row
    assert "(CY 2026 wage index 0.9292)" in later["yardstick"]
    assert later["medicare"] == round(425.82 * (0.6 * 0.9292 + 0.4), 2)
    assert "(CY 2025 wage index" in er_visit(date(2025, 3, 2))["yardstick"]  # the shipped year still applies


@pytest.mark.parametrize("content, words", [
    ("cbsa,name\n19124,Dallas\n", "no header row with cbsa, effectivedate"),
    ("cbsa,effectiveDate,geographicWageIndex,imputedFloorWageIndex\n1912,20260101,0.9,0\n", "is not a CBSA code"),
    ("cbsa,effectiveDate,geographicWageIndex,imputedFloorWageIndex\n19124,2026-01-01,0.9,0\n", "is not a date"),
    ("cbsa,effectiveDate,geographicWageIndex,imputedFloorWageIndex\n19124,20260101,high,0\n", "is not a wage index"),
    ("cbsa,effectiveDate,geographicWageIndex,imputedFloorWageIndex\n19124,20260101,0.9,0\n19124,20260101,0.9,0\n",
     "appears twice"),
    ("cbsa,effectiveDate,geographicWageIndex,imputedFloorWageIndex\n19124,20260101,0.9,0\n45,20250101,0.9,0\n",
     "more than one effectiveDate"),
])
def test_a_bad_wage_index_file_is_refused_in_one_line_and_nothing_is_written(home, tmp_path, cli, content, words):
    f = tmp_path / "cbsa-wage-index-2026.csv"
    f.write_text(content)
    with pytest.raises(BadInput, match=words):
        import_release("opps-wage-index", f)
    r = cli("data", "import", "opps-wage-index", f, env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 2 and words in r.err and len(r.err.strip().splitlines()) == 1
    assert not (home / "reference" / "manifest.json").exists()
