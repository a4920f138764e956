"""The shared X12 envelope and segment walk: what it leaves behind in the process."""

from __future__ import annotations

import gc

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest.x12 import open_interchange, walk
from tests.conftest import ROOT

TEXT = (ROOT / "tests" / "fixtures" / "ingest" / "managed-care.835").read_text()


def test_the_collector_is_paused_while_reading_and_restored_after():
    seen = []
    ic = open_interchange(TEXT, file="m.835")
    walk(ic, {"CLP": lambda el, n: seen.append(gc.isenabled())}, "test")
    assert seen and not any(seen) and gc.isenabled()
    gc.disable()
    try:
        walk(open_interchange(TEXT, file="m.835"), {}, "test")
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_objects_the_application_froze_stay_frozen():
    gc.freeze()
    try:
        walk(open_interchange(TEXT, file="m.835"), {}, "test")
        assert gc.get_freeze_count() > 0  # (frozen objects may die meanwhile; unfreezing them would empty it)
    finally:
        gc.unfreeze()


def test_a_handler_error_still_restores_the_collector():
    def fail(el, n):
        raise BadInput("boom", file="m.835")

    with pytest.raises(BadInput):
        walk(open_interchange(TEXT, file="m.835"), {"CLP": fail}, "test")
    assert gc.isenabled()


def test_segments_are_numbered_in_file_order_with_blank_segments_skipped():
    numbers = []
    text = TEXT.replace("~CLP", "~~CLP", 1)
    walk(open_interchange(text, file="m.835"), {"CLP": lambda el, n: numbers.append(n)}, "test")
    plain = []
    walk(open_interchange(TEXT, file="m.835"), {"CLP": lambda el, n: plain.append(n)}, "test")
    assert numbers == plain and len(plain) == 2
