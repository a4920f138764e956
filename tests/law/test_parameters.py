"""The law layer: dated lookups, and the citation guard that refuses uncited values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from billadvocate.errors import LawDataError
from billadvocate.law import Law, law


def write(root: Path, rel: str, text: str) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)
    return root


GOOD = """\
description: test
limit:
  description: a limit
  values:
    2024-01-17: {value: 10, reference: [{title: "Act 1"}]}
    2025-01-15: {value: 20, reference: [{title: "Act 2", href: "https://example.gov"}]}
"""


def test_dated_lookup_takes_the_value_in_force(tmp_path):
    rules = Law(write(tmp_path, "gov/x.yaml", GOOD))
    assert rules.value("gov.x.limit", date(2024, 1, 17)) == 10  # the day it took effect
    assert rules.value("gov.x.limit", date(2025, 1, 14)) == 10  # the day before the next
    assert rules.value("gov.x.limit", date(2025, 1, 15)) == 20
    assert rules.at("gov.x.limit", date(2030, 1, 1)).citations == ["Act 2"]


def test_before_the_first_value_there_is_none(tmp_path):
    rules = Law(write(tmp_path, "gov/x.yaml", GOOD))
    with pytest.raises(KeyError, match="no value in force"):
        rules.at("gov.x.limit", date(2024, 1, 16))


@pytest.mark.parametrize("entry,words", [
    ("{value: 10}", "no citation"),
    ("{value: 10, reference: []}", "no citation"),
    ("{value: 10, reference: [{href: 'https://x'}]}", "needs a title"),
    ("10", "write each value"),
    ("{value: 10, reference: [{title: A}], unconfirmed: true}", "needs a note"),
    ("{value: 10, reference: [{title: A}], sources: x}", "unknown keys"),
])
def test_a_value_without_a_proper_citation_fails_to_load(tmp_path, entry, words):
    text = f"p:\n  description: d\n  values:\n    2024-01-01: {entry}\n"
    with pytest.raises(LawDataError, match=words):
        Law(write(tmp_path, "gov/bad.yaml", text))


def test_a_parameter_needs_a_description(tmp_path):
    with pytest.raises(LawDataError, match="description"):
        Law(write(tmp_path, "gov/bad.yaml", "p:\n  values:\n    2024-01-01: {value: 1, reference: [A]}\n"))


def test_unconfirmed_values_carry_their_note(tmp_path):
    text = ("p:\n  description: d\n  values:\n    2024-01-01: {value: 1, reference: [A], "
            "unconfirmed: true, note: secondary source only}\n")
    v = Law(write(tmp_path, "gov/u.yaml", text)).at("gov.u.p", date(2024, 6, 1))
    assert v.unconfirmed and v.note == "secondary source only"


def test_the_shipped_law_loads_and_every_value_is_cited():
    rules = law()
    assert rules.parameters, "no parameters shipped"
    for p in rules.parameters.values():
        assert p.description
        for v in p.values:
            assert v.reference and all(c.title for c in v.reference), p.path
