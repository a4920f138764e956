"""Fuzzing: no input makes a reader raise anything but BadInput (one clear line, exit 2)."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billadvocate.errors import BadInput
from billadvocate.ingest.csv_bill import read_csv_text
from billadvocate.ingest.csv_eob import read_csv_eob
from billadvocate.ingest.fhir_eob import read_fhir_data, read_fhir_eob
from billadvocate.ingest.text_table import TextLine, read_text_lines
from billadvocate.ingest.x12_835 import read_835
from billadvocate.ingest.x12_837 import read_837
from billadvocate.model import Bill
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
FUZZ = settings(max_examples=int(os.environ.get("BILLADVOCATE_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEGMENT_TEXT = st.text(alphabet="CLPSVCASNM1HI*:~^>0123456789.-ABX \n", max_size=60)


def _only_bad_input(fn, *args, **kwargs):
    """What the reader gave back, or the BadInput it raised (one line); anything else fails."""
    try:
        return fn(*args, **kwargs)
    except BadInput as e:
        assert e.line() and "\n" not in e.problem
        return e


def _mutations(base: str):
    """Base text with a random slice replaced, cut short, or segments shuffled."""
    return st.one_of(
        st.tuples(st.integers(0, len(base)), st.integers(0, 40), SEGMENT_TEXT).map(
            lambda t: base[:t[0]] + t[2] + base[t[0] + t[1]:]),
        st.integers(0, len(base)).map(lambda n: base[:n]),
        st.permutations(base.split("~")).map("~".join),
    )


BASE_835 = (FIXTURES / "secondary-payment.835").read_text()
BASE_837 = (FIXTURES / "demo.example1.837").read_text()


@FUZZ
@given(_mutations(BASE_835))
def test_835_reader(text):
    assert _only_bad_input(read_835, "f.835", text=text) is not None


@FUZZ
@given(_mutations(BASE_837))
def test_837_reader(text):
    assert _only_bad_input(read_837, "f.837", text=text) is not None


@FUZZ
@given(st.text(max_size=300))
def test_x12_reader_on_any_text(text):
    assert _only_bad_input(read_835, "f.835", text="ISA" + text) is not None


JSON = st.recursive(st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=8),
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
                        st.sampled_from(["resourceType", "item", "adjudication", "category", "coding", "code",
                                         "amount", "value", "total", "entry", "resource", "servicedDate",
                                         "billablePeriod", "start", "reason", "identifier", "insurer", "display",
                                         "quantity", "net", "modifier", "productOrService", "payment", "type"]),
                        kids, max_size=5), max_leaves=25)


@FUZZ
@given(JSON)
def test_fhir_reader_on_any_json(data):
    if isinstance(data, dict) and data:
        data.setdefault("resourceType", "ExplanationOfBenefit")
    assert _only_bad_input(read_fhir_data, data, file="f.json") is not None


@FUZZ
@given(st.text(max_size=200))
def test_fhir_reader_on_any_text(text):
    assert _only_bad_input(read_fhir_eob, "f.json", text=text) is not None


CARIN = json.loads((FIXTURES / "carin" / "EOBOutpatient2.json").read_text())


@FUZZ
@given(st.sampled_from(["item", "total", "adjudication", "billablePeriod", "insurer", "payment"]), JSON)
def test_fhir_reader_on_a_real_eob_with_one_part_replaced(key, value):
    assert _only_bad_input(read_fhir_data, {**CARIN, key: value}, file="f.json") is not None


CSV_CELLS = st.text(alphabet="0123456789.,$-()/ abcTOTALpaid\"", max_size=12)


@FUZZ
@given(st.lists(st.lists(CSV_CELLS, min_size=1, max_size=6), max_size=6))
def test_bill_csv_reader(rows):
    text = "date,code,description,units,charge\n" + "\n".join(",".join(r) for r in rows)
    assert _only_bad_input(read_csv_text, text, file="f.csv") is not None


@FUZZ
@given(st.lists(st.lists(CSV_CELLS, min_size=1, max_size=8), max_size=6))
def test_eob_csv_reader(rows):
    text = "Claim,Date,Billed,Allowed,Plan Paid,You Owe,Status,Network\n" + "\n".join(",".join(r) for r in rows)
    assert _only_bad_input(read_csv_eob, "f.csv", text=text) is not None


@FUZZ
@given(st.lists(st.text(alphabet="0123456789./$-,: abcdeTOTALPAYMENTBalnceJ", max_size=50), max_size=20))
def test_printed_bill_text_reader(texts):
    lines = [TextLine(text=t, page=1 + i // 8, top=float(i * 12)) for i, t in enumerate(texts)]
    assert _only_bad_input(read_text_lines, lines, Bill(source="f.pdf", format="pdf")) is not None


LEDGER_HEAD = ("ID,CLAIMID,CHARGEID,PATIENTID,TYPE,AMOUNT,METHOD,FROMDATE,TODATE,PROCEDURECODE,UNITS,NOTES,"
               "UNITAMOUNT,TRANSFERTYPE,PAYMENTS,ADJUSTMENTS,TRANSFERS,OUTSTANDING,PROVIDERID\n")
LEDGER_CELLS = st.one_of(st.sampled_from(["CHARGE", "PAYMENT", "ADJUSTMENT", "TRANSFERIN", "TRANSFEROUT", "COPAY",
                                          "p", "1", "2", "C1", "C2", "0", "1", "2024-03-01T10:00:00Z", "10.00", ""]),
                         st.text(alphabet="0123456789.-,\"pTZ:abc \n", max_size=10))


@FUZZ
@given(st.lists(st.lists(LEDGER_CELLS, min_size=1, max_size=19), max_size=8))
def test_synthea_ledger_reader(rows):
    from billadvocate.ingest.synthea_csv import read_ledger_bill, read_ledger_eob

    text = LEDGER_HEAD + "\n".join(",".join(r) for r in rows)
    assert _only_bad_input(read_ledger_bill, "f.csv", text=text) is not None
    assert _only_bad_input(read_ledger_eob, "f.csv", text=text) is not None


@FUZZ
@given(st.lists(st.lists(LEDGER_CELLS, min_size=1, max_size=12), max_size=8))
def test_synthea_claims_reader(rows):
    from billadvocate.ingest.synthea_csv import read_claims_eob

    text = ("Id,PATIENTID,PROVIDERID,SERVICEDATE,STATUS1,STATUS2,STATUSP,OUTSTANDING1,OUTSTANDING2,OUTSTANDINGP,"
            "HEALTHCARECLAIMTYPEID1\n" + "\n".join(",".join(r) for r in rows))
    assert _only_bad_input(read_claims_eob, "f.csv", text=text) is not None


@FUZZ
@given(st.text(max_size=300))
def test_synthea_readers_on_any_text(text):
    from billadvocate.ingest.synthea_csv import read_claims_eob, read_ledger_bill

    assert _only_bad_input(read_ledger_bill, "f.csv", text=text) is not None
    assert _only_bad_input(read_claims_eob, "f.csv", text=text) is not None


REMIT_TEXT = st.lists(st.one_of(
    st.sampled_from(["REV DATE HCPCS MODS QTY CHARGES ALLOW/REIM GC RSN AMOUNT", "7258.50=REPORTED",
                     "1958.25=ALL0W/REIM 1958.25=NET REIM AMT", "0450 11/09 99284 25 1 954.00 1226.51 OA 94 -272.51",
                     "0250 11/10 27.50 0.00 97 27.50", "CLM#: 12345", "ANTHEM HEALTH PLANS"]),
    st.text(alphabet="0123456789./=-, ACDEGHLMOPRSTW#:", max_size=60)), max_size=12)


@FUZZ
@given(REMIT_TEXT)
def test_printed_remittance_reader(texts):
    from billadvocate.ingest.printed_eob import read_remittance

    lines = [TextLine(text=t, page=1 + i // 6, top=float(i * 12)) for i, t in enumerate(texts)]
    assert _only_bad_input(read_remittance, lines, file="f.pdf", format="pdf-eob") is not None


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(["Date Code Description Amount", "TOTAL CHARGES 1,295.00",
                                           "03/02/2025 80053 PANEL 1,2S0.00", "85025 CBC 45.0O"]),
                          st.text(alphabet="0123456789./$-,: abfOSlTOTALCHARGES", max_size=40)), max_size=12))
def test_ocr_text_reader_with_misread_amounts(texts):
    from billadvocate.ingest.ocr import read_ocr_text

    lines = [TextLine(text=t, page=1, top=float(i * 12)) for i, t in enumerate(texts)]
    assert _only_bad_input(read_ocr_text, lines, Bill(source="f.png", format="image"), []) is not None


# a validation notice laid out in two columns, as `pdftotext -layout` or the reader's own layout gives it
BASE_NOTICE = """Acme Recovery                                     To:   Person A
PO Box 9                                                1 Main St
Austin, TX 78701                                        Springfield, IL 62701
(512) 555-0100                                    Reference: AR-77
Acme Recovery is a debt collector. We are trying to collect a debt that you owe to City Hospital.
Our information shows:                            How can you dispute the debt?
You had an account with account number 4411-2.    § Call or write to us by August 28, 2026, to dispute
 As of March 1, 2025, you owed:        $ 1,000.00   all or part of the debt.
  You were charged this amount in interest:  + $ 10.00
  You were charged this amount in fees:      + $ 5.00
  You paid or were credited this amount
                                          – $ 15.00
  toward the debt:
 Total amount of the debt now:          $ 1,000.00
