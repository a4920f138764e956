"""The real scanned Sentara statement (../shared/data/sample_bills) as a billing advocate reads it: pages 1-2
are the hospital's charges and its insurance postings, page 3 the insurer's remittance. The scan is read by OCR
once for the module (pdf_bill.pdf_text) and its text read as the bill and as the EOB, as read_bill and read_eob do."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.ingest.pdf_bill import bill_from_text, eob_from_text, pdf_text
from tests.conftest import shared

pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")
D = Decimal
SENTARA = ("sample_bills", "Sample-Itemized-Billing-Statement-Sentara.pdf")


@pytest.fixture(scope="module")
def path():
    return shared(*SENTARA)


@pytest.fixture(scope="module")
def text(path):
    return pdf_text(path)


@pytest.fixture(scope="module")
def eob(text, path):
    return eob_from_text(text, str(path))


@pytest.fixture(scope="module")
def bill(text, path):
    return bill_from_text(text, str(path))


def test_the_remittance_dates_take_the_year_of_the_bills_insurance_postings(eob):
    # page 3 prints 11/09 and 11/10; page 2 posts the insurer's payment and adjustment on Fri 12/22/2023
    (claim,) = eob.claims
    assert [ln.date for ln in claim.lines] == [date(2023, 11, 9)] + [date(2023, 11, 10)] * 6
    assert (claim.start, claim.end) == (date(2023, 11, 9), date(2023, 11, 10))
    assert ("page 3: service dates are printed without a year (11/09, 11/10); the year 2023 is taken from the bill's "
            "payment posted on 12/22/2023 (care comes before it is billed and paid)") in eob.notes


def test_the_remittance_layout_is_named(eob):
    assert ("page 3: read as a printed remittance advice (the insurer's 835 on paper; layout: REV DATE HCPCS APC/HIPPS "
            "MODS QTY CHARGES ALLOW/REIM GC RSN AMOUNT REMARK CODES); its rows are services the plan processed, not "
            "charges") in eob.notes


def test_the_claim_says_in_words_that_some_services_were_denied(eob):
    # `read` printed the status code 'partly_denied' where an 835 or a FHIR EOB says it in words
    (claim,) = eob.claims
    assert (claim.status, claim.status_text) == ("partly_denied", "some services denied")
