"""Scanned bills and phone photos, read by OCR that installs from pip alone (rapidocr-onnxruntime).

The OCR engine finds text boxes with a confidence each; boxes are grouped into printed lines by
their height on the page, then read like a PDF's text layer (text_table.py). The mean confidence is
kept on the bill so `billadvocate read` can show how far to trust it. Install with the `ocr` extra.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..errors import BadInput
from ..model import Bill
from .progress import steps
from .text_table import TextLine, read_text_lines

PDF_SCALE = 1.5  # 108 dpi: enough for printed bills, and fast on two cores
MAX_SIDE = 2000  # photos are scaled down to this many pixels on their long side
_OCR_MONEY_COLON = re.compile(r"(?<![\d:])(\d{1,3}(?:,\d{3})*):(\d{2})(?![\d:])")


@lru_cache(maxsize=1)
def _engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise BadInput("reading scans and photos needs the OCR extra: pip install 'billadvocate[ocr]'")
    import logging

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    logging.getLogger("rapidocr_onnxruntime").setLevel(logging.ERROR)
    return RapidOCR()


def ocr_available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


_OCR_DOT_THOUSANDS = re.compile(r"(?<![\d.])(\d{1,3})((?:\.\d{3})+)\.(\d{2})(?![\d.])")


_GLUED_DATE = re.compile(r"(\b\d{1,2}/\d{1,2}/\d{4})(?=\S)")
_GLUED_CODE = re.compile(r"(?<![\d.,])(\d{5}|[A-Z]\d{4})(?=[A-Z]{2})")


def _clean(text: str) -> str:
    """Fix what OCR commonly gets wrong: '1:00' for 1.00, '5.300.28' for 5,300.28, and columns run
    together ('03/02/202585025CBC' is a date, a code and a description)."""
    text = text.replace("|", " ")
    text = _GLUED_DATE.sub(r"\1 ", text)
    text = _GLUED_CODE.sub(r"\1 ", text)
    text = _OCR_MONEY_COLON.sub(r"\1.\2", text)
    return _OCR_DOT_THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(".", ",") + "." + m.group(3), text)


def ocr_lines(image, page: int) -> list[TextLine]:
    """Text lines of one image (an RGB numpy array), grouped from the OCR boxes."""
    result, _ = _engine()(image, use_cls=False)
    boxes = []
    for box, text, score in result or []:
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        boxes.append((min(xs), min(ys), max(ys), str(text), float(score)))
    boxes.sort(key=lambda b: (b[1] + b[2]) / 2)
    rows: list[list[tuple]] = []
    for b in boxes:
        mid, height = (b[1] + b[2]) / 2, b[2] - b[1]
        if rows:
            last = rows[-1]
            last_mid = sum((x[1] + x[2]) / 2 for x in last) / len(last)
            last_h = sum(x[2] - x[1] for x in last) / len(last)
            if abs(mid - last_mid) <= 0.55 * max(min(height, last_h), 1):
                last.append(b)
                continue
        rows.append([b])
    lines = []
    for row in rows:
        row.sort(key=lambda b: b[0])
        text = _clean(" ".join(b[3] for b in row))
        lines.append(TextLine(text=text, page=page, x0=row[0][0], top=min(b[1] for b in row),
                              height=max(b[2] - b[1] for b in row),
                              confidence=sum(b[4] for b in row) / len(row)))
    return lines


def _mean_confidence(lines: list[TextLine]) -> float:
    values = [ln.confidence for ln in lines if ln.confidence is not None]
    return sum(values) / len(values) if values else 0.0


def ocr_pdf_pages(path: Path, pages: list[int], *, file: str) -> tuple[list[TextLine], float]:
    """OCR of the given PDF pages (numbered from 1): their text lines and mean confidence."""
    import pypdfium2

    _engine()
    try:
        doc = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as e:
        message = str(e).lower()
        if "password" in message:
            raise BadInput("the PDF is password-protected: save a copy without a password, then try again", file=file)
        raise BadInput(f"the scanned PDF cannot be rendered for OCR ({e})", file=file)
    lines: list[TextLine] = []
    try:
        with steps("OCR of scanned pages", len(pages)) as advance:
            for number in pages:
                image = doc[number - 1].render(scale=PDF_SCALE).to_numpy()
                lines.extend(ocr_lines(image, number))
                advance(1)
    finally:
        doc.close()
    return lines, _mean_confidence(lines)


def read_image_bill(path: str | Path) -> Bill:
    """Read an itemized bill from a photo or scan (JPEG, PNG, TIFF)."""
    import numpy as np
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(path)
    file = str(path)
    _engine()
    try:
        with Image.open(path) as img:
            img = ImageOps.exif_transpose(img).convert("RGB")
            if max(img.size) > MAX_SIDE:
                img.thumbnail((MAX_SIDE, MAX_SIDE))
            image = np.asarray(img)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as e:
        raise BadInput(f"not a readable image ({type(e).__name__})", file=file)
    with steps("OCR of the photo", 2) as advance:
        lines = ocr_lines(image, 1)
        advance(2)
    if not lines:
        raise BadInput("no text found in the photo: take it again flat, in good light, with the whole bill in frame",
                       file=file)
    bill = Bill(source=file, format="image", ocr_confidence=_mean_confidence(lines))
    read_text_lines(lines, bill)
    if not bill.lines:
        raise BadInput("no table of charges found in the photo (text was read, but no line with an amount): "
                       "photograph the itemized part of the bill", file=file)
    bill.notes.append(f"read by OCR (mean confidence {bill.ocr_confidence:.0%}): check the amounts against the paper")
    return bill
