"""`billadvocate data import` on small files in the layouts CMS publishes, and `data status`."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from billadvocate.audit import audit_bills
from billadvocate.model import Bill, Line
from billadvocate.reference.importer import import_release, status

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    return tmp_path


def rules(lines, setting="professional", d=None):
    bill = Bill(source="b", lines=[Line(line=i + 1, date=d, code=c, units=Decimal(u), charge=Decimal("50"))
                                   for i, (c, u) in enumerate(lines)])
    return {f.rule for f in audit_bills([bill], facts={"setting": setting}, as_of=date(2026, 11, 28)).findings}


def test_a_ptp_release_applies_from_its_quarter_and_the_snapshot_before_it(home):
    (r,) = import_release("ncci-ptp", FIXTURES / "ccipra-v311r0-f1.txt")
    assert (r.table, r.setting, r.effective_from, r.rows) == ("ncci_ptp", "professional", date(2025, 1, 1), 3)
    assert (home / "reference" / "manifest.json").is_file()
    assert "BILL.NCCI_PTP" in rules([("85025", 1), ("36415", 1)], d=date(2025, 2, 3))  # new edit
    assert "BILL.NCCI_PTP" not in rules([("85025", 1), ("36415", 1)], d=date(2024, 8, 1))  # 2024 snapshot


def test_a_deleted_edit_stops_applying_on_its_deletion_date(home):
    import_release("ncci-ptp", FIXTURES / "ccipra-v311r0-f1.txt")
    assert "BILL.NCCI_PTP" in rules([("80053", 1), ("82565", 1)], d=date(2025, 2, 28))
    assert "BILL.NCCI_PTP" not in rules([("80053", 1), ("82565", 1)], d=date(2025, 3, 1))


def test_an_mue_release_takes_its_setting_and_date_from_the_cms_name(home):
    (r,) = import_release("mue", FIXTURES / "MCR_MUE_PractitionerServices_Eff_01-01-2025.csv")
    assert (r.setting, r.effective_from, r.rows) == ("professional", date(2025, 1, 1), 2)
    assert "BILL.MUE" not in rules([("36415", 3)], d=date(2025, 6, 1))  # 2025 limit: 3
    assert "BILL.MUE" in rules([("36415", 3)], d=date(2024, 8, 1))  # 2024 limit: 2


PPRRVU = """HDR: 2025 National Physician Fee Schedule Relative Value File January Release
CPT codes and descriptions only are copyright 2024 American Medical Association.
,,,,,,,,,,,,,,,
HCPCS,MOD,DESCRIPTION,STATUS CODE,NOT USED FOR MEDICARE PAYMENT,WORK RVU,NON-FAC PE RVU,NON-FAC NA INDICATOR,FACILITY PE RVU,FACILITY NA INDICATOR,MP RVU,NON-FACILITY TOTAL,FACILITY TOTAL,PCTC IND,GLOB DAYS,PRE OP
,,,,,,,,,,,,,,,
99213,,Office o/p est low 20 min,A,,1.30,1.40,,0.55,,0.10,2.80,1.95,0,XXX,0
"""
GPCI = """ADDENDUM E. FINAL CY 2025 GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY
Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI
04112,CO,01,COLORADO,1.000,1.100,0.800
"""


def test_the_pfs_zip_replaces_rvus_and_gpcis_for_its_year(home, tmp_path):
    z = tmp_path / "RVU25A.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("PPRRVU25_JAN.csv", PPRRVU)
        f.writestr("GPCI2025.csv", GPCI)
    written = import_release("pfs-rvu", z)
    assert [(r.table, r.effective_from, r.rows) for r in written] == [("pfs_rvu", date(2025, 1, 1), 1),
                                                                     ("gpci", date(2025, 1, 1), 1)]
    bill = Bill(source="b", lines=[Line(line=1, date=date(2025, 6, 2), code="99213", charge=Decimal("1"))])
    result = audit_bills([bill], facts={"setting": "professional", "state": "CO"}, as_of=date(2026, 11, 28))
    # (1.30 x 1.0 + 1.40 x 1.1 + 0.10 x 0.8) x 32.3465 = 2.92 x 32.3465 = 94.45
    assert result.benchmarks[1]["medicare"] == 94.45


def hcpcs_record(code, seq, rid, long, short=""):
    rec = f"{code}{seq:05d}{rid}{long:<80}{short:<28}"
    rec = rec.ljust(268) + "20250101" + "20250101" + " " * 8 + "N"
    return rec.ljust(320)


def test_hcpcs_level_2_fixed_width_file(home, tmp_path):
    f = tmp_path / "HCPC2025_JAN_ANWEB.txt"
    f.write_text("\n".join([hcpcs_record("J9999", 1, "3", "Injection, something new, per 1 mg", "Something new inj"),
                            hcpcs_record("J9999", 2, "4", "(continued text)")]) + "\n")
    (r,) = import_release("hcpcs", f)
    assert (r.effective_from, r.rows) == (date(2025, 1, 1), 1)


@pytest.mark.parametrize("name,content,words", [
    ("ccipra-v311r0-f1.txt", "Column 1\tColumn 2\tx\tEffective Date\tDeletion\tModifier\tRationale\n8005\t80048\t\t19960101\t*\t0\tx\n",
     "not HCPCS codes"),
    ("ccipra-v311r0-f1.txt", "Column 1\tColumn 2\tx\tEffective Date\tDeletion\tModifier\tRationale\n80053\t80048\t\t19960101\t*\t7\tx\n",
     "modifier indicator"),
    ("ptp.txt", "hello\n", "no header row"),
    ("MCR_MUE_PractitionerServices_Eff_01-01-2025.csv", "HCPCS/CPT Code,Practitioner Services MUE Values,MAI,R\n36415,two,3,x\n",
     "is not a number"),
])
def test_bad_official_files_are_refused_with_the_line_and_nothing_is_written(home, tmp_path, cli, name, content, words):
    f = tmp_path / name
    f.write_text(content)
    kind = "mue" if "MUE" in name else "ncci-ptp"
    r = cli("data", "import", kind, f, env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 2 and words in r.err and len(r.err.strip().splitlines()) == 1
    assert not (home / "reference" / "manifest.json").exists()


def test_a_ptp_file_with_no_setting_in_its_name_asks_for_one(home, tmp_path, cli):
    f = tmp_path / "edits.txt"
    f.write_text((FIXTURES / "ccipra-v311r0-f1.txt").read_text())
    r = cli("data", "import", "ncci-ptp", f, env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 2 and "--setting" in r.err
    r = cli("data", "import", "ncci-ptp", f, "--setting", "outpatient", "--json", env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 0, r.err and r.json()["imported"][0]["setting"] == "outpatient"


def test_status_lists_the_snapshot_and_imports_with_their_age(home, cli):
    import_release("mue", FIXTURES / "MCR_MUE_PractitionerServices_Eff_01-01-2025.csv")
    rows = status(date(2026, 11, 28))
    shipped = [r for r in rows if r["origin"] == "shipped"]
    assert {r["table"] for r in shipped} >= {"ncci_ptp", "mue", "ncci_aoc", "pfs_rvu", "gpci", "hcpcs"}
    assert all(r["source"] and r["licence"] for r in shipped)
    mine = [r for r in rows if r["origin"] == "imported"]
    assert mine[0]["age_days"] == (date(2026, 11, 28) - date(2025, 1, 1)).days
    r = cli("data", "status", "--json", env={"BILLADVOCATE_HOME": str(home)})
    assert r.code == 0 and any(x["origin"] == "imported" for x in r.json()["releases"])
    human = cli("data", "status", env={"BILLADVOCATE_HOME": str(home)})
    assert human.code == 0 and "ncci_ptp" in human.out
