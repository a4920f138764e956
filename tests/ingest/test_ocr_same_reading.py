"""A change to the OCR engine (its models, sizes, threads, batches) must read the same bills: every input
the project reads by OCR (tests/ingest/ocr_corpus.py) is parsed as it was when ocr_parsed.json was
written - each line's codes, dates, units, amounts and description, and the totals. A change that reads
better rewrites the file (`python -m tests.ingest.ocr_corpus --write`) and says in its commit what changed."""

from __future__ import annotations

import json

import pytest

from tests.ingest.ocr_corpus import CORPUS, PARSED, differences, read_all

pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_ocr_input_is_parsed_as_before(name):
    before = json.loads(PARSED.read_text())[name]
    now = read_all([name])
    if name not in now:
        pytest.skip(f"{name}: its file is absent (../shared/data)")
    assert differences(before, now[name], name) == []


def test_the_check_sees_a_changed_amount():
    before = {"lines": [{"code": "72125", "charge": 2203.0}], "stated_total": 7258.53}
    after = {"lines": [{"code": "72125", "charge": 2208.0}], "stated_total": 7258.53}
    assert differences(before, after, "bill") == ["bill.lines[0].charge: 2203.0 -> 2208.0"]
    assert differences(before, {**before, "lines": []}, "bill") == ["bill.lines: [{'code': '72125', 'charge': 2203.0}] -> []"]
