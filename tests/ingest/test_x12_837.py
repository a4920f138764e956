"""The X12 837 reader: professional and institutional claims, 5010 and 4010, into bill lines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill
from billadvocate.ingest.x12_837 import read_837
from tests.conftest import ROOT, SHARED_DATA, shared

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
D = Decimal


def test_professional_claim_lines_with_codes_dates_and_rendering_provider():
    bill = read_bill(FIXTURES / "demo.example1.837")
    assert bill.format == "x12-837" and len(bill.lines) == 4
    assert [(ln.code, ln.charge, ln.date) for ln in bill.lines] == [
        ("99213", D("40.00"), date(2006, 10, 3)), ("87070", D("15.00"), date(2006, 10, 3)),
        ("99214", D("35.00"), date(2006, 10, 10)), ("86663", D("10.00"), date(2006, 10, 10))]
    assert bill.stated_total == bill.total_charges == D("100.00")
    assert all(ln.claim_id == "26463774" for ln in bill.lines)
    assert bill.lines[0].provider == "BEN KILDARE SERVICE (NPI 1912301953)"


def test_institutional_claim_keeps_revenue_codes_and_units():
    bill = read_bill(FIXTURES / "institutional-claim.837i")
    assert [(ln.revenue_code, ln.code, ln.units, ln.charge) for ln in bill.lines] == [
        ("0305", "85025", D("1.00"), D("13.39")), ("0730", "93005", D("3.00"), D("76.54"))]
    assert "institutional" in bill.notes[-1]


def test_a_4010_claim_reads_with_a_note():
    bill = read_bill(FIXTURES / "patient-is-subscriber.837")
    assert len(bill.lines) == 4 and bill.total_charges == D("100.00")
    assert any("older than 5010" in n for n in bill.notes)


EXPECTED = {  # file: (lines, total charges, claims)
    "837_005010X222A2/demo.ambulance.example5.837": (4, "766.50", 1),
    "837_005010X222A2/demo.autoaccident.837": (2, "185.00", 1),
    "837_005010X222A2/demo.cob.2ndary.example4.837": (1, "145.50", 1),
    "837_005010X222A2/demo.cob.example3.A.837": (3, "79.04", 1),
    "837_005010X222A2/demo.cob.example3.B.837": (3, "79.04", 1),
    "837_005010X222A2/demo.cob.example3.C.837": (3, "79.04", 1),
    "837_005010X222A2/demo.cob.example4.837": (1, "120.00", 1),
    "837_005010X222A2/demo.drug.example10.1.837": (2, "103.37", 1),
    "837_005010X222A2/demo.drug.example10.2.837": (6, "2232.93", 1),
    "837_005010X222A2/demo.drug.example10.3.837": (6, "2232.93", 1),
    "837_005010X222A2/demo.example1.837": (4, "100.00", 1),
    "837_005010X222A2/demo.example11.837": (2, "28.75", 1),
    "837_005010X222A2/demo.example12.837": (1, "252.71", 1),
    "837_005010X222A2/demo.example2.837": (4, "100.00", 1),
    "837_005010X222A2/demo.example6.837": (1, "145.50", 1),
    "837_005010X222A2/demo.example7.837": (2, "520.24", 1),
    "837_005010X222A2/demo.example8.837": (1, "75.00", 1),
    "837_005010X222A2/demo.example9.837": (1, "827.00", 1),
    "837_005010X223A3/institutional-claim.837i": (2, "89.93", 1),
    "837_005010X223A3/out-of-network-repriced-claim.837i": (1, "14.84", 1),
    "837_005010X223A3/ppo-repriced-claim.837i": (2, "237.50", 1),
    "837_005010X223A3/two-claims-single-provider.837i": (3, "139.95", 2),
    "837_004010X096A1/automobile-accident.837": (4, "545.00", 1),
    "837_004010X096A1/homeowners.837": (3, "450.00", 1),
    "837_004010X096A1/institutional-ppo-repriced.837": (5, "2593.69", 1),
    "837_004010X096A1/institutional.837": (2, "89.93", 1),
    "837_004010X096A1/workers-compensation.837": (3, "350.00", 1),
    "837_004010X098A1/coordination-of-benefits.837": (3, "79.04", 1),
    "837_004010X098A1/dependent-commercial-insurance-01.837": (6, "245.00", 1),
    "837_004010X098A1/dependent-commercial-insurance-02.837": (4, "405.00", 1),
    "837_004010X098A1/dependent-commercial-insurance-03.837": (2, "185.00", 1),
    "837_004010X098A1/patient-is-dependent.837": (4, "100.00", 1),
    "837_004010X098A1/patient-is-subscriber.837": (4, "100.00", 1),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_linuxforhealth_837_reads_with_its_line_count_and_total(name):
    lines, total, claims = EXPECTED[name]
    bill = read_bill(shared("x12", "linuxforhealth", *name.split("/")))
    assert len(bill.lines) == lines
    assert bill.total_charges == bill.stated_total == D(total)
    assert len({ln.claim_id for ln in bill.lines}) == claims


def test_the_list_above_covers_every_837_sample():
    folder = SHARED_DATA / "x12" / "linuxforhealth"
    if not folder.exists():
        pytest.skip("shared data not present")
    found = {f"{p.parent.name}/{p.name}" for p in folder.glob("837_*/*")}
    assert found == set(EXPECTED)


def test_drug_lines_carry_their_ndc_and_units():
    bill = read_bill(shared("x12", "linuxforhealth", "837_005010X222A2", "demo.drug.example10.3.837"))
    assert (bill.lines[1].code, bill.lines[1].ndc, bill.lines[1].units) == ("J0696", "00004196501", D("56.00"))


def test_two_claims_keep_their_own_ids_and_dates():
    bill = read_bill(shared("x12", "linuxforhealth", "837_005010X223A3", "two-claims-single-provider.837i"))
    assert [(ln.claim_id, ln.date) for ln in bill.lines] == [
        ("756048Q", date(2005, 3, 15)), ("756048Q", date(2005, 3, 15)), ("756049Q", date(2005, 4, 1))]


def test_a_modifier_inside_the_procedure_composite_is_kept():
    bill = read_bill(shared("x12", "linuxforhealth", "837_005010X222A2", "demo.example8.837"))
    assert bill.lines[0].modifiers == ["RR", "KH", "BR"]


def test_an_835_given_as_a_bill_is_refused():
    with pytest.raises(BadInput, match="EOB"):
        read_bill(FIXTURES / "managed-care.835")


def test_an_837_without_claims_is_refused(tmp_path):
    isa = "ISA*00*          *00*          *ZZ*S              *ZZ*R              *240101*1200*^*00501*000000001*0*P*:~"
    text = isa + "GS*HC*S*R*20240101*1200*1*X*005010X222A2~ST*837*1~BHT*0019*00*1*20240101*1200*CH~SE*3*1~GE*1*1~IEA*1*1~"
    with pytest.raises(BadInput, match="no claim"):
        read_837(tmp_path / "x.837", text=text)
