"""Scanned PDFs and photos read by OCR (rapidocr-onnxruntime, the `ocr` extra). Skipped when absent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill
from billadvocate.ingest.ocr import _clean
from tests.conftest import shared
from tests.ingest.samples import bill_image

pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")
D = Decimal


@pytest.mark.parametrize("text,cleaned", [
    ("0250|Phammacy J3490 1:00 1", "0250 Phammacy J3490 1.00 1"),
    ("Adjustments -5.300.28", "Adjustments -5,300.28"),
    ("at 10:30:15", "at 10:30:15"),
    ("03/02/202585025CBCWITHDIFF 45.00", "03/02/2025 85025 CBCWITHDIFF 45.00"),
])
def test_ocr_slips_in_amounts_are_fixed(text, cleaned):
    assert _clean(text) == cleaned


def test_the_scanned_sentara_statement():
    bill = read_bill(shared("sample_bills", "Sample-Itemized-Billing-Statement-Sentara.pdf"))
    assert bill.format == "pdf-ocr" and 0.8 < bill.ocr_confidence <= 1
    charges = {(ln.code, ln.charge) for ln in bill.lines}
    assert {("J3490", D("27.50")), ("70486", D("1609.00")), ("12011", D("773.00")), ("99284", D("954.00"))} <= charges
    assert len(bill.lines) >= 8
    assert (bill.stated_total, bill.payments, bill.adjustments) == (D("7258.53"), D("1958.25"), D("5300.28"))
    # page 3 is the insurer's remittance: its CHARGES column is not read as more charges
    assert bill.total_charges < bill.stated_total


def test_a_photo_of_an_itemized_table(tmp_path):
    path = bill_image(tmp_path / "photo.png", [
        "Date        Code    Description         Amount",
        "03/02/2025  85025   CBC WITH DIFF        45.00",
        "03/02/2025  80053   METABOLIC PANEL     310.00",
        "TOTAL CHARGES                           355.00",
    ])
    bill = read_bill(path)
    assert bill.format == "image" and [(ln.code, ln.charge) for ln in bill.lines] == [
        ("85025", D("45.00")), ("80053", D("310.00"))]
    assert bill.stated_total == D("355.00") and bill.ocr_confidence > 0.8


def test_a_photo_with_no_table(tmp_path):
    path = bill_image(tmp_path / "cat.jpg", ["Thank you for your visit", "Get well soon"])
    with pytest.raises(BadInput, match="no table of charges"):
        read_bill(path)


def test_a_blank_photo(tmp_path):
    path = bill_image(tmp_path / "blank.png", [])
    with pytest.raises(BadInput, match="no text found"):
        read_bill(path)
