"""The audit's `eobs` table names the bill lines each EOB line is for with the matcher (ingest/match.py), as
`audit --eob` pairs them: an EOB line without a code (a pharmacy line the remittance prints by revenue code only)
or with a code one character from the bill's (OCR's 72126 for 72125) names its bill line, so its denial does too.
An exact code and date still wins, and a near match is said in a note (ingest.match.code_differences)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from billadvocate.audit import audit_bills
from billadvocate.audit.tables import eobs_table
from billadvocate.ingest.eob_model import Adjustment, Eob, EobClaim, EobLine
from billadvocate.ingest.match import code_differences, date_from_eobs, match
from billadvocate.model import Bill, Line

from ..conftest import shared

DAY = date(2023, 11, 10)
SENTARA = ("sample_bills", "Sample-Itemized-Billing-Statement-Sentara.pdf")


def _bundled():
    return [Adjustment(group="CO", reason="97", amount=D(0), meaning="included in another service")]


def _denied(n, code, rev, billed):
    return EobLine(line=n, code=code, revenue_code=rev, date=DAY, billed=D(billed), paid=D(0), denied=True,
                   adjustments=_bundled())


def _sentara_like():
    """The Sentara statement's shape: pharmacy lines the bill codes J3490 and the remittance by revenue code only,
    a CT the scan reads 72126 where the remittance has 72125, and one exact CT."""
    bill = Bill(source="bill.pdf", lines=[
        Line(line=1, code="J3490", revenue_code="0250", date=DAY, description="Pharmacy", charge=D("27.50")),
        Line(line=2, code="J3490", revenue_code="0250", date=DAY, description="Pharmacy", charge=D("1.00")),
        Line(line=3, code="72126", revenue_code="0350", date=DAY, description="CT Scan", charge=D("2203.00")),
        Line(line=4, code="70450", revenue_code="0351", date=DAY, description="CT Scan", charge=D("1691.00"))])
    claim = EobClaim(claim_id="remittance page 3", start=DAY, end=DAY, billed=D("3922.50"), paid=D(0),
                     status="partly_denied", lines=[_denied(1, None, "0250", "1.00"), _denied(2, None, "0250", "27.50"),
                                                    _denied(3, "72125", "0350", "2203.00"),
                                                    _denied(4, "70450", "0351", "1691.00")])
    return bill, Eob(source="bill.pdf", format="pdf-eob", claims=[claim])


def _line_rows(table):
    return {(r["code"], str(r["billed"])): r["lines"] for r in table.to_pylist() if r["level"] == "line"}


def test_each_denied_eob_line_names_the_bill_line_the_matcher_gives_it():
    bill, eob = _sentara_like()
    rows = _line_rows(eobs_table([eob], [bill]))
    assert rows == {(None, "1.00"): [2], (None, "27.50"): [1], ("72125", "2203.00"): [3], ("70450", "1691.00"): [4]}
    (claim,) = [r for r in eobs_table([eob], [bill]).to_pylist() if r["level"] == "claim"]
    assert claim["lines"] == [1, 2, 3, 4]


def test_the_denials_name_their_bill_lines():
    bill, eob = _sentara_like()
    result = audit_bills([bill], eobs=eobs_table([eob], [bill]), as_of=date(2024, 1, 15))
    denied = {f.amount: f.lines for f in result.findings if f.rule == "EOB.DENIED"}
    assert denied == {D("1.00"): [2], D("27.50"): [1], D("2203.00"): [3], D("1691.00"): [4]}


def test_an_exact_code_and_date_wins_over_the_matchers_pair():
    # the EOB's 72125 is billed 2,203 as bill line 3 (72126, misread) is; bill line 5 has the EOB's own code and
    # date at another charge: the exact pair names line 5 (as before), the near one is not used
    bill, eob = _sentara_like()
    bill.lines.append(Line(line=5, code="72125", revenue_code="0350", date=DAY, description="CT", charge=D("2100.00")))
    assert _line_rows(eobs_table([eob], [bill]))[("72125", "2203.00")] == [5]


def test_every_bill_line_of_an_exact_code_and_date_is_still_named():
    bill, eob = _sentara_like()
    bill.lines.append(Line(line=5, code="70450", revenue_code="0351", date=DAY, description="CT", charge=D("1691.00")))
    assert _line_rows(eobs_table([eob], [bill]))[("70450", "1691.00")] == [4, 5]


def test_an_eob_line_on_another_bill_names_none_of_this_one():
    bill, eob = _sentara_like()
    other = Bill(source="other.pdf", lines=[Line(line=1, code="99213", date=DAY, description="visit", charge=D("90"))])
    rows = [r for r in eobs_table([eob], [bill, other]).to_pylist() if r["source"] == "other.pdf" and r["level"] == "line"]
    assert rows and all(r["lines"] == [] for r in rows)


def test_a_near_match_is_said_in_a_note():
    bill, eob = _sentara_like()
    code_differences([bill], [eob], match([bill], [eob]))
    assert bill.notes == [
        "line 1: the EOB line it matches (revenue code 0250, charge 27.50) has no procedure code where the bill "
        "reads J3490; matched by revenue code, charge and date",
        "line 2: the EOB line it matches (revenue code 0250, charge 1.00) has no procedure code where the bill "
        "reads J3490; matched by revenue code, charge and date",
        "line 3: the bill reads code 72126 where the EOB line it matches (revenue code 0350, charge 2,203.00) has "
        "72125: a misread or a changed code; check it on the paper"]


@pytest.fixture(scope="module")
def sentara():
    """The real scanned Sentara statement and its own page-3 remittance, read once (OCR: seconds a page)."""
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")
    from billadvocate.ingest import read_bill, read_eob

    path = shared(*SENTARA)
    return read_bill(path, format="pdf"), read_eob(path, format="pdf-eob")


def test_every_denial_on_the_real_sentara_remittance_names_its_bill_line(sentara):
    bill, eob = (x.model_copy(deep=True) for x in sentara)
    paired = match([bill], [eob])
    date_from_eobs([bill], [eob], paired)
    code_differences([bill], [eob], paired)
    result = audit_bills([bill], eobs=eobs_table([eob], [bill]), as_of=date(2024, 1, 15))
    denied = {f.amount: f.lines for f in result.findings if f.rule == "EOB.DENIED"}
    # the pharmacy's $1.00 and $27.50 (J3490 on the bill, revenue code 0250 alone on the remittance), the CT the
    # scan reads 72126 ($2,203), the CT 70450 and the ER's 12011
    assert denied == {D("1.00"): [2], D("27.50"): [1], D("2203.00"): [4], D("1691.00"): [5], D("773.00"): [9]}
    assert sum("has no procedure code where the bill reads J3490" in n for n in bill.notes) == 2


def test_the_real_sentara_statement_names_its_sender(sentara):
    # its heading reads the logo ('Sentara'), then 'Sentara Health' and the address: a health system's name
    # (facility_name.py), not recognised before, so the bill named no provider
    bill, _ = sentara
    assert bill.provider_name == "Sentara Health"
