"""rapidocr's OCR models with their per-layer scale-and-shift folded into the convolutions (issue 22).

rapidocr's PP-OCRv4 recogniser and detector, as exported from Paddle, follow each backbone convolution
with a learnable affine block (a multiply and an add by a scalar), a hardswish written as four operations
(x * clip(x + 3, 0, 6) / 6) and a second affine block (the recogniser: 28 convolutions; detection: 24).
onnxruntime fuses none of them: ~45% of the recogniser's CPU went to those element-wise passes and to the
layout reorders around them. Rewritten here on the model's standard ONNX operators, before onnxruntime
sees it, with the same arithmetic:

- an affine block after a convolution goes into its weights and bias (W*s, B*s + b);
- the hardswish becomes x * HardSigmoid(x) (alpha 1/6, beta 1/2), which onnxruntime fuses into the
  convolution as its HardSwish activation;
- an affine block before a convolution: its scale goes into the weights (W*s); its shift into the bias
  (B + b * sum(W)) when the convolution has no padding, else it stays as a per-channel shift
  (x + b/s, a BatchNormalization that onnxruntime runs in its blocked layout) - the padding's zeros
  must stay zeros of the shifted input.

The floats move by rounding only (the sums are grouped differently): on the Sentara scan's 266 crops
every frame's most likely character is the same and no probability moves by more than 4e-4; detection's
text map within 3e-5 (every pixel on the same side of its threshold); every input of
tests/ingest/ocr_corpus.py parses the same. Needs the `onnx` package (in the ocr extra) the first time a
model is folded (the result is cached); without it, or on a model without these blocks, the model is
used as it ships.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from pathlib import Path

HSWISH_ALPHA = 1.0 / 6.0
VERSION = b"1"  # of the folding: a change to it makes new cache files


def cache_dir() -> Path:
    """Where folded models are kept: $BILLADVOCATE_HOME/cache/ocr when set, else the platform's user
    cache folder (platformdirs)."""
    home = os.environ.get("BILLADVOCATE_HOME")
    if home:
        return Path(home).expanduser() / "cache" / "ocr"
    import platformdirs

    return platformdirs.user_cache_path("billadvocate", appauthor=False) / "ocr"


def folded_model(path: str | Path) -> bytes | None:
    """The folded model of the model at `path` (rapidocr's recogniser or detector), from the cache when it was folded before (folding
    imports `onnx`, ~1.2 CPU s, so it is done once per model and machine), else folded now and cached
    (atomically; a folder that cannot be written only costs the folding again). None: nothing to fold
    or no `onnx` package."""
    model = Path(path).read_bytes()
    key = hashlib.sha256(VERSION + b"\0" + model).hexdigest()[:32]
    cached = cache_dir() / f"model-{key}.onnx"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    folded = fold_model(model)
    if folded is None:
        return None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_name(f"{cached.name}.{os.getpid()}.part")
        part.write_bytes(folded[0])
        os.replace(part, cached)
    except OSError:
        pass
    return folded[0]


def fold_model(model: bytes) -> tuple[bytes, dict[str, int]] | None:
    """The model (ONNX bytes) with its affine blocks and hardswishes folded, and how many of each; None
    when the `onnx` package is missing or nothing was folded."""
    try:
        import onnx
    except ImportError:
        return None
    proto = onnx.load_from_string(model)
    counts = _Folder(proto).run()
    if not any(counts.values()):
        return None
    return proto.SerializeToString(), counts


class _Folder:
    def __init__(self, proto):
        from onnx import numpy_helper

        self.proto = proto
        self.graph = proto.graph
        self.numpy_helper = numpy_helper
        self.values = {}  # name -> numpy array of every constant (Constant nodes and initializers)
        for init in self.graph.initializer:
            self.values[init.name] = numpy_helper.to_array(init)
        for node in self.graph.node:
            if node.op_type == "Constant" and len(node.attribute) == 1 and node.attribute[0].name == "value":
                self.values[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
        self.kept = set(o.name for o in self.graph.output)
        self.fresh = 0

    def run(self) -> dict[str, int]:
        counts = {"affine after conv": 0, "hardswish": 0, "affine before conv": 0, "shift kept": 0}
        self._index()
        for conv in self._nodes("Conv"):
            counts["affine after conv"] += self._fold_after(conv)
        self._index()
        for clip in self._nodes("Clip"):
            counts["hardswish"] += self._hardswish(clip)
        self._index()
        for conv in self._nodes("Conv"):
            folded = self._fold_before(conv)
            counts["affine before conv"] += folded > 0
            counts["shift kept"] += folded == 2
        self._index()
        unused = [n for n in self.graph.node if n.op_type == "Constant" and not self.consumers.get(n.output[0])
                  and n.output[0] not in self.kept]
        self._remove(*unused)
        used = [i for i in self.graph.initializer if self.consumers.get(i.name) or i.name in self.kept]
        if len(used) < len(self.graph.initializer):
            del self.graph.initializer[:]
            self.graph.initializer.extend(used)
        return counts

    # -- the graph's bookkeeping

    def _index(self) -> None:
        self.producer = {o: n for n in self.graph.node for o in n.output}
        self.consumers = defaultdict(list)
        for n in self.graph.node:
            for i in n.input:
                self.consumers[i].append(n)

    def _nodes(self, op: str) -> list:
        return [n for n in self.graph.node if n.op_type == op and n.domain in ("", "ai.onnx")]

    def _only_consumer(self, name: str, op: str):
        users = self.consumers.get(name, [])
        if name in self.kept or len(users) != 1 or users[0].op_type != op:
            return None
        return users[0]

    def _scalar(self, name: str) -> float | None:
        value = self.values.get(name)
        if value is None or value.size != 1 or value.dtype.kind != "f":
            return None
        return float(value.reshape(-1)[0])

    def _scalar_and_other(self, node) -> tuple[float | None, str | None]:
        """A binary node's scalar constant input and its other input."""
        if len(node.input) != 2:
            return None, None
        for mine, other in ((0, 1), (1, 0)):
            value = self._scalar(node.input[mine])
            if value is not None and node.input[other] not in self.values:
                return value, node.input[other]
        return None, None

    def _tensor(self, array, hint: str) -> str:
        import numpy as np

        self.fresh += 1
        name = f"{hint}.folded.{self.fresh}"
        self.graph.initializer.append(self.numpy_helper.from_array(np.ascontiguousarray(array, dtype=np.float32), name))
        self.values[name] = array
        return name

    def _remove(self, *nodes) -> None:
        for node in nodes:
            self.graph.node.remove(node)

    def _conv_weights(self, conv):
        """The convolution's float32 weight and bias arrays (a zero bias when it has none), or None."""
        import numpy as np

        weight = self.values.get(conv.input[1]) if len(conv.input) > 1 else None
        if weight is None or weight.dtype != np.float32 or weight.ndim != 4:
            return None
        bias = self.values.get(conv.input[2]) if len(conv.input) > 2 and conv.input[2] else np.zeros(weight.shape[0], np.float32)
        if bias is None or bias.shape != (weight.shape[0],):
            return None
        return weight, bias

    # -- the three rewrites

    def _fold_after(self, conv) -> int:
        """Conv -> Mul(s) -> Add(b) becomes one Conv with W*s and B*s + b."""
        import numpy as np

        found = self._conv_weights(conv)
        mul = self._only_consumer(conv.output[0], "Mul")
        add = self._only_consumer(mul.output[0], "Add") if mul is not None else None
        if found is None or add is None:
            return 0
        scale, _ = self._scalar_and_other(mul)
        shift, _ = self._scalar_and_other(add)
        if scale is None or shift is None:
            return 0
        weight, bias = found
        s, b = np.float32(scale), np.float32(shift)
        conv.input[1] = self._tensor(weight * s, conv.input[1])
        if len(conv.input) < 3:
            conv.input.append("")
        conv.input[2] = self._tensor(bias * s + b, conv.input[1])
        conv.output[0] = add.output[0]
        self._remove(mul, add)
        return 1

    def _hardswish(self, clip) -> int:
        """Add(x, 3) -> Clip(0, 6) -> Mul(x, .) -> Div(6) becomes Mul(x, HardSigmoid(x))."""
        from onnx import helper

        plus = self.producer.get(clip.input[0])
        if plus is None or plus.op_type != "Add" or self._only_consumer(plus.output[0], "Clip") is not clip:
            return 0
        three, x = self._scalar_and_other(plus)
        if three != 3.0 or len(clip.input) != 3 or self._scalar(clip.input[1]) != 0.0 or self._scalar(clip.input[2]) != 6.0:
            return 0
        mul = self._only_consumer(clip.output[0], "Mul")
        if mul is None or sorted(mul.input) != sorted([x, clip.output[0]]):
            return 0
        div = self._only_consumer(mul.output[0], "Div")
        if div is None or div.input[0] != mul.output[0] or self._scalar(div.input[1]) != 6.0:
            return 0
        gate = div.output[0] + ".hardsigmoid"
        at = list(self.graph.node).index(plus)
        self._remove(plus, clip, mul, div)
        self.graph.node.insert(at, helper.make_node("Mul", [x, gate], [div.output[0]]))
        self.graph.node.insert(at, helper.make_node("HardSigmoid", [x], [gate], alpha=HSWISH_ALPHA, beta=0.5))
        return 1

    def _fold_before(self, conv) -> int:
        """Mul(s) -> Add(b) -> Conv: the scale goes into W; the shift into B (no padding: 1) or stays as a
        per-channel BatchNormalization shift by b/s ahead of the convolution (padding: 2)."""
        import numpy as np
        from onnx import helper

        found = self._conv_weights(conv)
        add = self.producer.get(conv.input[0])
        if found is None or add is None or add.op_type != "Add" or self._only_consumer(add.output[0], "Conv") is not conv:
            return 0
        shift, y = self._scalar_and_other(add)
        mul = self.producer.get(y) if shift is not None else None
        if mul is None or mul.op_type != "Mul" or self._only_consumer(mul.output[0], "Add") is not add:
            return 0
        scale, x = self._scalar_and_other(mul)
        if scale is None or scale == 0.0:
            return 0
        attrs = {a.name: helper.get_attribute_value(a) for a in conv.attribute}
        auto_pad = attrs.get("auto_pad", b"NOTSET")
        padded = any(attrs.get("pads", [])) or auto_pad not in (b"NOTSET", b"VALID", "NOTSET", "VALID")
        weight, bias = found
        s, b = np.float32(scale), np.float32(shift)
        channels = weight.shape[1] * int(attrs.get("group", 1))
        conv.input[1] = self._tensor(weight * s, conv.input[1])
        if not padded:
            if len(conv.input) < 3:
                conv.input.append("")
            conv.input[2] = self._tensor(bias + b * weight.reshape(weight.shape[0], -1).sum(axis=1, dtype=np.float32),
                                         conv.input[1])
            conv.input[0] = x
            self._remove(mul, add)
            return 1
        at = list(self.graph.node).index(mul)
        self._remove(mul, add)
        inputs = [x, self._tensor(np.ones(channels, np.float32), add.output[0]),
                  self._tensor(np.full(channels, b / s, np.float32), add.output[0]),
                  self._tensor(np.zeros(channels, np.float32), add.output[0]),
                  self._tensor(np.ones(channels, np.float32), add.output[0])]
        self.graph.node.insert(at, helper.make_node("BatchNormalization", inputs, [add.output[0]], epsilon=0.0))
        return 2


def check_input(batch: int, height: int, width: int) -> "numpy.ndarray":
    """A fixed input for computes_as: dark text-like strokes on white, as rapidocr normalises an image."""
    import numpy as np

    x = np.full((batch, 3, height, width), 1.0, np.float32)
    for i in range(batch):
        top = height // 4 + 2 * i
        x[i, :, top:height - top, 20 + 3 * i:width - 20:7 + 2 * i] = -1.0
    return x


REC_CHECK = (2, 48, 320)  # two crops as the recogniser reads them
DET_CHECK = (1, 96, 320)  # a strip of a page as detection reads it (sides multiples of 32)


def computes_as(session, original, shape: tuple[int, int, int]) -> bool:
    """A folded model computes what the shipped one does, up to rounding: checked once per process on a
    fixed input, so a model the folding got wrong (or a damaged cache file) is never used."""
    import numpy as np

    if session is None or original is None:
        return False
    x = check_input(*shape)
    try:
        ours = session.run(None, {session.get_inputs()[0].name: x})[0]
        theirs = original.run(None, {original.get_inputs()[0].name: x})[0]
    except Exception:  # noqa: BLE001
        return False
    return ours.shape == theirs.shape and float(np.abs(ours - theirs).max()) < 1e-2