Hasta el 2 de enero del 2017, usted debía:  $ 9.99     Llámenos o escríbanos antes del 31 de febrero del 2020
"""
NOTICE_TEXT = st.text(alphabet="AaTtoy$0123456789,.:+–- \n§¿?é", max_size=40)


@FUZZ
@given(st.one_of(
    st.tuples(st.integers(0, len(BASE_NOTICE)), st.integers(0, 60), NOTICE_TEXT).map(
        lambda t: BASE_NOTICE[:t[0]] + t[2] + BASE_NOTICE[t[0] + t[1]:]),
    st.integers(0, len(BASE_NOTICE)).map(lambda n: BASE_NOTICE[:n]),
    st.permutations(BASE_NOTICE.split("\n")).map("\n".join),
    st.text(max_size=300),
))
def test_validation_notice_text_reader(text):
    from billadvocate.ingest.validation_notice import parse_notice_text

    assert _only_bad_input(parse_notice_text, text, file="n.pdf") is not None


def test_validation_notice_base_text_reads():
    from billadvocate.ingest.validation_notice import parse_notice_text

    read = parse_notice_text(BASE_NOTICE, file="n.pdf")
    assert (read.collector_name, read.notice.creditor, read.notice.amount, read.adds_up) == (
        "Acme Recovery", "City Hospital", 1000, True)
    assert read.notice.payments == 15 and read.notice.reference == "AR-77"


# what OCR gives back from a photo of a consumer EOB: words run together, spaces dropped or doubled
_PHOTO_EOB = ["ExplanationofBenefits-THISISNOTABILL", "Claim number:EX2025030201",
              "Date Service Providerbilled Planallowed Am ountsaved Plan paid You owe",
              "03/02/2025 Emergencyroom visit 99285 $2,150.00 $850.00 $1,300.00 $600.00 $250.00",
              "03/02/2025 Bloodtest85025 $45.00 $15.00 $30.00 $0.00 $15.00"]


@FUZZ
@given(st.lists(st.sampled_from(_PHOTO_EOB) | st.text(alphabet="0123456789/$.,()- abBdeilnoprstuwyPAY", max_size=80),
                max_size=12))
def test_photo_eob_reader_on_ocr_text(texts):
    from billadvocate.ingest.eob_model import Eob
    from billadvocate.ingest.ocr import _photo_eob

    got = _only_bad_input(_photo_eob, [TextLine(t, page=1, top=float(i)) for i, t in enumerate(texts)], [], "p.jpg")
    assert got is None or isinstance(got, (Eob, BadInput))


BILL_DATED_TEXT = st.lists(st.one_of(
    st.sampled_from(["Date Code Description Amount", "12/30/2023 99283 ER VISIT 200.00", "Fri 12/22/2023 Payments -1,958.25",
                     "01/02/2024 85025 CBC 50.00", "Statement Date: 01/05/2024", "Print Date 13/45/2024", "TOTAL CHARGES 250.00",
                     "ADMISSION DISCHARGE PRINT DATE", "JANE 12/30/2023 01/02/2024 99/99/2024"]),
    st.text(alphabet="0123456789./$-,: abcdeTOTALPAYMENTStmDFri", max_size=50)), max_size=14)


@FUZZ
@given(BILL_DATED_TEXT, REMIT_TEXT)
def test_a_remittance_takes_its_years_from_any_printed_bill(bill_texts, remit_texts):
    # the remittance reader given the dates bill_dates found on the bill's pages, as eob_from_text does
    from billadvocate.ingest.printed_eob import read_remittance
    from billadvocate.ingest.text_table import bill_dates

    dates = bill_dates([TextLine(text=t, page=1, top=float(i * 12)) for i, t in enumerate(bill_texts)])
    assert dates.first is None or dates.first <= dates.last
    lines = [TextLine(text=t, page=2 + i // 6, top=float(i * 12)) for i, t in enumerate(remit_texts)]
    eob = _only_bad_input(read_remittance, lines, file="f.pdf", format="pdf-eob", dates=dates)
    for claim in getattr(eob, "claims", []):
        assert claim.start is None or claim.start <= claim.end


@FUZZ
@given(st.integers(0, 14), st.integers(0, 33), st.dates(), st.integers(0, 800), st.one_of(st.none(), st.dates()))
def test_a_year_is_taken_only_when_it_puts_the_date_within_the_bills_dates(month, day, first, days, posted):
    from datetime import timedelta

    from billadvocate.ingest.year_less import JUST_AFTER, PAID_WITHIN, BillDates, year_of

    last = min(first + timedelta(days=days), first.max)  # a misread year 9999 too
    for dates in (BillDates(first=first, last=last, posted=posted), BillDates(posted=posted)):
        got = year_of(month, day, dates)
        assert isinstance(got, str) or (got.month, got.day) == (month, day)
        if not isinstance(got, str) and dates.first is not None:
            assert dates.first <= got and (got - dates.last).days <= JUST_AFTER.days
        elif not isinstance(got, str):
            assert got <= dates.posted and (dates.posted - got).days <= PAID_WITHIN.days
