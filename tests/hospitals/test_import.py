"""`billadvocate data import hospitals`: both CMS layouts, the archive zip, and refused files."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from billadvocate.errors import BadInput
from billadvocate.hospitals import find, load
from billadvocate.hospitals.cms_file import read_hospital_file
from billadvocate.reference.importer import import_release, status
from tests.conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures"
OLD = FIXTURES / "hospital_general_information_2016_excerpt.csv"  # "Provider ID" layout, CR line ends, cp1252
NEW = FIXTURES / "hospital_general_information_2026_excerpt.csv"  # "Facility ID" layout, 38 columns


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    return tmp_path


def test_the_old_provider_id_layout_is_read():
    t = read_hospital_file(OLD)
    assert t.num_rows == 30
    first = t.slice(0, 1).to_pylist()[0]
    assert first == {"ccn": "010005", "name": "MARSHALL MEDICAL CENTER SOUTH", "address": "2505 U S HIGHWAY 431 NORTH",
                     "city": "BOAZ", "state": "AL", "zip": "35957", "type": "Acute Care Hospitals",
                     "ownership": "Government - Hospital District or Authority", "emergency": True}


def test_the_current_facility_id_layout_is_read():
    t = read_hospital_file(NEW)
    assert t.num_rows == 40
    assert t.slice(0, 1).to_pylist()[0]["name"] == "SOUTHEAST HEALTH MEDICAL CENTER"
    assert set(t.column("emergency").to_pylist()) <= {True, False}


def test_an_import_is_listed_and_the_newest_release_is_used(home):
    (r,) = import_release("hospitals", NEW, effective=date(2026, 11, 1))
    assert (r.table, r.rows, r.effective_from, r.origin) == ("hospitals", 40, date(2026, 11, 1), "imported")
    listed = [x for x in status() if x["table"] == "hospitals"]
    assert [(x["origin"], x["rows"]) for x in listed] == [("shipped", 5432), ("imported", 40)]
    d = load()
    assert len(d.rows) == 40 and d.label == "CMS Hospital General Information, 2026-11"
    assert load(as_of=date(2026, 6, 1)).release.origin == "shipped"  # a review as of June uses the May list


def test_the_old_layout_imports_under_its_given_date(home):
    (r,) = import_release("hospitals", OLD, effective=date(2016, 7, 1))
    assert r.rows == 30
    assert load().release.origin == "shipped"  # the shipped 2026 list is newer and stays in use


def test_the_cms_archive_zip_is_read_and_dated_by_its_name(home, tmp_path):
    archive = tmp_path / "hospitals_10_2026.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(NEW, "Hospital_General_Information.csv")
        z.writestr("Timely_and_Effective_Care-Hospital.csv", "Facility ID,Measure ID\n")
    (r,) = import_release("hospitals", archive)
    assert (r.rows, r.effective_from) == (40, date(2026, 10, 1))
    assert find(load(), "Southeast Health Medical Center")[0]["ccn"] == "010001"


def _bad(tmp_path, text: str) -> Path:
    p = tmp_path / "Hospital_General_Information.csv"
    p.write_text(text, encoding="utf-8")
    return p


HEADER = "Facility ID,Facility Name,Address,City/Town,State,ZIP Code,Hospital Type,Hospital Ownership,Emergency Services\n"


@pytest.mark.parametrize("text, words", [
    ("", "the file is empty"),
    ("code,description\n99213,office visit\n", "no column 'Facility ID' (or 'Provider ID')"),
    (HEADER + "010001,A HOSPITAL,1 MAIN ST,DOTHAN,AL,36301,Acute Care Hospitals,Proprietary,Yes\n"
     + "01-X,B HOSPITAL,2 MAIN ST,DOTHAN,AL,36301,Acute Care Hospitals,Proprietary,Yes\n", "line 3: Facility ID '01-X'"),
    (HEADER + "010001,A HOSPITAL,1 MAIN ST,DOTHAN,AL,36301,Acute Care Hospitals,Proprietary,Yes\n"
     + "010001,A HOSPITAL,1 MAIN ST,DOTHAN,AL,36301,Acute Care Hospitals,Proprietary,Yes\n", "line 3: CCN 010001 appears twice"),
    (HEADER + "010001,,1 MAIN ST,DOTHAN,AL,36301,Acute Care Hospitals,Proprietary,Yes\n", "line 2: Facility Name is empty"),
    (HEADER + "010001,A HOSPITAL,1 MAIN ST,DOTHAN,Alabama,36301,Acute Care Hospitals,Proprietary,Yes\n",
     "line 2: State 'ALABAMA' is not a two-letter state code"),
    (HEADER, "no hospitals in the file"),
])
def test_a_malformed_file_is_refused_with_where_and_nothing_is_written(home, tmp_path, text, words):
    with pytest.raises(BadInput) as e:
        import_release("hospitals", _bad(tmp_path, text), effective=date(2026, 11, 1))
    assert words in e.value.line()
    assert not (home / "reference").exists() or not list((home / "reference").iterdir())


def test_the_cli_says_one_line_and_exits_2_leaving_the_folder_as_it_was(tmp_path):
    env = {"BILLADVOCATE_HOME": str(tmp_path / "home")}
    assert run_cli("data", "import", "hospitals", str(NEW), "--effective", "2026-11-01", env=env).code == 0
    manifest = (tmp_path / "home" / "reference" / "manifest.json").read_text()
    bad = _bad(tmp_path, HEADER + "010001,A HOSPITAL,1 MAIN ST,DOTHAN,AL,36301,x,Proprietary,Yes\n"
               + "0100019,B,1 MAIN ST,DOTHAN,AL,36301,x,Proprietary,Yes\n")
    r = run_cli("data", "import", "hospitals", str(bad), "--effective", "2026-12-01", env=env)
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1 and "line 3: Facility ID '0100019'" in r.err and "Traceback" not in r.err
    assert (tmp_path / "home" / "reference" / "manifest.json").read_text() == manifest
    assert sorted(p.name for p in (tmp_path / "home" / "reference").iterdir()) == [
        "hospitals-2026-11-01.parquet", "manifest.json"]
    r = run_cli("data", "import", "hospitals", str(NEW), env=env)  # no date in the name
    assert r.code == 2 and "give --effective" in r.err
    status_json = json.loads(run_cli("data", "status", "--json", env=env).out)
    assert [x["rows"] for x in status_json["releases"] if x["table"] == "hospitals"] == [5432, 40]


def test_a_damaged_import_falls_back_to_the_list_before(home):
    (r,) = import_release("hospitals", NEW, effective=date(2026, 11, 1))
    r.file.write_bytes(b"not parquet")
    d = load()
    assert d.release.origin == "shipped" and len(d.rows) == 5432


def test_a_file_far_larger_than_the_cms_one_is_refused(home, tmp_path, monkeypatch):
    import billadvocate.hospitals.cms_file as cms_file

    monkeypatch.setattr(cms_file, "MAX_BYTES", 5_000)
    with pytest.raises(BadInput) as e:
        import_release("hospitals", NEW, effective=date(2026, 11, 1))
    assert "larger than any Hospital General Information file" in e.value.line()
