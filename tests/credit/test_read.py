"""Reading tradelines: CSV rows and report PDF text, and one-line errors naming the row and field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.credit import read_tradelines
from billadvocate.credit.engine import tradelines_from, validate_dates
from billadvocate.credit.pdf_text import parse_report_text
from billadvocate.credit.read import write_tradelines_csv
from billadvocate.errors import BadInput

HEADER = "Bureau,Creditor,Medical,Original Amount,Balance,Status,Date of First Delinquency,Date Reported\n"


def write(tmp_path, text, name="t.csv"):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_csv_with_header_variants_reads_every_field(tmp_path):
    p = write(tmp_path, HEADER + "Equifax,ABC Recovery,yes,$420.00,420,Paid Collection,05/01/2025,2025-09-01\n")
    (tl,) = read_tradelines(p)
    assert (tl.bureau, tl.furnisher, tl.medical, tl.status) == ("equifax", "ABC Recovery", True, "paid")
    assert tl.original_amount == Decimal("420.00") and tl.first_delinquency == date(2025, 5, 1)


@pytest.mark.parametrize("row,where,words", [
    ("Equifacks,ABC,yes,1,1,unpaid,2025-01-01,2025-09-01", "row 2, column bureau", "not a credit bureau"),
    ("Equifax,ABC,yes,1,lots,unpaid,2025-01-01,2025-09-01", "row 2, column balance", "not an amount of money"),
    ("Equifax,ABC,yes,1,1,unpaid,2025-02-30,2025-09-01", "row 2, column first_delinquency", "not a date"),
    ("Equifax,,yes,1,1,unpaid,2025-01-01,2025-09-01", "row 2, column furnisher", "no furnisher"),
    ("Equifax,ABC,yes,1,1,lost,2025-01-01,2025-09-01", "row 2, column status", "not a status"),
])
def test_a_bad_cell_is_one_error_naming_row_and_column(tmp_path, row, where, words):
    p = write(tmp_path, HEADER + row + "\n")
    with pytest.raises(BadInput) as e:
        read_tradelines(p)
    assert e.value.where == where and words in e.value.problem and e.value.file == str(p)


def test_a_date_after_the_report_was_pulled_is_refused(tmp_path):
    p = write(tmp_path, HEADER + "Equifax,ABC,yes,1,1,unpaid,2025-01-01,2026-12-01\n")
    refs = tradelines_from(read_tradelines(p), str(p))
    with pytest.raises(BadInput) as e:
        validate_dates(refs, date(2026, 11, 1), what="the day the report was pulled", file=str(p))
    assert e.value.where == "row 2, column reported" and "in the future" in e.value.problem


def test_what_was_read_writes_back_to_a_csv_that_reads_the_same(tmp_path):
    p = write(tmp_path, HEADER + "TransUnion,Lab Co,no,$80.00,,settled,,2024-02-01\n")
    items = read_tradelines(p)
    out = write_tradelines_csv(items, tmp_path / "back.csv")
    assert read_tradelines(out) == items


REPORT = """\
Experian Credit Report   Prepared for JANE DOE   Report date 11/01/2026
Collection Accounts
Account Name: FRESNO IMAGING ASSOC
Original Creditor: MEDICAL PAYMENT DATA
Date Opened: 09/01/2025
Original Balance: $420.00
Balance: $420
Status: Collection account. $420 past due as of Oct 2026.
Date of First Delinquency: 05/01/2025
Account Name: CITY TOWING
Original Balance: $150.00
Balance: $0
Status: Paid collection
Date Opened: 01/05/2024
Date Paid: 03/01/2024
Experian
"""


def test_report_text_reads_label_blocks_and_marks_medical():
    first, second = parse_report_text(REPORT, file="r.pdf")
    assert (first.bureau, first.furnisher, first.medical, first.status) == ("experian", "FRESNO IMAGING ASSOC",
                                                                           True, "unpaid")
    assert first.reported == date(2025, 9, 1) and first.original_amount == Decimal("420.00")
    assert (second.medical, second.status, second.paid_on) == (False, "paid", date(2024, 3, 1))


def test_report_text_without_an_amount_is_refused_not_guessed():
    with pytest.raises(BadInput) as e:
        parse_report_text("Equifax\nAccount Name: ACME\nDate Opened: 01/01/2025\n", file="r.pdf")
    assert "could not read an amount" in e.value.problem and e.value.where.startswith("account 1")


def test_report_text_of_another_layout_is_refused():
    with pytest.raises(BadInput, match="no accounts found"):
        parse_report_text("TransUnion\nACME COLLECTIONS 420.00 05/2025\n", file="r.pdf")


def test_a_real_pdf_is_read_through_pdfplumber(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for text_line in REPORT.splitlines():
        pdf.cell(0, 5, text_line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    items = read_tradelines(path)
    assert [t.furnisher for t in items] == ["FRESNO IMAGING ASSOC", "CITY TOWING"]


def test_a_pdf_without_text_says_to_use_a_csv(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(BadInput, match="no text"):
        read_tradelines(path)
