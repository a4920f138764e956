"""Scanned bills and phone photos, read by OCR that installs from pip alone (rapidocr-onnxruntime).

The OCR engine finds text boxes with a confidence each; boxes are grouped into printed lines by
their height on the page, then read like a PDF's text layer (text_table.py). The mean confidence is
kept on the bill so `billadvocate read` can show how far to trust it. Install with the `ocr` extra.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BadInput
from ..model import Bill
from .eob_model import Eob
from .ocr_engine import THREADS
from .ocr_engine import engine as _engine
from .progress import steps
from .text_table import SUSPECT_AMOUNT, TextLine, read_text_lines, refuse_validation_notice

if TYPE_CHECKING:
    import numpy as np

PDF_SCALE = 1.5  # 108 dpi: enough for printed bills, and fast on two cores
MAX_SIDE = 1400  # photos are scaled down to this many pixels on their long side (~130 dpi for a letter
#                  page; text detection's memory grows with the square: 2000 px cost ~700 MB, 1400 ~400 MB)
DETAIL_SIDE = 2 * MAX_SIDE  # kept for reading a suspect amount closer
MAX_PIXELS = 64_000_000  # 8000 x 8000: beyond any phone photo of a bill; a decoding bomb is refused


PAGE_SIDE = 1600  # a scanned page's long side when rendered for OCR (a letter page at PDF_SCALE is 1,188)


def _page_scale(page, scale: float, longest: int) -> float:
    width, height = page.get_size()  # points
    return min(scale, longest / max(width, height, 1.0))


def check_pixels(size: tuple[int, int], *, file: str | None = None) -> None:
    """Refuse an image whose header claims more pixels than any photo of a bill (before decoding it)."""
    width, height = size
    if width * height > MAX_PIXELS:
        raise BadInput(f"the image is {width:,} x {height:,} pixels (at most {MAX_PIXELS // 1_000_000} million): "
                       "take the photo again at a normal size", file=file)
_OCR_MONEY_COLON = re.compile(r"(?<![\d:])(\d{1,3}(?:,\d{3})*):(\d{2})(?![\d:])")


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


_AMOUNT = re.compile(r"^-?\$?\d{1,3}(?:,\d{3})*\.\d{2}$|^-?\$?\d+\.\d{2}$")
HIRES = 3  # how much closer a suspect amount is read again


@dataclass
class Closer:
    """A source to read a part of the page again at a higher resolution: `image()` is the page (or
    photo) at `scale` times the resolution the boxes were found at."""

    image: Callable[[], "np.ndarray"]
    scale: float


def ocr_lines(image, page: int, *, closer: Closer | None = None, corrections: list[str] | None = None) -> list[TextLine]:
    """Text lines of one image (an RGB numpy array), grouped from the OCR boxes. Amounts with a
    misread digit are read again from `closer` (what was changed is added to `corrections`)."""
    try:
        result, _ = _engine()(image, use_cls=False, return_word_box=True)
    except (IndexError, ValueError, TypeError):  # the character boxes are an extra: read without them
        result, _ = _engine()(image, use_cls=False)
    boxes = []
    for box, text, score, *chars in result or []:
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        text, score = _spaced(str(text), chars, max(ys) - min(ys)), float(score)
        if closer is not None and SUSPECT_AMOUNT.match(text.strip()):
            text, score = _read_closer(closer, (min(xs), min(ys), max(xs), max(ys)), text, score, page, corrections)
        boxes.append((min(xs), min(ys), max(ys), text, score))
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


WORD_GAP = 0.3  # a gap between two characters wider than this share of the text height separates two words


def _spaced(text: str, chars: list, height: float) -> str:
    """The box's text with a space wherever its characters stand apart: the recogniser runs columns
    together ('1   40.00' in a Qty and an Amount column comes back as '140.00')."""
    if len(chars) < 2 or not chars[0] or len(chars[0]) != len(chars[1]) or len(chars[1]) != len(text.replace(" ", "")) and len(chars[1]) != len(text):
        return text
    out: list[str] = []
    right = None
    for char_box, char in zip(chars[0], chars[1]):
        left = min(p[0] for p in char_box)
        if right is not None and left - right > WORD_GAP * height and out and out[-1] != " " and char != " ":
            out.append(" ")
        out.append(char)
        right = max(p[0] for p in char_box)
    return "".join(out)


def _read_closer(closer: Closer, box: tuple[float, float, float, float], text: str, score: float, page: int,
                 corrections: list[str] | None) -> tuple[str, float]:
    """Read one box again from the closer image; keep the new reading only when it is a clean amount."""
    import numpy as np

    x0, y0, x1, y1 = box
    pad = max(3.0, (y1 - y0) * 0.3)
    image = closer.image()
    f = closer.scale
    h, w = image.shape[:2]
    top, bottom = max(0, int((y0 - pad) * f)), min(h, int((y1 + pad) * f) + 1)
    left, right = max(0, int((x0 - pad) * f)), min(w, int((x1 + pad) * f) + 1)
    crop = np.ascontiguousarray(image[top:bottom, left:right])
    if crop.size == 0:
        return text, score
    found, _ = _engine()(crop, use_det=False, use_cls=False, use_rec=True)
    if not found:
        return text, score
    again, again_score = str(found[0][0]).strip(), float(found[0][1])
    cleaned = _clean(again)
    if not _AMOUNT.match(cleaned):
        return text, score
    if corrections is not None:
        corrections.append(f"page {page}: OCR read the amount {text!r}; read again {closer.scale:g} times closer "
                           f"it is {cleaned} (confidence {again_score:.0%})")
    return cleaned, again_score


# letters OCR reads for digits; a guess from these is kept only when the bill's own total confirms it
_LOOKALIKE = {"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "i": "1", "f": "1", "t": "1",
              "Z": "2", "z": "2", "S": "5", "s": "5", "G": "6", "b": "6", "T": "7", "B": "8", "g": "9", "q": "9"}


def read_ocr_text(lines: list[TextLine], bill: Bill, corrections: list[str]) -> Bill:
    """Read the OCR'd lines into `bill`. An amount still misread after reading it closer ('1,69f.00') is
    taken with its look-alike digits only when that, and nothing else, makes the lines add up to the
    total the bill states; otherwise its line is left out with a note, as before."""
    bill.notes.extend(corrections)
    read_text_lines(lines, bill)
    if corrections and bill.stated_total is not None and bill.total_charges == bill.stated_total:
        bill.notes.append(f"with the amount(s) read again, the lines add up to the bill's stated total {bill.stated_total:,.2f}")
    if bill.stated_total is None or bill.total_charges == bill.stated_total:
        return bill
    fits = []
    for i, ln in enumerate(lines):
        for token in ln.text.split():
            guess = "".join(_LOOKALIKE.get(c, c) for c in token)
            if guess == token or not SUSPECT_AMOUNT.match(token) or not _AMOUNT.match(_clean(guess)):
                continue
            trial = Bill(source=bill.source, format=bill.format)
            fixed = [*lines[:i], replace(ln, text=ln.text.replace(token, _clean(guess), 1)), *lines[i + 1:]]
            read_text_lines(fixed, trial)
            if trial.total_charges == trial.stated_total:
                fits.append((token, _clean(guess), ln.page, trial))
    if len(fits) != 1:
        return bill
    token, guess, page, trial = fits[0]
    trial.notes = [*bill.notes, f"page {page}: OCR read the amount {token!r}; taken as {guess} because only then "
                   f"do the lines add up to the bill's stated total {trial.stated_total:,.2f}: check it on the paper"]
    for name in Bill.model_fields:
        setattr(bill, name, getattr(trial, name))
    bill.notes = [n for n in bill.notes if "could not be read was skipped" not in n or token not in n]
    return bill


def _mean_confidence(lines: list[TextLine]) -> float:
    values = [ln.confidence for ln in lines if ln.confidence is not None]
    return sum(values) / len(values) if values else 0.0


# a scanned PDF's pages read at once: while one page's recognition runs, the next page's text detection
# and our own Python (crops, grouping, character boxes) fill the core the other would leave idle
PAGES_AHEAD = THREADS
_PDFIUM = threading.Lock()  # pdfium is not thread-safe: every call on a document goes through this lock


def ocr_pdf_pages(path: Path, pages: list[int], *, file: str,
                  corrections: list[str] | None = None) -> tuple[list[TextLine], float]:
    """OCR of the given PDF pages (numbered from 1): their text lines and mean confidence. Up to
    PAGES_AHEAD pages are read at once; lines and corrections come back in page order."""
    import pypdfium2

    _engine()
    try:
        with _PDFIUM:
            doc = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as e:
        message = str(e).lower()
        if "password" in message:
            raise BadInput("the PDF is password-protected: save a copy without a password, then try again", file=file)
        raise BadInput(f"the scanned PDF cannot be rendered for OCR ({e})", file=file)
    lines: list[TextLine] = []
    in_flight: deque = deque()  # (page, its future, its own corrections), oldest first
    ahead = ThreadPoolExecutor(max_workers=PAGES_AHEAD, thread_name_prefix="ocr-page")
    try:
        with steps("OCR of scanned pages", len(pages)) as advance:

            def finish_oldest() -> None:
                page, future, found = in_flight.popleft()
                try:
                    lines.extend(future.result())
                finally:
                    with _PDFIUM:
                        page.close()
                if corrections is not None:
                    corrections.extend(found)
                advance(1)

            for number in pages:
                if len(in_flight) >= PAGES_AHEAD:
                    finish_oldest()
                with _PDFIUM:
                    page = doc[number - 1]
                    # a page of any size renders to at most PAGE_SIDE pixels (a 200-inch page must not cost GBs)
                    scale = _page_scale(page, PDF_SCALE, PAGE_SIDE)
                    close = _page_scale(page, PDF_SCALE * HIRES, PAGE_SIDE * HIRES)
                    image = page.render(scale=scale).to_numpy()

                def render_closer(page=page, close=close):
                    with _PDFIUM:
                        return page.render(scale=close).to_numpy()

                closer = Closer(lru_cache(maxsize=1)(render_closer), close / scale)
                found: list[str] = []
                in_flight.append((page, ahead.submit(ocr_lines, image, number, closer=closer, corrections=found), found))
            while in_flight:
                finish_oldest()
    finally:
        ahead.shutdown(wait=True)  # no page is still being read when the document closes
        with _PDFIUM:
            for page, _, _ in in_flight:
                page.close()
            doc.close()
    return lines, _mean_confidence(lines)


def _photo_lines(path: Path) -> tuple[list[TextLine], list[str]]:
    """The text lines OCR reads in a photo or scan, and the amounts it read again closer."""
    import numpy as np
    from PIL import Image, ImageOps, UnidentifiedImageError

    file = str(path)
    _engine()
    try:
        with Image.open(path) as img:
            check_pixels(img.size, file=file)
            # never the whole bitmap of a huge photo: JPEGs decode straight at 1/2..1/8 scale (draft),
            # others once, then reduced; twice the OCR size is all the closer reads ever use
            img.draft("RGB", (DETAIL_SIDE, DETAIL_SIDE))
            img.thumbnail((DETAIL_SIDE, DETAIL_SIDE))
            full = ImageOps.exif_transpose(img).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as e:
        raise BadInput(f"not a readable image ({type(e).__name__})", file=file)
    small = full
    if max(full.size) > MAX_SIDE:
        small = full.copy()
        small.thumbnail((MAX_SIDE, MAX_SIDE))
    if full.width / small.width < 2:  # no more detail than what was read: enlarging still helps the recogniser
        closer = Closer(lambda: np.asarray(small.resize((small.width * HIRES, small.height * HIRES), Image.LANCZOS)), HIRES)
    else:
        closer = Closer(lambda: np.asarray(full), full.width / small.width)
    corrections: list[str] = []
    with steps("OCR of the photo", 2) as advance:
        lines = ocr_lines(np.asarray(small), 1, closer=closer, corrections=corrections)
        advance(2)
    if not lines:
        raise BadInput("no text found in the photo: take it again flat, in good light, with the whole bill in frame",
                       file=file)
    refuse_validation_notice(lines, file)
    return lines, corrections


def _photo_eob(lines: list[TextLine], corrections: list[str], file: str) -> Eob | None:
    """The consumer EOB in a photo's lines (billed / allowed / saved / paid / you owe), or None."""
    from .consumer_eob import read_consumer_eob

    eob = read_consumer_eob(lines, file=file, format="image-eob")
    if eob is None or not eob.claims:
        return None
    confidence = _mean_confidence(lines)
    eob.notes = [*corrections, *eob.notes,
                 f"read by OCR (mean confidence {confidence:.0%}): check the amounts against the paper"]
    return eob


