"""The recogniser's scale-and-shift blocks folded into its convolutions (ocr_fold.py, issue 22): the same
arithmetic (a small graph of the same blocks computes the same, padding included), the same text read
from every box of a page as rapidocr's own model, the folded model cached, and a folded model that
computes something else never used. Skipped without the OCR extra (and, for the folding itself, `onnx`)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from billadvocate.ingest import ocr_engine, ocr_fold
from tests.ingest.ocr_corpus import _qty_rows, sentara_page
from tests.ingest.samples import bill_image

pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")


def _run(model: bytes, x: np.ndarray) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    return session.run(None, {session.get_inputs()[0].name: x})[0]


def _blocks_graph() -> bytes:
    """Three convolutions as the recogniser's backbone writes them: Conv -> Mul(s) -> Add(b) -> hardswish
    (x * clip(x + 3, 0, 6) / 6) -> Mul(s) -> Add(b) -> the next Conv, the middle one a padded depthwise 3x3
    (where a shift folded into the bias would be wrong on the border), the last 1x1."""
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(7)
    nodes, inits = [], []

    def const(name, value):
        inits.append(numpy_helper.from_array(np.asarray(value, np.float32), name))
        return name

    def affine(x, name, s, b):
        nodes.append(helper.make_node("Mul", [const(f"{name}.s", [s]), x], [f"{name}.m"]))
        nodes.append(helper.make_node("Add", [f"{name}.m", const(f"{name}.b", [b])], [f"{name}.a"]))
        return f"{name}.a"

    def hardswish(x, name):
        nodes.append(helper.make_node("Add", [x, const(f"{name}.3", [3.0])], [f"{name}.p"]))
        nodes.append(helper.make_node("Clip", [f"{name}.p", const(f"{name}.lo", 0.0), const(f"{name}.hi", 6.0)],
                                      [f"{name}.c"]))
        nodes.append(helper.make_node("Mul", [x, f"{name}.c"], [f"{name}.m"]))
        nodes.append(helper.make_node("Div", [f"{name}.m", const(f"{name}.6", [6.0])], [f"{name}.h"]))
        return f"{name}.h"

    def conv(x, name, out, inp, k, group=1):
        w = const(f"{name}.w", rng.normal(0, 0.5, (out, inp // group, k, k)))
        b = const(f"{name}.bias", rng.normal(0, 0.5, out))
        nodes.append(helper.make_node("Conv", [x, w, b], [f"{name}.y"], kernel_shape=[k, k], group=group,
                                      pads=[k // 2] * 4, strides=[1, 1]))
        return f"{name}.y"

    y = conv("x", "c1", 8, 4, 1)
    y = affine(hardswish(affine(y, "a1", 1.7, 0.4), "h1"), "a2", 0.6, -0.7)
    y = conv(y, "c2", 8, 8, 3, group=8)
    y = affine(hardswish(affine(y, "a3", 2.1, -0.3), "h2"), "a4", 0.4, 0.9)
    y = conv(y, "c3", 3, 8, 1)
    graph = helper.make_graph(nodes, "blocks", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4, 6, 9])],
                              [helper.make_tensor_value_info(y, TensorProto.FLOAT, None)], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 12)]).SerializeToString()


def test_the_folded_blocks_compute_the_same_padding_included():
    model = _blocks_graph()
    folded, counts = ocr_fold.fold_model(model)
    assert counts == {"affine after conv": 2, "hardswish": 2, "affine before conv": 2, "shift kept": 1}
    import onnx

    ops = [n.op_type for n in onnx.load_from_string(folded).graph.node]
    assert "Clip" not in ops and "Div" not in ops and ops.count("HardSigmoid") == 2
    x = np.random.default_rng(3).normal(0, 1.5, (1, 4, 6, 9)).astype(np.float32)
    before, after = _run(model, x), _run(folded, x)
    # the border rows and columns too: the depthwise convolution's zero padding is of the shifted input
    assert np.abs(after - before).max() <= 1e-5 * max(1.0, float(np.abs(before).max()))


def _generated_page(tmp_path):
    return np.asarray(Image.open(bill_image(tmp_path / "page.png", _qty_rows(24, "1,788.00"), size=(1275, 1650))))


def _sentara_page_1(tmp_path):
    return sentara_page(0)


@pytest.fixture(scope="module")
def as_shipped():
    """rapidocr's engine on its own model files, as it ships (unfolded), on sessions of the machine's cores."""
    from rapidocr_onnxruntime import RapidOCR

    plain = RapidOCR(intra_op_num_threads=ocr_engine.THREADS, inter_op_num_threads=1)
    ocr_engine.resession(plain.text_det.infer, ocr_engine.THREADS)
    ocr_engine.resession(plain.text_rec.session, ocr_engine.THREADS)
    return plain


def test_the_engine_reads_with_the_folded_models(as_shipped):
    onnx = pytest.importorskip("onnx")
    engine = ocr_engine.engine()
    assert engine.text_rec.folded and engine.text_det.infer.folded
    for session, convolutions in ((as_shipped.text_rec.session.session, 28), (as_shipped.text_det.infer.session, 24)):
        model = ocr_engine.folded_model(session)
        assert model is not None
        ops = [n.op_type for n in onnx.load_from_string(model).graph.node]
        assert ops.count("HardSigmoid") >= convolutions and "Clip" not in ops  # every hardswish folded


@pytest.mark.parametrize("page", [_generated_page, _sentara_page_1])
def test_the_folded_models_read_every_box_as_rapidocrs_own(tmp_path, as_shipped, page):
    engine = ocr_engine.engine()
    if not (engine.text_rec.folded and engine.text_det.infer.folded):
        pytest.skip("the models are not folded here (no onnx package)")
    image = page(tmp_path)
    now = engine(image, use_cls=False, return_word_box=True)[0]
    before = as_shipped(image, use_cls=False, return_word_box=True)[0]
    assert len(now) == len(before) > 20
    # every box, its text, its characters and their boxes the same; the confidences up to rounding
    assert _rounded(now) == _rounded(before)
    assert _scores(now) == pytest.approx(_scores(before), abs=1e-3)


def _rounded(found):
    """The engine's answer without its confidences (every float below 1 that is not a coordinate)."""
    if isinstance(found, (list, tuple)):
        return [_rounded(x) for x in found]
    return None if isinstance(found, float) and not float(found).is_integer() else found


