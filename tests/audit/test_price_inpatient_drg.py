"""BILL.PRICE_INPATIENT_DRG: an inpatient stay against the Medicare payment for its MS-DRG, operating and
capital, computed here from the shipped weights, the federal.cms_ipps standardized amounts and capital federal
rate; and the readers that give a bill its MS-DRG (837I HI*DR, 835 CLP11, a bill's DRG column)."""

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


CENT = Decimal("0.01")


def weight_of(drg: str, on: date) -> Decimal:
    release = "msdrg-2025-10-01.parquet" if on >= date(2025, 10, 1) else "msdrg-2024-10-01.parquet"
    d = pq.read_table(SHIPPED_DIR / release).to_pydict()
    return Decimal(str(d["weight"][d["drg"].index(drg)]))


def operating_for(drg: str, on: date = date(2026, 3, 6)) -> Decimal:
    """weight x the national operating standardized amount, rounded to the cent."""
    std = law().parameter("federal.cms_ipps.national_standardized_amounts").at(on).value
    operating = Decimal(str(std["labor_low_wage"])) + Decimal(str(std["nonlabor_low_wage"]))
    assert operating == Decimal(str(std["labor"])) + Decimal(str(std["nonlabor"]))
    return (weight_of(drg, on) * operating).quantize(CENT)


def capital_for(drg: str, on: date = date(2026, 3, 6)) -> Decimal:
    """weight x the capital federal rate (capital GAF 1.0 at wage index 1.0), rounded to the cent."""
    rate = Decimal(str(law().parameter("federal.cms_ipps.capital_federal_rate").at(on).value))
    return (weight_of(drg, on) * rate).quantize(CENT)


def medicare_for(drg: str, on: date = date(2026, 3, 6)) -> Decimal:
    """The national unadjusted inpatient payment: weight x (labor + nonlabor) + weight x capital."""
    return operating_for(drg, on) + capital_for(drg, on)


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
    assert operating_for("871") == Decimal("13116.94")  # 1.9425 x 6752.61 = 13116.944925
    assert capital_for("871") == Decimal("1018.16")  # 1.9425 x 524.15 = 1018.161375
    assert medicare == Decimal("14135.10")
    (f,) = found(stay("58400"))
    assert f.amount == Decimal("58400") - medicare
    assert ("4.1x the Medicare inpatient payment for MS-DRG 871, operating and capital, national, unadjusted "
            "($14,135.10" in f.message)
    assert "FY 2026" in f.message and "relative weight 1.9425" in f.message and "$524.15" in f.message
    assert not f.unconfirmed and "not yet confirmed" not in f.message  # FY 2026's Table 1D was read
    assert any("Table 1D" in c for c in f.citations)


def test_the_boundary_is_the_outlier_multiple_of_the_drg_payment():
    medicare = medicare_for("470")
    multiple = Decimal(str(law().parameter("federal.audit_benchmarks.medicare_outlier_multiple").at(AS_OF).value))
    at = (medicare * multiple).quantize(CENT)
    assert not found(stay(str(at), drg="470"))
    assert found(stay(str(at + Decimal("0.02")), drg="470"))


def test_the_discharge_date_picks_the_fiscal_year_of_weights_and_rates():
    fy25 = medicare_for("871", date(2025, 9, 30))
    # 1.9621 x 6624.39 = 12997.716... and 1.9621 x 512.14 = 1004.869894
    assert (operating_for("871", date(2025, 9, 30)), capital_for("871", date(2025, 9, 30))) == (
        Decimal("12997.72"), Decimal("1004.87"))
    (f,) = found(stay("58400", start=date(2025, 9, 25), end=date(2025, 9, 30)))
    assert f.amount == Decimal("58400") - fy25 and "FY 2025" in f.message and "1.9621" in f.message
    assert "$512.14" in f.message
    (f,) = found(stay("58400", start=date(2025, 9, 28), end=date(2025, 10, 1)))  # discharged in FY 2026
    assert f.amount == Decimal("58400") - medicare_for("871") and "FY 2026" in f.message and "$524.15" in f.message


def test_an_unconfirmed_capital_rate_is_said_in_the_finding_and_in_what_was_searched():
    """FY 2025's capital rate was read in CMS's pricer source only (federal.cms_ipps, unconfirmed): a stay
    discharged on the fiscal year's last day is flagged, one discharged the next day is not."""
    from billadvocate.law.unconfirmed import explain

    (fy25,) = found(stay("58400", start=date(2025, 9, 25), end=date(2025, 9, 30)))
    assert fy25.unconfirmed
    assert "not yet confirmed in a published CMS table" in fy25.message
    said = explain(fy25.citations)
    assert said.startswith("unconfirmed law: National capital standard federal payment rate")
    assert "(the value from 2024-10-01)" in said and "512.14" in said and "LTCH Pricer" in said
    (fy26,) = found(stay("58400", start=date(2025, 9, 25), end=date(2025, 10, 1)))
    assert not fy26.unconfirmed and "not yet confirmed" not in fy26.message
    assert not any("as CMS's LTCH Pricer holds it" in c for c in fy26.citations)