def read_image_bill(path: str | Path) -> Bill | Eob:
    """Read an itemized bill from a photo or scan (JPEG, PNG, TIFF). A photo of a consumer EOB (the
    insurer's statement to its member) is read as the EOB it is, never as a bill."""
    path = Path(path)
    file = str(path)
    lines, corrections = _photo_lines(path)
    eob = _photo_eob(lines, corrections, file)
    if eob is not None:
        return eob
    bill = Bill(source=file, format="image", ocr_confidence=_mean_confidence(lines))
    read_ocr_text(lines, bill, corrections)
    if not bill.lines:
        raise BadInput("no table of charges found in the photo (text was read, but no line with an amount): "
                       "photograph the itemized part of the bill", file=file)
    bill.notes.append(f"read by OCR (mean confidence {bill.ocr_confidence:.0%}): check the amounts against the paper")
    return bill


def read_image_eob(path: str | Path) -> Eob:
    """Read a photo or scan of a consumer EOB (Provider billed / Plan allowed / ... / You owe) as an Eob."""
    path = Path(path)
    file = str(path)
    lines, corrections = _photo_lines(path)
    eob = _photo_eob(lines, corrections, file)
    if eob is None:
        raise BadInput("no EOB table found in the photo: no service lines under a header naming what the provider "
                       "billed and what the plan paid or you owe; photograph the page with that table", file=file)
    return eob
