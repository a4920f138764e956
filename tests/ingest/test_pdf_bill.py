"""Itemized bills as PDF with a text layer: table rows, wrapped descriptions, repeated page headers and
footers, and totals/payments kept as what the bill states (not as charges)."""

from __future__ import annotations

from datetime import date
from dataclasses import replace
from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill
from tests.conftest import ROOT, shared
from tests.ingest.samples import itemized_pdf

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
D = Decimal


def test_a_multi_page_bill_reads_every_line_once(tmp_path):
    made = itemized_pdf(tmp_path / "bill.pdf", pages=3, rows_per_page=15)
    bill = read_bill(tmp_path / "bill.pdf")
    assert bill.format == "pdf" and len(bill.lines) == made["lines"] == 45
    assert bill.total_charges == made["total"] == bill.stated_total
    assert bill.payments == D("100.00") and bill.stated_balance == made["total"] - 100
    assert [ln.line for ln in bill.lines] == list(range(1, 46))


def test_wrapped_descriptions_join_their_charge_line(tmp_path):
    made = itemized_pdf(tmp_path / "bill.pdf", pages=1, rows_per_page=15, wrap_every=7)
    bill = read_bill(tmp_path / "bill.pdf")
    for n, text in made["wrapped"].items():
        assert bill.lines[n - 1].description == text


def test_repeated_headers_and_page_footers_are_not_charges(tmp_path):
    itemized_pdf(tmp_path / "bill.pdf", pages=2, rows_per_page=5)
    bill = read_bill(tmp_path / "bill.pdf")
    assert not any("Page" in ln.description or "Questions" in ln.description for ln in bill.lines)
    assert any("repeated on every page" in n for n in bill.notes)


def test_columns_date_code_units():
    bill = read_bill(FIXTURES / "duplicate-billing.pdf")
    assert [(ln.code, ln.charge) for ln in bill.lines] == [
        ("85025", D("45.00")), ("85025", D("45.00")), ("80053", D("65.00")), ("99213", D("180.00"))]
    assert all(ln.date == date(2024, 10, 15) for ln in bill.lines)
    assert bill.stated_total == D("1040.00")  # as printed; the audit checks the arithmetic


@pytest.mark.parametrize("name,lines,total,stated", [
    ("duplicate-billing.pdf", 4, "335.00", "1040.00"),
    ("ncci-unbundling.pdf", 4, "18555.00", "1040.00"),
    ("er-visit-with-cpt.pdf", 4, "1040.00", "1040.00"),
    ("summary-bill-no-cpt.pdf", 4, "4830.00", "4830.00"),
    ("medical-bill-generated.pdf", 2, "648.53", "638.53"),
])
def test_every_sample_text_pdf(name, lines, total, stated):
    bill = read_bill(shared("sample_bills", name))
    assert (len(bill.lines), bill.total_charges, bill.stated_total) == (lines, D(total), D(stated))


def test_summary_statement_keeps_payments_and_balance_apart_from_charges():
    bill = read_bill(shared("sample_bills", "medical-bill-generated.pdf"))
    assert [ln.description for ln in bill.lines] == ["Pharmacy", "Treatment or Observation Room"]
    assert (bill.payments, bill.adjustments, bill.stated_balance) == (D("598.53"), D("0.00"), D("40.00"))
    assert all(ln.date == date(2020, 7, 1) for ln in bill.lines)


def test_a_second_total_printed_on_the_bill_is_noted():
    bill = read_bill(shared("sample_bills", "summary-bill-no-cpt.pdf"))
    assert any("more than one total" in n for n in bill.notes)


def test_a_password_protected_pdf_is_one_clear_line(tmp_path):
    itemized_pdf(tmp_path / "locked.pdf", pages=1, rows_per_page=3, password="secret")
    with pytest.raises(BadInput, match="password-protected") as e:
        read_bill(tmp_path / "locked.pdf")
    assert e.value.file.endswith("locked.pdf")