def test_the_spanish_report_gives_the_stays_figures_and_says_when_the_capital_rate_is_unconfirmed():
    from billadvocate.report.spanish import finding as finding_es

    (fy25,) = found(stay("58400", start=date(2025, 9, 25), end=date(2025, 9, 30)))
    total = medicare_for("871", date(2025, 9, 30))  # 12,997.72 + 1,004.87 = 14,002.59
    es = finding_es(fy25, "audit")["explanation"]
    assert es.startswith("La estadía se cobró $58,400.00, 4.2 veces el pago de Medicare por la hospitalización del "
                         f"MS-DRG 871, operativo y de capital, nacional, sin ajustar (${total:,}: peso relativo 1.9621")
    assert "año fiscal 2025, $6,624.39, más la tarifa federal de capital, $512.14;" in es
    assert ("La tarifa federal de capital de ese año ($512.14) se tomó del programa de pagos de CMS y aún no está "
            "confirmada en una tabla publicada por CMS.") in es
    (fy26,) = found(stay("58400", start=date(2025, 9, 25), end=date(2025, 10, 1)))
    es26 = finding_es(fy26, "audit")["explanation"]
    assert "más la tarifa federal de capital, $524.15;" in es26 and "confirmada" not in es26
    assert es26.endswith(finding_es({"rule": RULE, "message": ""}, "audit")["explanation"])


def test_a_fiscal_year_without_a_capital_rate_is_compared_with_the_operating_payment_alone():
    """The fallback, with the law's capital rate for FY 2025 left out (the FY 2026 value alone)."""
    import duckdb

    from billadvocate.audit.engine import prepare
    from billadvocate.audit.rules.bill_price_inpatient_drg import CAPITAL, RULE as DRG_RULE, stay_payments_sql
    from billadvocate.audit.summary import _drg_shares
    from billadvocate.audit.tables import bills_table, lines_table

    fy26_only = [v for v in law().parameter(CAPITAL).values if v.start >= date(2025, 10, 1)]
    start, end = date(2025, 9, 25), date(2025, 9, 30)
    bill = Bill(source="stay.csv", ms_drg="871", lines=[
        Line(line=1, date=start, revenue_code="0120", description="ROOM AND BOARD", charge=Decimal("58400"))])
    con = duckdb.connect()
    con.register("lines", lines_table([(bill.source, ln) for ln in bill.lines]))
    con.register("bills", bills_table([bill], {"setting": "inpatient", "care_start": start, "care_end": end}))
    prepare(con, as_of=AS_OF, narrow=True)
    cur = con.execute(f"SELECT * FROM ({stay_payments_sql(fy26_only)})")
    (row,) = [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]
    con.close()
    assert row["capital"] is None and row["capital_payment"] is None
    assert Decimal(str(row["medicare"])) == operating_for("871", end) == Decimal("12997.72")
    row.update(kind="operating", capital_on=None, lines=[], operating_rate=row["operating"], capital_rate=None,
               ratio=round(58400 / row["medicare"], 1), amount=58400 - row["medicare"])
    f = DRG_RULE.finding(row, as_of=AS_OF)
    assert "4.5x the Medicare payment for MS-DRG 871 ($12,997.72: relative weight 1.9621" in f.message
    assert "the operating payment, national, before the hospital's wage index, capital payment" in f.message
    assert not f.unconfirmed
    from billadvocate.report.spanish import finding as finding_es

    es = finding_es(f, "audit")["explanation"]
    assert es.startswith("La estadía se cobró $58,400.00, 4.5 veces el pago de Medicare por el MS-DRG 871 ($12,997.72: "
                         "peso relativo 1.9621 x la cantidad estandarizada nacional del año fiscal 2025, $6,624.39; es el "
                         "pago operativo, nacional, antes del índice de salarios del hospital, del pago de capital")
    ((share, name),) = _drg_shares([{"ms_drg": "871", "fy": 2025, "medicare": row["medicare"], "capital": None,
                                     "lines": [1]}], {1: Decimal("58400")}, set()).values()
    assert share == Decimal("12997.72") and "FY 2025 national operating payment)" in name


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
    medicare = medicare_for("871")  # 13,116.94 operating + 1,018.16 capital
    r = stay("58400")
    # two lines of 29,200 each: each carries half the DRG payment, the stay the whole of it
    assert r.benchmark_total == medicare
    one, two = r.benchmarks[1], r.benchmarks[2]
    assert (one["basis"], two["basis"]) == ("ms_drg", "ms_drg")
    assert Decimal(str(one["fair"])) + Decimal(str(two["fair"])) == medicare
    assert one["fair"] == float((medicare / 2).quantize(Decimal("0.01")))
    assert "MS-DRG 871 ($14,135.10, FY 2026 national operating and capital payment, unadjusted)" in one["yardstick"]
    fy25 = stay("58400", start=date(2025, 9, 25), end=date(2025, 9, 30))
    assert fy25.benchmark_total == medicare_for("871", date(2025, 9, 30))
    assert "its capital federal rate is not yet confirmed" in fy25.benchmarks[1]["yardstick"]
    assert not any("No Medicare price to compare" in n for n in r.notes)


def test_a_stay_charged_below_its_drg_payment_is_taken_at_its_charges_and_no_drg_keeps_the_charges():
    low = stay("9000")
    assert low.benchmark_total == Decimal("9000.00")  # below 14,135.10: the charges stand
    # each line still shows its share of the DRG payment as its Medicare amount (14,135.10 / 2)
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
