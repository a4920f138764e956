"""Every realistic case (the scenarios and the examples) reads wholly in Spanish for a Spanish speaker:
no engine sentence of an account falls back to English, and neither the Spanish report nor the Spanish text
review shows an English word outside the citations and official names (tests/report/test_spanish_every_state.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from billadvocate import load_case, review_case
from billadvocate.report.spanish_account import untranslated

from ..conftest import EXAMPLES
from .test_spanish_every_state import english_left

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios" / "cases"
CASES = sorted(SCENARIOS.glob("*/case.yaml")) + sorted(EXAMPLES.glob("*/case.yaml"))


@pytest.mark.parametrize("path", CASES, ids=[p.parent.name for p in CASES])
def test_no_sentence_is_left_in_english(path):
    assert len(CASES) >= 12
    result = review_case(load_case(path))
    left = [t for a in result.to_json()["accounts"] for t in untranslated(a)]
    assert not left, left


@pytest.mark.parametrize("path", CASES, ids=[p.parent.name for p in CASES])
def test_the_spanish_report_and_text_review_show_no_english(path):
    case = load_case(path)
    case = case.model_copy(update={"patient": case.patient.model_copy(update={"language": "es"})})
    left = english_left(review_case(case))
    assert not left, left[:5]