def _scores(found) -> list[float]:
    if isinstance(found, (list, tuple)):
        return [s for x in found for s in _scores(x)]
    return [float(found)] if isinstance(found, float) and not float(found).is_integer() else []


def test_a_folded_model_is_cached_and_read_back(tmp_path, monkeypatch, as_shipped):
    pytest.importorskip("onnx")
    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    path = as_shipped.text_rec.session.session._model_path
    first = ocr_fold.folded_model(path)
    [cached] = (tmp_path / "cache" / "ocr").glob("model-*.onnx")
    assert cached.read_bytes() == first
    cached.write_bytes(b"what the cache holds")
    assert ocr_fold.folded_model(path) == b"what the cache holds"  # read back, not folded again


def test_a_folded_model_that_computes_otherwise_is_never_used(as_shipped):
    onnx = pytest.importorskip("onnx")
    from onnx import numpy_helper

    recognizer = as_shipped.text_rec
    good = ocr_engine.folded_model(recognizer.session.session)
    proto = onnx.load_from_string(good)
    folded = {i.name: i for i in proto.graph.initializer}
    weight = next(folded[n.input[1]] for n in proto.graph.node if n.op_type == "Conv" and n.input[1] in folded)
    weight.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(weight) * np.float32(1.5), weight.name))
    wrong = proto.SerializeToString()
    assert ocr_engine.checked_recognizer(recognizer, good).folded
    assert not ocr_engine.checked_recognizer(recognizer, wrong).folded
    assert not ocr_engine.checked_recognizer(recognizer, b"what a damaged cache holds").folded
