"""Scanned PDFs and photos read by OCR (rapidocr-onnxruntime, the `ocr` extra). Skipped when absent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill, read_eob
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


SENTARA = ("sample_bills", "Sample-Itemized-Billing-Statement-Sentara.pdf")


@pytest.fixture(scope="module")
def sentara_bill():
    return read_bill(shared(*SENTARA))


def test_the_scanned_sentara_statement(sentara_bill):
    bill = sentara_bill
    assert bill.format == "pdf-ocr" and 0.8 < bill.ocr_confidence <= 1
    assert [(ln.revenue_code, ln.code, ln.charge) for ln in bill.lines] == [
        ("0250", "J3490", D("27.50")), ("0250", "J3490", D("1.00")), ("0350", "70486", D("1609.00")),
        # the scan's 72125 is read as 72126 (the remittance on page 3 has 72125): a known OCR slip
        ("0350", "72126", D("2203.00")),
        ("0351", "70450", D("1691.00")), ("0359", "G1004", D("0.01")), ("0359", "G1004", D("0.01")),
        ("0359", "G1004", D("0.01")), ("0450", "12011", D("773.00")), ("0450", "99284", D("954.00"))]
    assert (bill.stated_total, bill.payments, bill.adjustments) == (D("7258.53"), D("1958.25"), D("5300.28"))
    # every line is read, so the lines add up to the bill's own total; page 3 is not taken as charges
    assert bill.total_charges == bill.stated_total


def test_the_sentara_amount_ocr_misread_is_read_again_closer_and_said_so(sentara_bill):
    bill = sentara_bill
    said = [n for n in bill.notes if "'1,69f.00'" in n]
    assert len(said) == 1 and "read again 3 times closer it is 1,691.00" in said[0]
    assert any("add up to the bill's stated total 7,258.53" in n for n in bill.notes)
    assert not any("skipped" in n for n in bill.notes)
    assert any(n.startswith("page(s) 3: the insurer's remittance advice") for n in bill.notes)


def test_the_sentara_remittance_page_is_read_as_an_eob():
    eob = read_eob(shared(*SENTARA))
    assert eob.format == "pdf-eob" and eob.payer == "ANTHEM HEALTH PLANS OF VIRGINIA"
    (claim,) = eob.claims
    assert (claim.billed, claim.allowed, claim.paid, claim.patient_responsibility) == (
        D("7258.50"), D("1958.25"), D("1958.25"), D("0"))
    assert eob.payment_total == D("1958.25") and claim.status == "partly_denied"
    rows = [(ln.revenue_code, ln.code, ln.modifiers, ln.billed, ln.allowed, ln.adjustments[0].group,
             ln.adjustments[0].reason, ln.adjustments[0].amount) for ln in claim.lines]
    assert rows == [
        ("0450", "99284", ["25"], D("954.00"), D("1226.51"), "OA", "94", D("-272.51")),
        ("0250", None, [], D("1.00"), D("0.00"), "CO", "97", D("1.00")),
        ("0250", None, [], D("27.50"), D("0.00"), None, "97", D("27.50")),  # its group code is not printed legibly
        ("0350", "70486", ["ME"], D("1609.00"), D("731.74"), "CO", "45", D("877.26")),
        ("0350", "72125", ["ME"], D("2203.00"), D("0.00"), "CO", "97", D("2203.00")),
        ("0351", "70450", ["ME"], D("1691.00"), D("0.00"), "CO", "97", D("1691.00")),
        ("0450", "12011", [], D("773.00"), D("0.00"), "CO", "97", D("773.00"))]
    # charges less the adjustments are what was paid, as on the bill's page 2 (payments 1,958.25)
    assert claim.billed - sum(ln.adjustments[0].amount for ln in claim.lines) == claim.paid
    assert [ln.denied for ln in claim.lines] == [False, True, True, False, True, True, True]
    assert any("group code" in n and "service line 3" in n for n in eob.notes)
    assert any("add up to what the remittance states (billed 7,258.50, allowed 1,958.25, paid 1,958.25)" in n
               for n in eob.notes)


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


def _printed(*texts: str) -> list:
    from billadvocate.ingest.text_table import TextLine

    return [TextLine(text=t, page=1, top=20.0 * i, height=12.0) for i, t in enumerate(texts)]


def test_a_misread_amount_is_guessed_only_when_the_stated_total_confirms_it():
    from billadvocate.ingest.ocr import read_ocr_text
    from billadvocate.model import Bill

    lines = _printed("Date Code Description Amount", "03/02/2025 85025 CBC WITH DIFF 45.00",
                     "03/02/2025 80053 METABOLIC PANEL 1,2S0.00", "TOTAL CHARGES 1,295.00")
    bill = read_ocr_text(lines, Bill(source="scan.png", format="image"), [])
    assert [ln.charge for ln in bill.lines] == [D("45.00"), D("1250.00")] and bill.total_charges == bill.stated_total
    assert any("'1,2S0.00'; taken as 1,250.00 because only then do the lines add up" in n for n in bill.notes)


def test_a_misread_amount_the_total_does_not_confirm_stays_out_with_a_note():
    from billadvocate.ingest.ocr import read_ocr_text
    from billadvocate.model import Bill

    lines = _printed("Date Code Description Amount", "03/02/2025 85025 CBC WITH DIFF 45.00",
                     "03/02/2025 80053 METABOLIC PANEL 1,2S0.00", "TOTAL CHARGES 1,300.00")
    bill = read_ocr_text(lines, Bill(source="scan.png", format="image"), [])
    assert [ln.charge for ln in bill.lines] == [D("45.00")]
    assert any("amount could not be read was skipped: '03/02/2025 80053 METABOLIC PANEL 1,2S0.00'" in n
               for n in bill.notes) and not any("taken as" in n for n in bill.notes)


def test_a_photo_with_a_quantity_column_and_a_total_reads_each_line_once(tmp_path):
    # the recogniser runs '1   40.00' together and drops the space in 'TOTAL CHARGES': neither may become a charge
    lines = ["Date        Code    Description                  Qty     Amount"]
    lines += [f"03/{1 + i:02d}/2025  {85000 + i}   LAB TEST NUMBER {i:<12}  1   {40 + i * 3}.00" for i in range(8)]
    lines += ["TOTAL CHARGES                                         404.00"]
    bill = read_bill(bill_image(tmp_path / "page.png", lines, size=(1275, 600)))
    assert [(ln.code, ln.units, ln.charge) for ln in bill.lines] == [
        (str(85000 + i), D(1), D(40 + i * 3)) for i in range(8)]
    assert bill.stated_total == bill.total_charges == D("404.00")
