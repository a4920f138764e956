"""The patient's fee-schedule locality: from the ZIP when the CMS ZIP file is imported (checked against
the state and the GPCI table), else from a one-locality state or a word of the address, as before.
The ZIP fixture's values and their sources: fixtures/ZIP5_SOURCES.md."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import yaml

from billadvocate.audit import audit_bills
from billadvocate.model import Bill, Line
from billadvocate.reference import register
from billadvocate.reference.importer import import_release
from billadvocate.reference.locality import find_locality, zip_of
from billadvocate.reference.store import SHIPPED_DIR

from .test_zip_locality import ZIP5_TXT, zip5_record

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "billadvocate"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def connect(folder: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    register(con, folder / "reference", only={"gpci", "zip_locality"})
    return con


@pytest.fixture
def imported(home):
    import_release("zip-locality", ZIP5_TXT)
    return connect(home)


def test_a_zip_in_the_file_gives_its_mac_and_locality(imported):
    found, why = find_locality(imported, "CA", None, "94103")
    assert (found.mac, found.locality, why) == ("01112", "05", None)
    assert found.name.startswith("SAN FRANCISCO-OAKLAND-BERKELEY")
    assert found.how == "from ZIP 94103 (CMS ZIP code to carrier locality file, 2025 Q1)"


def test_the_zip_wins_over_a_city_word_of_the_address(imported):
    # Fresno in the street name, but ZIP 95112 is San Jose (Santa Clara): locality 09, not 56
    found, _ = find_locality(imported, "CA", "1 Fresno St, San Jose, CA 95112")
    assert (found.locality, found.how.split(" (")[0]) == ("09", "from ZIP 95112")


def test_a_zip_plus_4_in_the_address_is_its_zip(imported):
    found, _ = find_locality(imported, "CA", "1355 Market St, San Francisco, CA 94103-1307")
    assert found.locality == "05"
    found, _ = find_locality(imported, "CA", "600 Broadway, Oakland CA 946123413, USA")
    assert found.locality == "05"


def test_a_zip_not_in_the_file_falls_back_to_the_address_and_says_so(imported):
    found, why = find_locality(imported, "CA", "2823 Fresno St, Fresno, CA 93721")
    assert (found.locality, found.how) == ("56", "from the address (Fresno)")
    assert why == "ZIP 93721 is not in the CMS ZIP code to carrier locality file, 2025 Q1"


def test_a_zip_of_another_state_is_not_used(imported):
    found, why = find_locality(imported, "CA", None, "89501")  # Reno, NV for a CA patient
    assert found is None
    assert why == "the CMS ZIP code to carrier locality file, 2025 Q1 puts ZIP 89501 in NV, not CA"
    found, _ = find_locality(imported, "NV", None, "89501")
    assert (found.mac, found.locality) == ("01312", "00")


def test_a_zip_whose_locality_is_not_in_the_gpci_table_is_not_used(home, tmp_path):
    # 92701 (Santa Ana, Orange County) in MAC 01182's old locality 26 (Anaheim/Santa Ana, before CMS
    # merged Orange County into locality 18 in 2017): no such locality in the 2024 GPCI table
    f = tmp_path / "ZIP5_OCT2016.txt"
    f.write_text(zip5_record(zip_code="92701", carrier="01182", locality="26", year_quarter="20164") + "\n")
    import_release("zip-locality", f)
    found, why = find_locality(connect(home), "CA", "Santa Ana, CA 92701", None)
    assert found is None
    assert why == "ZIP 92701's locality 26 (MAC 01182) in the CMS ZIP code to carrier locality file, 2016 Q4 " \
                  "is not in the GPCI table"


def test_a_zip_split_by_zip_plus_4_says_the_zip5_locality_is_used(home, tmp_path):
    f = tmp_path / "ZIP5_JAN2025.txt"  # the Plus Four Flag set for the test's sake
    f.write_text(zip5_record(zip_code="94103", plus_four="1") + "\n")
    import_release("zip-locality", f)
    found, _ = find_locality(connect(home), "CA", None, "94103")
    assert found.locality == "05" and "split between localities by ZIP+4" in found.how


def test_without_an_import_the_zip_is_ignored_as_before(home):
    con = connect(home)
    assert find_locality(con, "CA", "1355 Market St, CA 94103") == (None, None)  # no city word
    found, why = find_locality(con, "CA", "2823 Fresno St, Fresno, CA 93721")
    assert (found.locality, why) == ("56", None)
    found, why = find_locality(con, "NV", None, "89501")
    assert (found.locality, found.how, why) == ("00", "the only locality of NV", None)


def test_a_connection_without_the_zip_view_falls_back():
    con = duckdb.connect()
    register(con, only={"gpci"})
    found, why = find_locality(con, "CA", "Fresno, CA 94103")
    assert (found.locality, why) == ("56", None)


@pytest.mark.parametrize("text,zip_code", [
    ("94103", "94103"), ("94103-1307", "94103"), ("941031307", "94103"),
    ("1 Main St, Fresno, CA 93701", "93701"), ("1 Main St, Fresno, CA 93701-0001, United States", "93701"),
    ("12345 Main St, Fresno, CA", None),  # a street number is not a ZIP
    ("PO Box 12345, Fresno, CA", None), ("9410", None), ("", None), (None, None),
])
def test_the_zip_of_an_address(text, zip_code):
    assert zip_of(text) == zip_code


def shipped_gpci(mac: str, locality: str) -> dict:
    (row,) = [r for r in pq.read_table(SHIPPED_DIR / "gpci-2024-01-01.parquet").to_pylist()
              if (r["mac"], r["locality"]) == (mac, locality)]
    return row


def medicare_99213(gpci: dict, day: date) -> Decimal:
    """The fee-schedule amount worked out here from the shipped rows: (work x GPCI + PE x GPCI + MP x GPCI) x CF."""
    (rvu,) = [r for r in pq.read_table(SHIPPED_DIR / "pfs_rvu-2024-07-01.parquet").to_pylist()
              if r["hcpcs"] == "99213" and r["modifier"] is None]
    law = yaml.safe_load((PACKAGE / "law/parameters/federal/cms_pfs.yaml").read_text())
    values = law["conversion_factor"]["values"]
    cf = values[max(d for d in values if d <= day)]["value"]
    total = sum(Decimal(str(rvu[k])) * Decimal(str(gpci[g])) for k, g in
                (("work_rvu", "gpci_work"), ("pe_nonfacility_rvu", "gpci_pe"), ("mp_rvu", "gpci_mp")))
    return (total * Decimal(str(cf))).quantize(Decimal("0.01"))


def test_the_audit_prices_a_case_address_at_its_zips_locality(imported):
    # review passes the case's patient address: the ZIP+4 ending it chooses the locality
    bill = Bill(source="b", lines=[Line(line=1, date=date(2024, 8, 1), code="99213", charge=Decimal("250"))])
    result = audit_bills([bill], facts={"setting": "professional", "state": "CA",
                                        "patient_address": "1355 Market St, San Francisco, CA 94103-1307"},
                         as_of=date(2026, 11, 28))
    sf = medicare_99213(shipped_gpci("01112", "05"), date(2024, 8, 1))
    assert Decimal(str(result.benchmarks[1]["medicare"])) == sf
    assert any("locality 05" in n and "from ZIP 94103" in n for n in result.notes)


def test_cli_import_then_audit_shows_the_medicare_amount_of_the_zips_locality(home, tmp_path, cli):
    env = {"BILLADVOCATE_HOME": str(home)}
    assert cli("data", "import", "zip-locality", ZIP5_TXT, env=env).code == 0
    bill = tmp_path / "bill.csv"
    bill.write_text("date,code,description,units,charge\n2024-08-01,99213,Office visit,1,250.00\n")
    r = cli("audit", bill, "--setting", "professional", "--state", "CA", "--zip", "94103", "--json", env=env)
    assert r.code == 0, r.err
    data = r.json()
    sf = medicare_99213(shipped_gpci("01112", "05"), date(2024, 8, 1))
    # (1.30 x 1.088 + 1.33 x 1.419 + 0.10 x 0.445) x 33.2875 = 3.34617 x 33.2875 = 111.39
    assert sf == Decimal("111.39")
    assert Decimal(str(data["benchmarks"]["1"]["medicare"])) == sf
    assert any("locality 05" in n and "from ZIP 94103" in n for n in data["notes"])
    # the same bill without the ZIP: a CA address gives no locality, so the national amount
    national = cli("audit", bill, "--setting", "professional", "--state", "CA", "--json", env=env).json()
    assert national["benchmarks"]["1"]["medicare"] < float(sf)
    human = cli("audit", bill, "--setting", "professional", "--state", "CA", "--zip", "94103-1307", env=env)
    assert human.code == 0 and "from ZIP 94103" in " ".join(human.out.split())


def test_cli_a_bad_zip_option_is_one_line(cli, tmp_path):
    bill = tmp_path / "bill.csv"
    bill.write_text("date,code,description,units,charge\n2024-08-01,99213,Office visit,1,250.00\n")
    r = cli("audit", bill, "--zip", "9410")
    assert r.code == 2 and "--zip" in r.err and len(r.err.strip().splitlines()) == 1
