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
    # the layout matched is named, as a consumer EOB's is
    assert ("page 2: read as a printed remittance advice (the insurer's 835 on paper; layout: REV DATE HCPCS MODS QTY "
            "CHARGES ALLOW/REIM GC RSN AMOUNT); its rows are services the plan processed, not charges") in eob.notes


def test_a_pdf_without_a_remittance_is_not_an_eob():
    with pytest.raises(BadInput, match="no remittance"):
        read_eob(FIXTURES / "duplicate-billing.pdf")


def test_rows_without_a_header_are_not_a_remittance():
    lines = [TextLine(text=t, page=1, top=12.0 * i) for i, t in enumerate(REMITTANCE) if not t.startswith("REV")]
    assert read_remittance(lines, file="x.pdf", format="pdf-eob").claims == []


def _stay(tmp_path, remittance_dates: tuple[str, str], bill_dates: tuple[str, str] = ("12/30/2023", "01/02/2024"),
          posted: str | None = None):
    """A statement for a stay across New Year whose remittance page prints its dates without a year."""
    a, b = bill_dates
    bill = ["Valley General Hospital", "Date Code Description Amount", f"{a} 99283 ER VISIT LEVEL 3 200.00",
            f"{b} 85025 CBC WITH DIFF 50.00", "TOTAL CHARGES 250.00"]
    if posted:
        bill += ["Date Description Amount", f"Fri {posted} Payments -100.00"]
    x, y = remittance_dates
    remit = [*REMITTANCE[:5], f"0450 {x} 99283 25 1 200.00 100.00 CO 45 100.00", f"0300 {y} 85025 1 50.00 20.00 PR 2 20.00"]
    return _pdf(tmp_path / "stay.pdf", [bill, remit])


def test_a_remittance_date_without_a_year_takes_the_bills_year_across_new_year(tmp_path):
    from datetime import date

    eob = read_eob(_stay(tmp_path, ("12/30", "01/02")))
    (claim,) = eob.claims
    assert [ln.date for ln in claim.lines] == [date(2023, 12, 30), date(2024, 1, 2)]
    assert (claim.start, claim.end) == (date(2023, 12, 30), date(2024, 1, 2))
    assert ("page 2: service dates are printed without a year (12/30, 01/02); the years 2023 and 2024 are taken from "
            "the bill's service period 12/30/2023 to 01/02/2024") in eob.notes


def test_the_dated_remittance_lines_match_the_bills_lines_by_date(tmp_path):
    from billadvocate.ingest.match import match

    path = _stay(tmp_path, ("12/30", "01/02"))
    result = match([read_bill(path)], [read_eob(path)])
    assert [(m.bill_line, m.eob_line, "date" in m.how) for m in result.lines] == [(1, 1, True), (2, 2, True)]


def test_a_remittance_date_outside_the_bills_period_stays_undated_and_says_why(tmp_path):
    from datetime import date

    eob = read_eob(_stay(tmp_path, ("12/30", "03/15")))
    assert [ln.date for ln in eob.claims[0].lines] == [date(2023, 12, 30), None]
    (note,) = [n for n in eob.notes if "without a year" in n]
    assert note == ("page 2: service dates are printed without a year (12/30, 03/15); the year 2023 is taken from the "
                    "bill's service period 12/30/2023 to 01/02/2024; the line(s) of 03/15 are kept without a date: no "
                    "year puts it within the bill's service period 12/30/2023 to 01/02/2024 or 31 days after it")
    assert (eob.claims[0].start, eob.claims[0].end) == (None, None)  # the claim's dates are not all known


def test_a_bill_without_dates_of_service_gives_the_year_of_its_posted_payment(tmp_path):
    from datetime import date

    eob = read_eob(_stay(tmp_path, ("11/09", "11/10"), bill_dates=("", ""), posted="12/22/2023"))
    assert [ln.date for ln in eob.claims[0].lines] == [date(2023, 11, 9), date(2023, 11, 10)]
    assert any("the year 2023 is taken from the bill's payment posted on 12/22/2023" in n for n in eob.notes)


