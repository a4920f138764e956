"""`billadvocate data import zip-locality`: the CMS ZIP code to carrier locality file (ZIP5), fixed-width,
.csv, .xlsx and zipped, its period from the Year/Quarter field, and a bad file refused naming the line
and the field. The fixtures' values and where they come from: fixtures/ZIP5_SOURCES.md."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from billadvocate.errors import BadInput
from billadvocate.reference.importer import import_release, status
from billadvocate.reference.zip_locality import quarter_period, read_zip_locality

FIXTURES = Path(__file__).parent / "fixtures"
ZIP5_TXT = FIXTURES / "ZIP5_JAN2025.txt"
ZIP5_CSV = FIXTURES / "ZIP5_JAN2025.csv"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def zip5_record(state="CA", zip_code="94103", carrier="01112", locality="05", rural=" ", plus_four="0",
                year_quarter="20251") -> str:
    """One 80-character record of ZIP5lyout.txt (1-based: state 1-2, ZIP 3-7, carrier 8-12, locality
    13-14, rural 15, lab CB locality 16-17, rural2 18, filler 19-20, plus four 21, Part B 23, YYYYQ 76-80)."""
    rec = f"{state}{zip_code}{carrier}{locality}{rural}{'':2}{'':1}{'':2}{plus_four} {'':1}{'':52}{year_quarter}"
    assert len(rec) == 80
    return rec


def put(record: str, first: int, last: int, text: str) -> str:
    """The record with positions first..last (1-based) replaced by text, padded to their width."""
    return record[:first - 1] + text.ljust(last - first + 1)[:last - first + 1] + record[last:]


def by_zip(table):
    return {r["zip"]: r for r in table.to_pylist()}


def test_the_fixed_width_file_reads_every_field_by_position():
    rows = by_zip(read_zip_locality(ZIP5_TXT))
    assert len(rows) == 10
    assert rows["94103"] == {"state": "CA", "zip": "94103", "carrier": "01112", "locality": "05", "rural": "",
                             "lab_cb_locality": "", "rural2": "", "plus_four": False, "part_b_indicator": "",
                             "year_quarter": "20251"}
    assert (rows["96101"]["locality"], rows["96101"]["rural"]) == ("75", "R")
    assert (rows["02108"]["state"], rows["02108"]["carrier"]) == ("MA", "14212")  # leading zero kept


def test_the_csv_edition_with_the_xlsx_headers_reads_the_same_rows():
    assert read_zip_locality(ZIP5_CSV).to_pylist() == read_zip_locality(ZIP5_TXT).to_pylist()


def test_headers_are_matched_whatever_their_case(tmp_path):
    f = tmp_path / "zips.csv"
    f.write_text("state,Zip Code,carrier,Locality,Rural Ind,Year/Qtr\nCA,94103,01112,05,,20251\n")
    assert read_zip_locality(f).to_pylist()[0]["locality"] == "05"


def test_the_xlsx_edition_pads_the_numbers_excel_stripped(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STATE", "ZIP CODE", "CARRIER", "LOCALITY", "RURAL IND", "LAB CB LOCALITY", "RURAL IND2",
               "PLUS FOUR FLAG", "PART B PAYMENT INDICATOR", "YEAR/QTR"])
    ws.append(["MA", 2108, 14212, 1, None, None, None, 0, None, 20251])  # Boston as Excel numbers
    ws.append(["CA", "94103", "01112", "05", None, None, None, "0", None, "20251"])  # as text
    f = tmp_path / "ZIP5_JAN2025.xlsx"
    wb.save(f)
    rows = by_zip(read_zip_locality(f))
    assert (rows["02108"]["carrier"], rows["02108"]["locality"]) == ("14212", "01")
    assert rows["94103"]["locality"] == "05"


def test_the_cms_zip_is_read_for_its_zip5_file_only(tmp_path):
    z = tmp_path / "ZIP_CODE_CARRIER_LOCALITY_JAN2025.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("ZIP5lyout.txt", "ZIP5 record layout\nState 1-2\n")
        f.writestr("ZIP9_JAN2025.txt", "not read\n")
        f.write(ZIP5_TXT, "ZIP5_JAN2025.txt")
    assert read_zip_locality(z).num_rows == 10


def test_an_import_takes_its_period_from_the_year_quarter_field(home):
    (r,) = import_release("zip-locality", ZIP5_TXT)
    assert (r.table, r.effective_from, r.effective_to, r.rows) == ("zip_locality", date(2025, 1, 1),
                                                                  date(2025, 3, 31), 10)
    assert "2025 Q1" in r.source and "ZIP5_JAN2025.txt" in r.source
    assert pq.read_table(r.file).num_rows == 10
    (row,) = [x for x in status(date(2026, 11, 28)) if x["table"] == "zip_locality"]
    assert (row["effective_from"], row["effective_to"], row["origin"]) == ("2025-01-01", "2025-03-31", "imported")
    assert row["stale"] is True  # a 2025 Q1 file seen on 2026-11-28


def test_the_quarter_of_year_quarter():
    assert quarter_period("20251") == (date(2025, 1, 1), date(2025, 3, 31))
    assert quarter_period("20244") == (date(2024, 10, 1), date(2024, 12, 31))


GOOD = zip5_record()


@pytest.mark.parametrize("line,words", [
    (put(GOOD, 3, 7, "9410"), "ZIP Code (positions 3-7) '9410' is not 5 digits"),
    (put(GOOD, 3, 7, "9410A"), "ZIP Code (positions 3-7) '9410A' is not 5 digits"),
    (put(GOOD, 13, 14, "5"), "Pricing Locality (positions 13-14) '5' is not 2 digits"),
    (put(GOOD, 8, 12, "0111X"), "Carrier (positions 8-12) '0111X' is not 5 digits"),
    (put(GOOD, 1, 2, "C1"), "State (positions 1-2) 'C1' is not a two-letter state code"),
    (put(GOOD, 15, 15, "X"), "Rural Indicator (position 15) 'X' is not blank, R or B"),
    (put(GOOD, 76, 80, "20255"), "Year/Quarter (positions 76-80) '20255' is not YYYYQ"),
    (GOOD[:75], "short record: 75 characters, the ZIP5 layout has 80"),
])
def test_a_bad_record_names_the_file_the_line_and_the_field_and_nothing_is_written(home, tmp_path, line, words):
    f = tmp_path / "ZIP5_JAN2025.txt"
    f.write_text(zip5_record(zip_code="94612") + "\n" + line + "\n")
    with pytest.raises(BadInput) as e:
        import_release("zip-locality", f)
    assert e.value.line().startswith(f"{f}: line 2: {words}")
    assert not (home / "reference" / "manifest.json").exists()


@pytest.mark.parametrize("content,words", [
    ("STATE,ZIP CODE,CARRIER,LOCALITY,YEAR/QTR\nMA,2108,14212,01,20251\n", "line 2: ZIP CODE '2108' is not 5 digits"),
    ("STATE,ZIP CODE,CARRIER,LOCALITY,YEAR/QTR\nCA,94103,01112,5,20251\n", "line 2: LOCALITY '5' is not 2 digits"),
    ("STATE,ZIP CODE,CARRIER,LOCALITY\nCA,94103,01112,05\n", "line 1: the header has no column for Year/Quarter"),
    ("NAME,ZIP\nx,94103\n", "no header row with STATE and ZIP CODE"),
    ("", "no ZIP code records found"),
])
def test_a_bad_csv_is_refused_the_same_way(home, tmp_path, content, words):
    f = tmp_path / "ZIP5_JAN2025.csv"
    f.write_text(content)
    with pytest.raises(BadInput) as e:
        import_release("zip-locality", f)
    assert words in e.value.line() and str(f) in e.value.line()
    assert not (home / "reference" / "manifest.json").exists()


def test_a_broken_workbook_is_one_line(home, tmp_path):
    f = tmp_path / "ZIP5_JAN2025.xlsx"
    f.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(BadInput, match="not a readable Excel workbook"):
        import_release("zip-locality", f)


def test_the_cli_imports_the_file_and_refuses_a_bad_one_with_exit_2(home, tmp_path, cli):
    bad = tmp_path / "ZIP5_APR2025.txt"
    bad.write_text(put(GOOD, 13, 14, "5") + "\n")
    r = cli("data", "import", "zip-locality", bad, env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1, r.err
    assert f"{bad}: line 1: Pricing Locality (positions 13-14) '5' is not 2 digits" in r.err
    assert not (home / "reference").exists() or not (home / "reference" / "manifest.json").exists()
    r = cli("data", "import", "zip-locality", ZIP5_TXT, "--json", env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 0, r.err
    (imported,) = r.json()["imported"]
    assert (imported["table"], imported["rows"], imported["effective_from"]) == ("zip_locality", 10, "2025-01-01")
