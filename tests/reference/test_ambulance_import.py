"""`data import ambulance`: the CMS Ambulance Fee Schedule public use file, as CSV, as the American Ambulance
Association's reformatted .xlsx, and as CMS's ZIP (a tab-separated TXT, or only a workbook); a file without the
needed headers is refused with one line. The fixture is built in the documented layout from our own law data
(fixtures/ambulance/README.md), not CMS's file."""

from __future__ import annotations

import csv
import zipfile
from datetime import date
from pathlib import Path

import pytest

from billadvocate.errors import BadInput
from billadvocate.reference.importer import import_release, status

AFS = Path(__file__).parent / "fixtures" / "ambulance" / "AFS2026_PUF_ext.csv"


def _rows() -> list[list[str]]:
    with open(AFS, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def _money(text: str) -> float | None:
    return None if text == "n/a" else float(text.replace("$", "").replace(",", ""))


EXPECTED = {(r[0], r[1], r[2]): (_money(r[6]), _money(r[7]), _money(r[8]), _money(r[9])) for r in _rows()[1:]}


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _imported(release) -> dict:
    import pyarrow.parquet as pq

    t = pq.read_table(release.file).to_pylist()
    return {(r["carrier"], r["locality"], r["hcpcs"]): (r["urban_rate"], r["rural_rate"], r["lowest_quartile_rate"],
                                                        r["rural_first_miles_rate"]) for r in t}


def test_the_csv_takes_its_calendar_year_from_the_cms_name_and_keeps_every_rate(home):
    (r,) = import_release("ambulance", AFS)
    assert (r.table, r.effective_from, r.effective_to, r.rows) == ("ambulance_fee", date(2026, 1, 1), date(2026, 12, 31), 8)
    assert _imported(r) == EXPECTED  # '$1,219.99' -> 1219.99, 'n/a' -> none
    listed = [s for s in status(date(2026, 6, 1)) if s["table"] == "ambulance_fee"]
    assert listed and listed[0]["origin"] == "imported" and "Ambulance Fee Schedule" in listed[0]["source"]


def test_the_association_s_xlsx_with_its_headings_column_and_region_rows_reads_the_same_rates(home, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    head, *rows = _rows()
    ws.append(["Ambulance Fee Schedule CY 2026"])
    ws.append([h.lower() if i == 2 else h for i, h in enumerate(head[:2] + ["State/Local Headings"] + head[2:])])
    ws.append(["Northern California"])  # a region's name between carriers, the other cells empty
    for row in rows:  # Excel keeps numbers: the carrier and locality lose their leading zeros
        ws.append([int(row[0]), int(row[1]), "San Francisco" if row[1] == "05" else "Fresno", *row[2:]])
    f = tmp_path / "AFS2026_PUF_AAA.xlsx"
    wb.save(f)
    (r,) = import_release("ambulance", f)
    assert r.effective_from == date(2026, 1, 1) and _imported(r) == EXPECTED


def test_cms_zip_is_read_from_its_tab_separated_txt(home, tmp_path):
    z = tmp_path / "afs2026_puf_ext.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("508-compliant-version-of-AFS2026_PUF_ext.txt", "\r\n".join("\t".join(r) for r in _rows()))
        f.writestr("AFS2026_PUF_ext.pdf", b"%PDF-1.4")
    (r,) = import_release("ambulance", z)
    assert r.effective_from == date(2026, 1, 1) and _imported(r) == EXPECTED


def test_a_zip_holding_only_the_workbook_is_read_from_it(home, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    for row in _rows():
        wb.active.append(row)
    book = tmp_path / "AFS2026_PUF_ext.xlsx"
    wb.save(book)
    z = tmp_path / "rates.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.write(book, book.name)
    (r,) = import_release("ambulance", z)  # the year from the workbook's name inside
    assert r.effective_from == date(2026, 1, 1) and _imported(r) == EXPECTED


def test_a_file_with_no_year_in_its_name_asks_for_effective(home, tmp_path):
    f = tmp_path / "rates.csv"
    f.write_text(AFS.read_text())
    with pytest.raises(BadInput, match="give --effective"):
        import_release("ambulance", f)
    (r,) = import_release("ambulance", f, effective=date(2025, 1, 1))
    assert r.effective_from == date(2025, 1, 1)


def test_the_cli_refuses_a_file_without_the_rate_headers_in_one_line_and_writes_nothing(home, tmp_path, cli):
    head, *rows = _rows()
    bad = tmp_path / "AFS2026_PUF_ext.csv"
    bad.write_text("\n".join(",".join(r[:7]) for r in [head, *rows]) + "\n")  # the rural columns left out
    r = cli("data", "import", "ambulance", bad, env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1, r.err
    assert str(bad) in r.err and ("no RURAL BASE RATE / RURAL MILEAGE, RURAL BASE RATE / LOWEST QUARTILE, "
                                  "RURAL GROUND MILES 1-17 column") in r.err
    assert not (home / "reference" / "manifest.json").exists()
    r = cli("data", "import", "ambulance", AFS, "--json", env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 0, r.err
    assert r.json()["imported"][0]["table"] == "ambulance_fee"


@pytest.mark.parametrize("cell,words", [("$7x0.22", "'$7x0.22' is not an amount (RURAL BASE RATE / RURAL MILEAGE)"),
                                        ("ALS", None)])
def test_a_bad_cell_is_refused_with_its_line(home, tmp_path, cli, cell, words):
    head, *rows = _rows()
    rows[1] = list(rows[1])
    if words:
        rows[1][7] = cell
    else:
        rows[1][0] = cell
        words = "'ALS' is not a CONTRACTOR/CARRIER number"
    bad = tmp_path / "AFS2026_PUF_ext.csv"
    bad.write_text("\n".join(",".join(f'"{c}"' for c in r) for r in [head, *rows]) + "\n")
    r = cli("data", "import", "ambulance", bad, env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1, r.err
    assert "line 3" in r.err and words in r.err