def test_a_remittance_alone_keeps_its_dates_unknown_and_says_so(tmp_path):
    eob = read_eob(_pdf(tmp_path / "remit.pdf", [REMITTANCE]))
    assert [ln.date for ln in eob.claims[0].lines] == [None, None]
    assert ("page 1: service dates are printed without a year (03/02); the lines are kept without a date: the bill "
            "states no date of service or payment to take the year from") in eob.notes


def test_a_remittance_date_printed_with_its_year_is_kept(tmp_path):
    from datetime import date

    remit = [*REMITTANCE[:5], "0450 03/02/2024 99283 25 1 200.00 100.00 CO 45 100.00",
             "0300 03/02/24 85025 1 50.00 20.00 PR 2 20.00"]
    eob = read_eob(_pdf(tmp_path / "remit.pdf", [remit]))
    assert [ln.date for ln in eob.claims[0].lines] == [date(2024, 3, 2)] * 2
    assert not any("without a year" in n for n in eob.notes)


def test_a_bill_without_dates_of_service_gives_the_year_of_its_statement_date(tmp_path):
    from datetime import date

    path = _pdf(tmp_path / "statement.pdf", [
        ["Sample Medical Center Statement Date: 01/05/2024", "Date Code Description Amount", "99283 ER VISIT LEVEL 3 200.00",
         "85025 CBC WITH DIFF 50.00", "TOTAL CHARGES 250.00"],
        [*REMITTANCE[:5], "0450 12/30 99283 25 1 200.00 100.00 CO 45 100.00", "0300 12/31 85025 1 50.00 20.00 PR 2 20.00"]])
    eob = read_eob(path)
    assert [ln.date for ln in eob.claims[0].lines] == [date(2023, 12, 30), date(2023, 12, 31)]
    assert ("page 2: service dates are printed without a year (12/30, 12/31); the year 2023 is taken from the bill's "
            "statement date 01/05/2024 (care comes before it is billed and paid)") in eob.notes


@pytest.mark.parametrize("heading", [
    # the Sentara statement's heading (its values are blacked out on the published sample), a table's row under it
    ["PATIENT NAME ACCOUNT ADMISSION DISCHARGE PRINT DATE", "NO. DATE DATE", "JANE DOE 4711 12/30/2023 01/02/2024 02/15/2024"],
    ["Admission Date: 12/30/2023 Discharge Date: 01/02/2024"],
], ids=["table", "labels"])
def test_a_bill_without_dates_of_service_gives_the_years_of_its_stay(tmp_path, heading):
    from datetime import date

    bill = ["Sentara Health", *heading, "Rev Code Description Price Qty", "0450 Emergency Room 99284 954.00 1",
            "0350 CT Scan 70450 1,691.00 1", "Total 2,645.00"]
    remit = [*REMITTANCE[:5], "0450 12/30 99284 25 1 954.00 500.00 CO 45 454.00", "0350 01/02 70450 1 1691.00 0.00 CO 97 1691.00"]
    eob = read_eob(_pdf(tmp_path / "stay.pdf", [bill, remit]))
    assert [ln.date for ln in eob.claims[0].lines] == [date(2023, 12, 30), date(2024, 1, 2)]
    assert any("the years 2023 and 2024 are taken from the bill's service period 12/30/2023 to 01/02/2024" in n
               for n in eob.notes)


def test_a_header_without_service_rows_names_no_layout():
    lines = [TextLine(text=t, page=1, top=12.0 * i) for i, t in enumerate(REMITTANCE[:5])]
    eob = read_remittance(lines, file="x.pdf", format="pdf-eob")
    assert eob.claims == [] and not any("read as a printed remittance" in n for n in eob.notes)
