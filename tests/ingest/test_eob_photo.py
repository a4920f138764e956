"""A photo of a consumer EOB (the insurer's statement to its member) is read by OCR as an EOB, never as a
bill, and `read` names the layout matched. The photo is the common member-EOB layout (Provider billed /
Plan allowed / Amount saved / Plan paid / You owe) rendered by PIL and read by the project's OCR engine."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill, read_document, read_eob
from billadvocate.ingest.eob_model import Eob
from tests.audit.test_consumer_eob import OTHER, STATEMENT

from .samples import bill_image

pytest.importorskip("rapidocr_onnxruntime")


@pytest.fixture(scope="module")
def eob_photo(tmp_path_factory):
    return bill_image(tmp_path_factory.mktemp("photo") / "eob.jpg", STATEMENT, size=(1800, 480))


def test_a_photo_of_a_consumer_eob_is_read_as_an_eob_with_its_layout(eob_photo):
    eob = read_document(eob_photo)
    assert isinstance(eob, Eob) and eob.format == "image-eob"
    (claim,) = eob.claims
    assert claim.claim_id == "EX2025030201"
    er, lab = claim.lines
    assert (er.code, er.billed, er.allowed, er.paid, er.patient_responsibility) == (
        "99285", D("2150.00"), D("850.00"), D("600.00"), D("250.00"))
    assert (lab.code, lab.billed, lab.patient_responsibility) == ("85025", D("45.00"), D("15.00"))
    assert claim.patient_responsibility == D("265.00")
    layout = next(n for n in eob.notes if "consumer EOB" in n)
    assert "columns in order: billed / allowed / saved / paid / owe" in layout
    assert any("read by OCR" in n for n in eob.notes)


def test_the_photo_given_as_a_bill_is_refused_in_one_line(eob_photo):
    with pytest.raises(BadInput, match="an EOB .the insurer's statement of what it paid., not a bill"):
        read_bill(eob_photo)


def test_the_photo_given_as_the_eob_is_read(eob_photo):
    assert read_eob(eob_photo).claims[0].lines[0].code == "99285"


def test_another_insurers_layout_in_a_photo(tmp_path):
    eob = read_eob(bill_image(tmp_path / "eob2.png", OTHER, size=(1600, 260)))
    (line,) = eob.claims[0].lines
    assert (line.code, line.billed, line.paid, line.deductible, line.patient_responsibility) == (
        "72148", D("2480.00"), D("0.00"), D("1200.00"), D("1200.00"))


def test_a_photo_of_a_bill_given_as_an_eob_is_refused_in_one_line(tmp_path):
    path = bill_image(tmp_path / "bill.png", ["Date        Code    Description         Amount",
                                              "03/02/2025  85025   CBC WITH DIFF        45.00"])
    with pytest.raises(BadInput, match="no EOB table found in the photo"):
        read_eob(path)


def test_read_names_the_layout_matched(cli, eob_photo):
    r = cli("read", str(eob_photo))
    assert r.code == 0, r.err
    out = " ".join(r.out.split())
    assert "consumer EOB" in out and "columns in order: billed / allowed / saved / paid / owe" in out
