"""An 835's payment (BPR02) reconciled with its claims' payments and provider-level adjustments (PLB)."""

from pathlib import Path

from billadvocate.ingest.x12_835 import read_835

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def bpr_notes(eob):
    return [n for n in eob.notes if "BPR02" in n]


def test_a_payment_equal_to_its_claims_says_nothing():
    assert bpr_notes(read_835(FIXTURES / "secondary-payment.835")) == []


def test_provider_level_adjustments_are_part_of_the_reconciliation():
    # medicare-part-a.835: claims pay $138,018.40 + $11,980.33; PLB CV:CP -1.27; BPR02 $150,000.00
    assert bpr_notes(read_835(FIXTURES / "medicare-part-a.835")) == []


def test_a_payment_that_does_not_match_its_claims_is_noted():
    text = (FIXTURES / "secondary-payment.835").read_text().replace("BPR*I*1222.00*", "BPR*I*1300.00*")
    (note,) = bpr_notes(read_835("f.835", text=text))
    assert "$1,300.00" in note and "$1,222.00" in note and "missing claims" in note
