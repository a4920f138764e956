"""Bill lines matched to EOB lines by claim, code, date and charge."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from billadvocate.ingest import Eob, EobClaim, EobLine, read_bill, read_eob
from billadvocate.ingest.match import claim_rows, match
from billadvocate.model import Bill, Line
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
D = Decimal
DAY = date(2025, 3, 2)


def _bill(*lines: tuple) -> Bill:
    return Bill(source="bill.csv", lines=[Line(line=i, code=c, date=d, charge=D(ch)) for i, (c, d, ch) in enumerate(lines, 1)])


def _eob(*lines: tuple, claim_id="C1", start=DAY, end=DAY) -> Eob:
    claim = EobClaim(claim_id=claim_id, start=start, end=end,
                     lines=[EobLine(line=i, code=c, date=d, billed=D(b)) for i, (c, d, b) in enumerate(lines, 1)])
    return Eob(source="eob.835", format="x12-835", claims=[claim])


def test_same_code_date_and_charge_match():
    result = match([_bill(("85025", DAY, "45"), ("80053", DAY, "310"))],
                   [_eob(("80053", DAY, "310"), ("85025", DAY, "45"))])
    assert [(m.bill_line, m.eob_line) for m in result.lines] == [(1, 2), (2, 1)]
    assert result.lines[0].how == ["code", "charge", "date"]
    assert not result.unmatched_bill_lines and not result.unmatched_eob_lines


def test_a_duplicate_bill_line_with_one_eob_line_leaves_one_unmatched():
    result = match([_bill(("85025", DAY, "45"), ("85025", DAY, "45"))], [_eob(("85025", DAY, "45"))])
    assert len(result.lines) == 1 and result.unmatched_bill_lines == [2]


def test_a_different_day_is_a_different_service():
    result = match([_bill(("85025", date(2025, 3, 3), "45"))], [_eob(("85025", DAY, "45"))])
    assert not result.lines and result.unmatched_bill_lines == [1]


def test_a_changed_charge_still_matches_by_code_and_date_and_the_best_pair_wins():
    result = match([_bill(("99285", DAY, "2150"), ("99285", DAY, "2000"))], [_eob(("99285", DAY, "2000"))])
    assert [(m.bill_line, m.how) for m in result.lines] == [(2, ["code", "charge", "date"])]


def test_a_claim_without_lines_covers_the_bill_lines_in_its_dates():
    eob = Eob(source="a.835", format="x12-835", claims=[EobClaim(claim_id="H1", start=DAY, end=date(2025, 3, 4))])
    result = match([_bill(("0450", DAY, "100"), ("0250", date(2025, 3, 5), "10"))], [eob])
    assert [(c.claim_id, c.bill_lines, c.how) for c in result.claims] == [("H1", [1], "dates")]
    assert result.unmatched_bill_lines == [2]


def test_an_837_matches_its_own_835_by_claim_id(tmp_path):
    bill = read_bill(FIXTURES / "demo.example1.837")
    eob = read_eob(FIXTURES / "managed-care.835")
    eob.claims[0].claim_id = "26463774"
    eob.claims[0].lines[0].code = "99213"
    eob.claims[0].lines[0].date = date(2006, 10, 3)
    eob.claims[0].lines[0].billed = D("40.00")
    result = match([bill], [eob])
    assert result.lines[0].bill_line == 1 and result.lines[0].how[0] == "claim"
    rows = claim_rows([bill], [eob], result)
    assert rows[0]["source"] == bill.source and rows[0]["lines"] == [1]
    assert rows[0]["patient_responsibility"] == D("300.00") and rows[0]["reason_codes"] == "CO-A2 PR-1"


def test_a_bill_without_dates_takes_them_from_the_eob_lines_it_matches():
    from billadvocate.ingest.match import date_from_eobs

    bill = Bill(source="bill.pdf", lines=[
        Line(line=1, code="99284", revenue_code="0450", description="ER", charge=D("954.00")),
        Line(line=2, code="70450", revenue_code="0351", description="CT", charge=D("1691.00")),
        Line(line=3, code="G1004", revenue_code="0359", description="CT", charge=D("0.01")),  # not on the EOB
        Line(line=4, code="85025", date=date(2023, 11, 12), description="CBC", charge=D("45.00"))])
    claim = EobClaim(claim_id="c1", lines=[
        EobLine(line=1, code="99284", revenue_code="0450", date=date(2023, 11, 9), billed=D("954.00")),
        EobLine(line=2, code="70450", revenue_code="0351", date=date(2023, 11, 10), billed=D("1691.00"))])
    date_from_eobs([bill], [Eob(source="eob.pdf", format="pdf-eob", claims=[claim])])
    assert [ln.date for ln in bill.lines] == [date(2023, 11, 9), date(2023, 11, 10), None, date(2023, 11, 12)]
    assert bill.notes == ["line(s) 1, 2: no date of service on the bill; each takes the date of the EOB line it "
                          "matches (11/09/2023 to 11/10/2023)"]


def test_an_undated_eob_line_dates_nothing():
    from billadvocate.ingest.match import date_from_eobs

    bill = Bill(source="bill.pdf", lines=[Line(line=1, code="99284", description="ER", charge=D("954.00"))])
    claim = EobClaim(claim_id="c1", lines=[EobLine(line=1, code="99284", billed=D("954.00"))])
    date_from_eobs([bill], [Eob(source="eob.pdf", format="pdf-eob", claims=[claim])])
    assert bill.lines[0].date is None and bill.notes == []


def test_a_code_one_character_apart_matches_with_the_same_revenue_code_and_charge_and_is_noted():
    # the Sentara scan's 72125 is read as 72126 on the bill and as 72125 on its remittance page
    from billadvocate.ingest.match import code_differences

    bill = Bill(source="bill.pdf", lines=[
        Line(line=1, code="72126", revenue_code="0350", description="CT Scan", charge=D("2203.00")),
        Line(line=2, code="70487", revenue_code="0350", description="CT Scan", charge=D("1609.00"))])
    claim = EobClaim(claim_id="c1", lines=[
        EobLine(line=1, code="72125", revenue_code="0350", billed=D("2203.00")),
        EobLine(line=2, code="70486", revenue_code="0350", billed=D("1700.00")),  # another charge: not the same line
        EobLine(line=3, code="72125", revenue_code="0351", billed=D("1609.00"))])  # another revenue code
    eob = Eob(source="eob.pdf", format="pdf-eob", claims=[claim])
    result = match([bill], [eob])
    assert [(m.bill_line, m.eob_line, m.how) for m in result.lines] == [(1, 1, ["code_near", "charge"])]
    code_differences([bill], [eob], result)
    assert bill.notes == ["line 1: the bill reads code 72126 where the EOB line it matches (revenue code 0350, charge "
                          "2,203.00) has 72125: a misread or a changed code; check it on the paper"]
    # an exact code wins over a near one
    bill.lines.append(Line(line=3, code="72125", revenue_code="0350", description="CT Scan", charge=D("2203.00")))
    assert [(m.bill_line, m.eob_line) for m in match([bill], [eob]).lines] == [(3, 1)]
