"""The OCR engine's own shortcuts compute what rapidocr computes: detection's input normalised through a
table of the 256 pixel values (ocr_engine.normalized_by_table) is rapidocr's own, bit for bit. Skipped
without the OCR extra."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from billadvocate.ingest import ocr_engine
from tests.ingest.ocr_corpus import _qty_rows, sentara_page
from tests.ingest.samples import bill_image

pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")


def _as_rapidocr(image):
    """Detection's input as rapidocr 1.4 makes it (TextDetector.get_preprocess, DetPreProcess.__call__)."""
    from rapidocr_onnxruntime import RapidOCR

    detector = RapidOCR().text_det
    return detector.get_preprocess(max(image.shape[0], image.shape[1]))(image)


def _random_image(tmp_path):
    return np.random.default_rng(5).integers(0, 256, (517, 733, 3), dtype=np.uint8)  # every value, odd sizes


def _generated_page(tmp_path):
    return np.asarray(Image.open(bill_image(tmp_path / "page.png", _qty_rows(24, "1,788.00"), size=(1275, 1650))).convert("RGB"))


def _sentara_page_3(tmp_path):
    return sentara_page(2)


@pytest.mark.parametrize("page", [_random_image, _generated_page, _sentara_page_3])
def test_detections_input_through_the_table_is_rapidocrs_own_bit_for_bit(tmp_path, page):
    image = page(tmp_path)
    detector = ocr_engine.engine().text_det
    assert getattr(detector.get_preprocess, "tabled", False)
    made = detector.get_preprocess(max(image.shape[:2]))(image)
    assert isinstance(made, np.ndarray) and made.dtype == np.float32 and made.flags.c_contiguous
    expected = _as_rapidocr(image)
    assert made.shape == expected.shape and made.dtype == expected.dtype
    assert made.tobytes() == expected.tobytes()


def test_an_image_that_is_not_uint8_goes_through_rapidocrs_own_normalising():
    image = np.random.default_rng(6).random((64, 96, 3)).astype(np.float32) * 255
    made = ocr_engine.engine().text_det.get_preprocess(96)(image)
    assert made.tobytes() == _as_rapidocr(image).tobytes()
