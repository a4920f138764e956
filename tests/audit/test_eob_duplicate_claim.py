"""EOB.DUPLICATE_CLAIM: the same service on two claims, paid twice, billed twice, or put right."""

from decimal import Decimal

from billadvocate.audit.tables import eobs_table
from billadvocate.ingest.eob_model import Eob, EobClaim, EobLine
from billadvocate.model import Bill

from .support import D1, D2, found, line


def claim(cid, *, paid="36", share="9", d=D1, code="85025", billed="45", status="processed", denied=False):
    return EobClaim(claim_id=cid, start=d, billed=Decimal(billed), paid=Decimal(paid), status=status, denied=denied,
                    patient_responsibility=Decimal(share),
                    lines=[EobLine(line=1, date=d, code=code, billed=Decimal(billed), paid=Decimal(paid),
                                   patient_responsibility=Decimal(share))])


def dup(*claims):
    lines = [line(1, "85025", charge="45.00")]
    eobs = eobs_table([Eob(source="a.835", format="x12-835", claims=[claims[0]]),
                       Eob(source="b.835", format="x12-835", claims=list(claims[1:]))],
                      [Bill(source="b.csv", lines=lines)])
    return found("EOB.DUPLICATE_CLAIM", *lines, eobs=eobs, facts={"insurance_status": "insured"})


def test_a_service_paid_on_two_claims_is_high_with_the_extra_share_at_stake():
    (f,) = dup(claim("C1"), claim("C2"))
    assert f.severity == "high" and f.amount == Decimal("9.00") and f.lines == [1]
    assert "C1, C2" in f.message and "paid it 2 time(s)" in f.message


def test_billed_twice_but_paid_once_is_medium():
    (f,) = dup(claim("C1"), claim("C2", paid="0", share="0"))
    assert f.severity == "medium" and f.amount == 0


def test_a_reversed_or_denied_copy_is_already_put_right():
    assert dup(claim("C1"), claim("C2", status="reversed")) == []
    assert dup(claim("C1"), claim("C2", denied=True)) == []


def test_different_dates_codes_or_amounts_are_different_services():
    assert dup(claim("C1"), claim("C2", d=D2)) == []
    assert dup(claim("C1"), claim("C2", code="80053")) == []
    assert dup(claim("C1"), claim("C2", billed="46")) == []


def test_the_same_claim_read_from_two_eobs_is_one_claim():
    assert dup(claim("C1"), claim("C1")) == []
