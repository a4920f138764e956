"""The OCR's parallel parts read what the one-at-a-time engine reads: recognition batches run side by side
on one-thread sessions (ocr_engine.Lanes), and a scanned PDF's pages read at once (ocr.PAGES_AHEAD) come back
in page order. Skipped without the OCR extra."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from billadvocate.ingest import ocr, ocr_engine
from tests.ingest.ocr_corpus import _qty_rows, sentara_page
from tests.ingest.samples import bill_image

pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")


@pytest.fixture(scope="module")
def one_session():
    """rapidocr's recogniser as it ships, on the model the engine reads with (folded, ocr_fold.py): every
    batch in turn on one session of the machine's cores."""
    from rapidocr_onnxruntime import RapidOCR

    plain = RapidOCR(intra_op_num_threads=ocr_engine.THREADS, inter_op_num_threads=1)
    ocr_engine.resession(plain.text_rec.session, ocr_engine.THREADS, ocr_engine.folded_model(plain.text_rec.session.session))
    return plain.text_rec


def _generated_page(tmp_path):
    return np.asarray(Image.open(bill_image(tmp_path / "page.png", _qty_rows(24, "1,788.00"), size=(1275, 1650))))


def _sentara_page_3(tmp_path):
    """The Sentara scan's third page (147 boxes) as the reader renders it: there one-crop batches read
    differently, so the check sees batches that are not rapidocr's."""
    return sentara_page(2)


@pytest.mark.parametrize("page", [_generated_page, _sentara_page_3])
def test_the_recognition_lanes_read_every_box_as_one_session_does(tmp_path, one_session, page):
    engine = ocr_engine.engine()
    if ocr_engine.THREADS > 1:
        assert isinstance(engine.text_rec, ocr_engine.Lanes) and len(engine.text_rec.lanes) == ocr_engine.LANES
    image = page(tmp_path)
    lanes = engine.text_rec
    now = engine(image, use_cls=False, return_word_box=True)[0]
    engine.text_rec = one_session
    try:
        before = engine(image, use_cls=False, return_word_box=True)[0]
    finally:
        engine.text_rec = lanes
    assert len(now) > 6 * ocr_engine.LANES  # more batches than lanes: the lanes ran side by side
    # every box, its text, its score and its characters' boxes, bit for bit
    assert repr(now) == repr(before)


def _scanned_pdf(path, pages: list[list[str]]):
    images = [Image.open(bill_image(path.with_name(f"p{i}.png"), lines, size=(1000, 200 + 50 * len(lines)))).convert("RGB")
              for i, lines in enumerate(pages)]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=100)
    return path


def test_pages_read_at_once_come_back_in_page_order(tmp_path, monkeypatch):
    # the first page is the longest: read at once, the second is done first
    path = _scanned_pdf(tmp_path / "scan.pdf", [_qty_rows(10, "535.00"), ["Patient: Jane Doe", "Account 1234"],
                                                ["TOTAL DUE 535.00"]])
    at_once = ocr.ocr_pdf_pages(path, [1, 2, 3], file="scan.pdf", corrections=[])
    monkeypatch.setattr(ocr, "PAGES_AHEAD", 1)
    one_by_one = ocr.ocr_pdf_pages(path, [1, 2, 3], file="scan.pdf", corrections=[])
    assert at_once == one_by_one
    pages = [ln.page for ln in at_once[0]]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3}
    assert "TOTAL DUE 535.00" in at_once[0][-1].text

