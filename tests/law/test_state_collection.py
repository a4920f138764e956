"""Every state and DC has its collection-law entries: a value with a citation, or an explicit
"no specific law found" that says what was searched; and the files match their generator."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from billadvocate.law import law
from billadvocate.states import NAMES
from tests.conftest import ROOT

KEYS = ["sol.open_account", "sol.written_contract", "sol.starts", "sol.revival", "interest_cap",
        "collection_wait", "notice_before_collection", "garnishment", "liens"]


@pytest.mark.parametrize("state", sorted(NAMES))
def test_every_state_has_every_collection_entry(state):
    for key in KEYS:
        p = law().parameter(f"states.{state.lower()}.collection.{key}")
        v = p.at(date(2026, 11, 28))
        assert v.citations, (state, key)
        if v.value is None:
            assert v.note.startswith("No specific law found") and "Searched:" in v.note, (state, key)


def test_sol_years_are_plausible_and_flagged_unless_the_statute_text_was_read():
    for state in NAMES:
        v = law().at(f"states.{state.lower()}.collection.sol.open_account", date(2026, 11, 28))
        assert 2 <= v.value <= 15
        assert v.unconfirmed == (state not in {"CA", "TX"}), state


def test_the_research_reports_state_rules_are_encoded():
    at = date(2026, 11, 28)
    assert law().value("states.ca.collection.collection_wait", at)["days"] == 180
    assert law().value("states.ca.collection.collection_wait", date(2021, 12, 31))["days"] == 150
    assert law().value("states.nv.collection.notice_before_collection", at)["days"] == 60
    assert law().value("states.fl.collection.notice_before_collection", at)["days"] == 30
    assert law().value("states.az.collection.interest_cap", at)["percent"] == 3
    assert law().value("states.ny.collection.sol.medical", at) == 3


def test_the_state_files_match_their_generator(tmp_path):
    before = {p: p.read_text() for p in (ROOT / "src/billadvocate/law/parameters/states").glob("*/collection.yaml")}
    subprocess.run([sys.executable, str(ROOT / "scripts/build_state_collection_law.py")], check=True,
                   capture_output=True)
    after = {p: p.read_text() for p in before}
    assert before == after and len(before) == 51
