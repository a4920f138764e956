"""A printed remittance advice inside a PDF: read as an EOB, never as the bill's charges."""

from __future__ import annotations

from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill, read_eob
from billadvocate.ingest.printed_eob import read_remittance
from billadvocate.ingest.text_table import TextLine
from tests.conftest import ROOT

D = Decimal
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
REMITTANCE = [
    "ACME HEALTH PLAN OF OHIO",
    "CLM#: 2024-88812",
    "250.00=REPORTED 0.00=DRG AMOUNT",
    "120.00=ALLOW/REIM 100.00=NET REIM AMT",
    "REV DATE HCPCS MODS QTY CHARGES ALLOW/REIM GC RSN AMOUNT",
    "0450 03/02 99283 25 1 200.00 100.00 CO 45 100.00",
    "0300 03/02 85025 1 50.00 20.00 PR 2 20.00",
]


def _pdf(path, pages: list[list[str]]):
    from fpdf import FPDF

    pdf = FPDF(format="letter", unit="pt")
    pdf.set_font("Helvetica", size=9)
    for texts in pages:
        pdf.add_page()
        for i, text in enumerate(texts):
            pdf.set_xy(40, 40 + i * 14)
            pdf.cell(500, 12, text)
    pdf.output(str(path))
    return path


def test_a_bill_with_a_remittance_page(tmp_path):
    path = _pdf(tmp_path / "statement.pdf", [
        ["Valley General Hospital", "Date Code Description Amount", "03/02/2024 99283 ER VISIT LEVEL 3 200.00",
         "03/02/2024 85025 CBC WITH DIFF 50.00", "TOTAL CHARGES 250.00"],
        REMITTANCE])
    bill = read_bill(path)
    assert [ln.charge for ln in bill.lines] == [D("200.00"), D("50.00")] and bill.stated_total == D("250.00")
    assert any("page(s) 2: the insurer's remittance advice, not charges" in n for n in bill.notes)
    eob = read_eob(path)
    (claim,) = eob.claims
    assert (eob.format, eob.payer, claim.claim_id) == ("pdf-eob", "ACME HEALTH PLAN OF OHIO", "2024-88812")
    assert (claim.billed, claim.paid, claim.patient_responsibility, claim.coinsurance) == (
        D("250.00"), D("100.00"), D("20.00"), D("20.00"))
    # the plan pays what it allows less the patient's coinsurance: 100.00 + (20.00 - 20.00)
    assert claim.allowed == D("120.00") and [ln.paid for ln in claim.lines] == [D("100.00"), D("0.00")]
    assert [(ln.code, ln.modifiers, ln.revenue_code, ln.adjustments[0].key) for ln in claim.lines] == [
        ("99283", ["25"], "0450", "CO-45"), ("85025", [], "0300", "PR-2")]
    assert any("add up to what the remittance states (billed 250.00, allowed 120.00, paid 100.00)" in n
               for n in eob.notes)


def test_a_pdf_without_a_remittance_is_not_an_eob():
    with pytest.raises(BadInput, match="no remittance"):
        read_eob(FIXTURES / "duplicate-billing.pdf")


def test_rows_without_a_header_are_not_a_remittance():
    lines = [TextLine(text=t, page=1, top=12.0 * i) for i, t in enumerate(REMITTANCE) if not t.startswith("REV")]
    assert read_remittance(lines, file="x.pdf", format="pdf-eob").claims == []
