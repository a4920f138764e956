"""A consumer EOB as a text PDF is read as an EOB, never as a bill, with the layout it matched."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill, read_document
from billadvocate.ingest.consumer_eob import read_consumer_eob
from billadvocate.ingest.text_table import TextLine
from billadvocate.ingest.eob_model import Eob
from tests.ingest.samples import notice_pdf

# the common layout of an insurer's member EOB ("Provider billed / Plan allowed / Amount saved / Plan
# paid / You owe"), with its "this is not a bill" banner, member, provider and claim number above
STATEMENT = [
    "Explanation of Benefits - THIS IS NOT A BILL",
    "Member: Jane Doe        Member ID: W123456789",
    "Provider: Valley General Hospital",
    "Claim number: EX2025030201",
    "Date      Service                       Provider billed   Plan allowed   Amount saved   Plan paid   You owe",
    "03/02/2025 Emergency room visit 99285     $2,150.00        $850.00       $1,300.00     $600.00    $250.00",
    "03/02/2025 Blood test 85025                  $45.00         $15.00          $30.00       $0.00     $15.00",
    "Total                                     $2,195.00        $865.00       $1,330.00     $600.00    $265.00",
]
# another insurer's order and words: billed, plan paid, deductible, your responsibility
OTHER = [
    "Your Explanation of Benefits",
    "Claim # 99887766",
    "Service date  Description           Amount billed  Your plan paid  Deductible  Your responsibility",
    "09/14/2026    MRI lumbar spine 72148     2480.00          0.00      1200.00       1200.00",
]


def test_a_consumer_eob_pdf_is_read_as_an_eob_with_its_layout(tmp_path):
    eob = read_document(notice_pdf(tmp_path / "eob.pdf", STATEMENT))
    assert isinstance(eob, Eob)
    (claim,) = eob.claims
    assert claim.claim_id == "EX2025030201" and claim.provider == "Valley General Hospital"
    er, lab = claim.lines
    assert (er.code, er.billed, er.allowed, er.paid, er.patient_responsibility) == (
        "99285", Decimal("2150.00"), Decimal("850.00"), Decimal("600.00"), Decimal("250.00"))
    assert lab.code == "85025" and lab.patient_responsibility == Decimal("15.00")
    assert claim.patient_responsibility == Decimal("265.00") and claim.billed == Decimal("2195.00")
    assert any("consumer EOB" in n and "Provider billed" in n for n in eob.notes)


def test_another_insurers_column_order_maps_by_the_header(tmp_path):
    eob = read_document(notice_pdf(tmp_path / "eob2.pdf", OTHER))
    (line,) = eob.claims[0].lines
    assert (line.code, line.billed, line.paid, line.deductible, line.patient_responsibility) == (
        "72148", Decimal("2480.00"), Decimal("0.00"), Decimal("1200.00"), Decimal("1200.00"))


def test_a_consumer_eob_given_as_a_bill_is_refused_in_one_line(tmp_path):
    with pytest.raises(BadInput, match="EOB"):
        read_bill(notice_pdf(tmp_path / "eob.pdf", STATEMENT))


def test_audit_takes_it_as_the_eob_and_finds_no_bill_problems(cli, tmp_path):
    r = cli("audit", notice_pdf(tmp_path / "eob.pdf", STATEMENT), "--json", env={"BILLADVOCATE_HOME": str(tmp_path)})
    assert r.code == 0, r.err
    data = r.json()
    assert data["lines"] == [] and len(data["eobs"]) == 1
    assert not [f for f in data["findings"] if f["rule"].startswith("BILL.")]


@settings(max_examples=int(os.environ.get("BILLADVOCATE_FUZZ_EXAMPLES", "150")), deadline=None)
@given(st.lists(st.sampled_from(STATEMENT + OTHER) | st.text(alphabet="0123456789/$.,()- abcdeflnoprstuwyBPAY", max_size=80),
                max_size=12))
def test_the_reader_never_raises_on_damaged_text(texts):
    eob = read_consumer_eob([TextLine(t) for t in texts], file="f.pdf", format="pdf-eob")
    assert eob is None or isinstance(eob, Eob)
