"""BILL.PRICE_INPATIENT_DRG: an inpatient stay against the Medicare payment for its MS-DRG, computed
here from the shipped FY 2026 weights and the federal.cms_ipps standardized amounts; and the readers that give a
bill its MS-DRG (837I HI*DR, 835 CLP11, a bill's DRG column)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from billadvocate.audit import audit_bills
from billadvocate.audit.stay_drg import carry_ms_drg
from billadvocate.cli.commands.audit import audit as audit_command
from billadvocate.errors import BadInput
from billadvocate.ingest.csv_bill import read_csv_text
from billadvocate.ingest.x12_835 import read_835
from billadvocate.ingest.x12_837 import read_837
from billadvocate.law import law
from billadvocate.model import Bill, Line
from billadvocate.reference.store import SHIPPED_DIR

RULE = "BILL.PRICE_INPATIENT_DRG"
AS_OF = date(2026, 12, 5)
SHARED_837I = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "x12" / "linuxforhealth" / \
    "837_005010X223A3" / "institutional-claim.837i"


def medicare_for(drg: str, on: date = date(2026, 3, 6)) -> Decimal:
    """weight x the national operating standardized amount, rounded to the cent."""
    release = "msdrg-2025-10-01.parquet" if on >= date(2025, 10, 1) else "msdrg-2024-10-01.parquet"
    d = pq.read_table(SHIPPED_DIR / release).to_pydict()
    w = Decimal(str(d["weight"][d["drg"].index(drg)]))
    std = law().parameter("federal.cms_ipps.national_standardized_amounts").at(on).value
    operating = Decimal(str(std["labor_low_wage"])) + Decimal(str(std["nonlabor_low_wage"]))
    assert operating == Decimal(str(std["labor"])) + Decimal(str(std["nonlabor"]))
    return (w * operating).quantize(Decimal("0.01"))


def stay(total: str, drg: str | None = "871", start=date(2026, 3, 2), end=date(2026, 3, 6)):
    half = Decimal(total) / 2
    bill = Bill(source="stay.csv", ms_drg=drg, lines=[
        Line(line=1, date=start, revenue_code="0120", description="ROOM AND BOARD", units=Decimal(4), charge=half),
        Line(line=2, date=start, revenue_code="0250", description="PHARMACY", charge=Decimal(total) - half)])
    return audit_bills([bill], facts={"setting": "inpatient", "care_start": start, "care_end": end}, as_of=AS_OF)


def found(result):
    return [f for f in result.findings if f.rule == RULE]


def test_a_sepsis_stay_far_above_the_drg_payment_is_flagged_with_the_excess():
    medicare = medicare_for("871")
    assert medicare == Decimal("13116.94")  # 1.9425 x 6752.61 = 13116.944925
    (f,) = found(stay("58400"))
    assert f.amount == Decimal("58400") - medicare
    assert "4.5x the Medicare payment for MS-DRG 871 ($13,116.94" in f.message
    assert "FY 2026" in f.message and "relative weight 1.9425" in f.message


def test_the_boundary_is_the_outlier_multiple_of_the_drg_payment():
    medicare = medicare_for("470")
    multiple = Decimal(str(law().parameter("federal.audit_benchmarks.medicare_outlier_multiple").at(AS_OF).value))
    at = (medicare * multiple).quantize(Decimal("0.01"))
    assert not found(stay(str(at), drg="470"))
    assert found(stay(str(at + Decimal("0.02")), drg="470"))


def test_the_discharge_date_picks_the_fiscal_year_of_weights_and_rates():
    fy25 = medicare_for("871", date(2025, 9, 30))
    assert fy25 == Decimal("12997.72")  # 1.9621 x 6624.39 = 12997.716...
    (f,) = found(stay("58400", start=date(2025, 9, 25), end=date(2025, 9, 30)))
    assert f.amount == Decimal("58400") - fy25 and "FY 2025" in f.message and "1.9621" in f.message
    (f,) = found(stay("58400", start=date(2025, 9, 28), end=date(2025, 10, 2)))  # discharged in FY 2026
    assert f.amount == Decimal("58400") - medicare_for("871") and "FY 2026" in f.message


def test_no_drg_an_ungroupable_drg_a_deleted_drg_or_a_discharge_before_fy2025_is_not_priced():
    assert not found(stay("90000", drg=None))
    assert not found(stay("90000", drg="998"))  # weight 0
    assert not found(stay("90000", drg="077"))  # deleted in FY 2026
    assert found(stay("90000", drg="077", start=date(2025, 3, 2), end=date(2025, 3, 6)))
    assert not found(stay("90000", start=date(2024, 9, 25), end=date(2024, 9, 30)))


def test_a_bill_column_gives_the_drg_and_a_bad_one_is_refused_with_its_row():
    bill = read_csv_text("date,revenue code,description,charge,DRG\n03/02/2026,0120,ROOM AND BOARD,4000,871\n"
                         "03/02/2026,0250,PHARMACY,1000,\n", file="b.csv")
    assert bill.ms_drg == "871"
    assert read_csv_text("description,charge,MS-DRG\nROOM,100,DRG 65\n", file="b.csv").ms_drg == "065"
    with pytest.raises(BadInput, match=r"row 2, column drg.*not an MS-DRG"):
        read_csv_text("description,charge,drg\nROOM,100,sepsis\n", file="b.csv")


def test_an_835_gives_the_drg_of_the_claim_and_a_bill_without_one_takes_it(tmp_path):
    isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~"
    text = (isa + "GS*HP*S*R*20260401*1200*1*X*005010X221A1~ST*835*0001~BPR*I*9000*C*CHK~"
            "N1*PR*ACME HEALTH PLAN~N1*PE*CITY HOSPITAL*XX*1234567893~"
            "CLP*C1*1*58400*9000*1600*MA*P1*11*1*01*871~SE*6*0001~GE*1*1~IEA*1*000000001~")
    eob = read_835(tmp_path / "r.835", text=text)
    assert eob.claims[0].ms_drg == "871" and eob.claims[0].kind == "institutional"
    bill = Bill(source="b", lines=[Line(line=1, description="ROOM", charge=Decimal(100), claim_id="C1")])
    other = Bill(source="c", ms_drg="470", lines=[Line(line=1, description="ROOM", charge=Decimal(100))])
    carry_ms_drg([bill, other], [eob])
    assert (bill.ms_drg, other.ms_drg) == ("871", "470")  # a bill's own DRG is kept


@pytest.mark.skipif(not SHARED_837I.is_file(), reason="the shared X12 samples are not here")
def test_an_837i_gives_the_drg_of_its_hi_dr_segment(tmp_path):
    text = SHARED_837I.read_text(encoding="utf-8")
    assert "HI*BK:3669~" in text
    bill = read_837(tmp_path / "c.837i", text=text.replace("HI*BK:3669~", "HI*BK:3669~HI*DR:871~"))
    assert bill.ms_drg == "871"
    assert read_837(tmp_path / "c.837i", text=text).ms_drg is None


def test_the_fair_price_estimate_takes_a_drg_stay_at_its_drg_payment_shared_by_charge():
    medicare = medicare_for("871")  # 13,116.94
    r = stay("58400")
    # two lines of 29,200 each: each carries half the DRG payment, the stay the whole of it
    assert r.benchmark_total == medicare
    one, two = r.benchmarks[1], r.benchmarks[2]
    assert (one["basis"], two["basis"]) == ("ms_drg", "ms_drg")
    assert Decimal(str(one["fair"])) + Decimal(str(two["fair"])) == medicare
    assert one["fair"] == float((medicare / 2).quantize(Decimal("0.01")))
    assert "MS-DRG 871 ($13,116.94, FY 2026" in one["yardstick"]
    assert not any("No Medicare price to compare" in n for n in r.notes)


def test_a_stay_charged_below_its_drg_payment_is_taken_at_its_charges_and_no_drg_keeps_the_charges():
    low = stay("9000")
    assert low.benchmark_total == Decimal("9000.00")  # below 13,116.94: the charges stand
    # each line still shows its share of the DRG payment as its Medicare amount (13,116.94 / 2)
    half = (medicare_for("871") / 2).quantize(Decimal("0.01"))
    assert [low.benchmarks[n]["medicare"] for n in (1, 2)] == [float(half)] * 2
    assert [low.benchmarks[n]["fair"] for n in (1, 2)] == [4500.0, 4500.0]
    no_drg = stay("58400", drg=None)
    assert no_drg.benchmark_total == Decimal("58400.00")
    assert {b["basis"] for b in no_drg.benchmarks.values()} == {"charge"}


def test_uneven_lines_share_the_drg_payment_to_the_cent():
    medicare = medicare_for("470")
    bill = Bill(source="knee.csv", ms_drg="470", lines=[
        Line(line=1, date=date(2026, 3, 2), revenue_code="0120", description="ROOM", charge=Decimal("10000.01")),
        Line(line=2, date=date(2026, 3, 2), revenue_code="0360", description="OR", charge=Decimal("33333.33")),
        Line(line=3, date=date(2026, 3, 2), revenue_code="0278", description="IMPLANT", charge=Decimal("12345.67"))])
    r = audit_bills([bill], facts={"setting": "inpatient", "care_start": date(2026, 3, 2),
                                   "care_end": date(2026, 3, 4)}, as_of=AS_OF)
    assert r.benchmark_total == medicare
    shares = [Decimal(str(r.benchmarks[n]["fair"])) for n in (1, 2, 3)]
    assert sum(shares) == medicare
    billed = Decimal("55679.01")
    assert shares[0] == (medicare * Decimal("10000.01") / billed).quantize(Decimal("0.01"))


def test_an_eob_audited_alone_with_a_drg_says_the_check_needs_the_bill(tmp_path):
    isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~"
    claim = "CLP*C1*1*58400*9000*1600*MA*P1*11*1*01*871~"
    text = (isa + "GS*HP*S*R*20260401*1200*1*X*005010X221A1~ST*835*0001~BPR*I*9000*C*CHK~"
            "N1*PR*ACME HEALTH PLAN~N1*PE*CITY HOSPITAL*XX*1234567893~" + claim + "SE*6*0001~GE*1*1~IEA*1*000000001~")

    def audit_alone(text: str) -> dict:
        (tmp_path / "r.835").write_text(text)
        res = CliRunner().invoke(audit_command, ["--eob", str(tmp_path / "r.835"), "--json", "--as-of", "2026-12-05"])
        assert res.exit_code == 0, res.output
        return json.loads(res.output)

    data = audit_alone(text)
    assert not [f for f in data["findings"] if f["rule"] == RULE]
    (note,) = [n for n in data["notes"] if "MS-DRG" in n]
    assert "claim C1: MS-DRG 871" in note and "needs the hospital's itemized bill" in note
    without = audit_alone(text.replace(claim, claim.replace("*01*871~", "*01~")))
    assert not [n for n in without["notes"] if "MS-DRG" in n]