def test_a_broken_pdf_is_one_clear_line(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage" * 50)
    with pytest.raises(BadInput, match="PDF"):
        read_bill(path)


def test_a_pdf_with_text_but_no_charges_says_to_ask_for_an_itemized_bill(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(100, 10, "Thank you for choosing Valley General Hospital.")
    pdf.output(str(tmp_path / "letter.pdf"))
    with pytest.raises(BadInput, match="no charge lines"):
        read_bill(tmp_path / "letter.pdf")


@pytest.mark.parametrize("name", ["cfpb_debt-collection_model-validation-notice_en.pdf",
                                  "cfpb_debt-collection_model-validation-notice_es.pdf",
                                  "cfpb_model-debt-collection-validation-notice.pdf"])
def test_a_collectors_validation_notice_is_not_read_as_a_bill(name):
    with pytest.raises(BadInput, match="validation notice .* not an itemized bill") as e:
        read_bill(shared("debt_collection", "cfpb_model_validation_notice", name))
    assert e.value.file.endswith(name)


@pytest.mark.parametrize("sample, name", [("er-visit-with-cpt.pdf", "Valley General Hospital"),
                                          ("medical-bill-generated.pdf", "Sample Medical Center")])
def test_the_facility_the_heading_names_is_kept_on_the_bill(sample, name):
    # "Hospital Bill - Valley General Hospital" above the charges; a heading whose columns run together
    assert read_bill(shared("sample_bills", sample)).provider_name == name


def test_a_repeated_page_heading_still_names_the_facility(tmp_path):
    itemized_pdf(tmp_path / "bill.pdf", pages=3, rows_per_page=5)  # "Valley General Hospital - Itemized Statement"
    bill = read_bill(tmp_path / "bill.pdf")
    assert bill.provider_name == "Valley General Hospital"
    assert not [ln for ln in bill.lines if "Hospital" in (ln.description or "")]


def test_a_count_in_the_description_is_the_units_when_the_bill_has_no_units_column():
    # "J0696 Ceftriaxone 250mg x4 $150.00": four 250 mg billing units, so the drug's price per unit is
    # compared for all four (the ratio is never overstated fourfold); said in a note
    bill = read_bill(shared("sample_bills", "er-visit-with-cpt.pdf"))
    drug = bill.lines[3]
    assert (drug.code, drug.units, drug.description) == ("J0696", D(4), "Ceftriaxone 250mg x4")
    assert any("4 units read from 'x4'" in n for n in bill.notes)
    assert [ln.units for ln in bill.lines[:3]] == [1, 1, 1]


@pytest.mark.parametrize("text, units", [("A6402 GAUZE PAD 4X4 $12.00", 1), ("A4206 SYRINGE 1CC X 3 $9.00", 3),
                                          ("99285 ER VISIT x1 $820.00", 1), ("J1100 DEXAMETHASONE x12 $30.00", 12)])
def test_only_a_count_after_a_space_is_read_as_units(text, units):
    from billadvocate.ingest.text_table import TextLine, read_text_lines
    from billadvocate.model import Bill

    bill = read_text_lines([TextLine("Valley General Hospital"), TextLine(text)], Bill(source="b.pdf", format="pdf"))
    assert [ln.units for ln in bill.lines] == [units]


# the payer and credit rows hospital statements print, here with a positive amount where the real sample
# prints its 'Insurance Payment -598.53': each is a payment, an adjustment, or neither, never a charge
@pytest.mark.parametrize("row,kind", [
    ("Insurance Payment", "payments"), ("INS PAYMT", "payments"), ("INS PYMT", "payments"), ("MEDICARE PYMNT", "payments"),
    ("BCBS REMIT", "payments"), ("INSURANCE RECEIPT", "payments"), ("PATIENT RECEIPT", "payments"),
    ("Insurance Applied", "payments"), ("INSURANCE REIMBURSEMENT", "payments"), ("COPAY COLLECTED", "payments"),
    ("AETNA CREDIT", "adjustments"), ("CHARITY CARE", "adjustments"), ("FINANCIAL ASSISTANCE", "adjustments"),
    ("SEQUESTRATION", "adjustments"), ("HMO DISC", "adjustments"), ("RECOUPMENT", "adjustments"),
    ("SELF PAY TRANSFER", None), ("TRANSFER TO INSURANCE", None), ("ESTIMATED INSURANCE", None),
    ("DEDUCTIBLE", None), ("COINSURANCE", None), ("REFUND", None), ("BAD DEBT", None),
])
def test_a_payer_or_credit_row_on_the_real_statement_is_never_a_charge(row, kind):
    from billadvocate.ingest.pdf_bill import pdf_text
    from billadvocate.ingest.text_table import read_text_lines
    from billadvocate.model import Bill

    text = pdf_text(shared("sample_bills", "medical-bill-generated.pdf"))
    # the row alone says what it is: the statement's own 'Total Payments' and 'Total Adjustments' are left out
    lines = [replace(ln, text=f"{row} 598.53") if ln.text.startswith("Insurance Payment") else ln for ln in text.lines
             if not ln.text.startswith(("Total Payments", "Total Adjustments"))]
    bill = read_text_lines(lines, Bill(source="statement.pdf", format="pdf"))
    assert [ln.description for ln in bill.lines] == ["Pharmacy", "Treatment or Observation Room"]
    assert (bill.payments, bill.adjustments) == {"payments": (D("598.53"), None), "adjustments": (None, D("598.53")),
                                                 None: (None, None)}[kind]
    left_out = [n for n in bill.notes if n.startswith(f"a row that is not a charge was left out: '{row} 598.53'")]
    assert len(left_out) == (kind is None)
