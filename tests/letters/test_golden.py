"""Golden files: the plain-text letters of the two examples (with fixed engine results) must not
change by accident. After an intended change, regenerate them and read the diff:

    BILLADVOCATE_UPDATE_GOLDEN=1 python -m pytest tests/letters/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from billadvocate.letters import LANGUAGES, LETTER_TYPES, MissingFact, letter_for
from billadvocate.letters.render_txt import render_txt

from .helpers import EXAMPLE_NAMES, PLAN_LETTERS, full_result, result_for

GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("BILLADVOCATE_UPDATE_GOLDEN"))


def normalise(text: str) -> str:
    """Trailing spaces and line endings do not count."""
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").splitlines()).strip() + "\n"


def golden_cases():
    for name in EXAMPLE_NAMES:
        for t in LETTER_TYPES:
            for lang in LANGUAGES:
                yield name, t, lang


@pytest.fixture(scope="module")
def results():
    return {name: full_result(name) for name in EXAMPLE_NAMES}


@pytest.mark.parametrize("name,letter_type,lang", list(golden_cases()))
def test_letter_matches_its_golden_file(results, name, letter_type, lang):
    bureaus = ["equifax", "experian"] if letter_type == "credit_dispute" else [None]
    for bureau in bureaus:
        stem = f"{name}-{letter_type}" + (f"-{bureau}" if bureau else "") + f".{lang}.txt"
        path = GOLDEN / stem
        try:
            result = result_for(name, letter_type) if letter_type in PLAN_LETTERS else results[name]
            text = normalise(render_txt(letter_for(result, letter_type, bureau=bureau, lang=lang)))
        except MissingFact as e:
            text = f"(not written) {e.line()}\n"
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"no golden file {path.name}: run with BILLADVOCATE_UPDATE_GOLDEN=1"
        assert text == path.read_text(encoding="utf-8"), f"{path.name} changed"


def test_no_stale_golden_files():
    expected = set()
    for name, t, lang in golden_cases():
        for bureau in (["equifax", "experian"] if t == "credit_dispute" else [None]):
            expected.add(f"{name}-{t}" + (f"-{bureau}" if bureau else "") + f".{lang}.txt")
    assert {p.name for p in GOLDEN.glob("*.txt")} == expected


def test_the_fixed_results_total_what_their_findings_put_in_dispute(results):
    """A golden letter whose total disagrees with the items it lists teaches the wrong thing: the fixed
    findings replace the audit's, so the dollars in dispute must be theirs, not the real audit's."""
    for name, result in results.items():
        review = result.accounts[0]
        listed = sum((f.amount for f in review.findings if f.severity != "info"), 0)
        assert 0 < review.in_dispute <= listed, name
