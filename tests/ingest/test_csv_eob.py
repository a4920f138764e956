"""EOB exports as CSV and XLSX: headers as insurers write them, claims grouped, denials found."""

from __future__ import annotations

from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill, read_eob
from billadvocate.ingest.csv_eob import read_csv_eob
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
D = Decimal


def test_portal_export_groups_rows_into_claims_with_the_cost_sharing_split():
    eob = read_eob(FIXTURES / "eob-export.csv")
    assert eob.format == "csv-eob" and [c.claim_id for c in eob.claims] == ["C-1001", "C-1002"]
    er, xray = eob.claims
    assert (er.billed, er.allowed, er.paid, er.deductible, er.coinsurance, er.patient_responsibility) == (
        D("2240.00"), D("865.00"), D("600.00"), D("215.00"), D("50.00"), D("265.00"))
    assert er.in_network is True and xray.in_network is False
    assert er.status == "partly_denied" and er.lines[2].denied
    assert er.lines[2].denial_reasons == ["CO-18: exact duplicate of a claim or service already processed"]
    assert xray.denied and xray.patient_responsibility == D("610.00")
    assert eob.payment_total == D("600.00")  # the export's own total row, not a service


def test_an_eob_export_is_detected_by_its_headers_not_its_name(tmp_path):
    path = tmp_path / "download.txt"
    path.write_text((FIXTURES / "eob-export.csv").read_text())
    assert read_eob(path).claims[0].claim_id == "C-1001"
    with pytest.raises(BadInput, match="EOB"):
        read_bill(path)


def test_rows_without_claim_ids_are_grouped_by_date_and_provider(tmp_path):
    text = ("Date,Provider,Billed,Paid,You Owe\n2025-01-02,Dr A,100,80,20\n2025-01-02,Dr A,50,40,10\n"
            "2025-01-03,Dr A,70,0,70\n")
    eob = read_csv_eob(tmp_path / "e.csv", text=text)
    assert [len(c.lines) for c in eob.claims] == [2, 1]
    assert eob.total_patient_responsibility == D("100")


@pytest.mark.parametrize("text,words", [
    ("date,code,charge\n2025-01-02,99213,100\n", "no EOB columns"),
    ("Date,Paid,You Owe\n2025-01-02,abc,1\n", "row 2, column paid"),
    ("Date,Paid,You Owe\n", "no service rows"),
])
def test_bad_exports_say_what_and_where(tmp_path, text, words):
    with pytest.raises(BadInput) as e:
        read_csv_eob(tmp_path / "e.csv", text=text)
    assert words in e.value.line()


def test_an_xlsx_eob_export(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Member claims report"])
    rows = [r.split(",") for r in ["Claim,Date of Service,Billed,Allowed,Plan Paid,You Owe",
                                   "X1,2025-02-01,300,200,150,50"]]
    for r in rows:
        ws.append(r)
    path = tmp_path / "claims.xlsx"
    wb.save(path)
    eob = read_eob(path)
    assert eob.format == "xlsx" and eob.claims[0].patient_responsibility == D("50")
