"""A review dated before billadvocate's law data begins is one clear line and exit 2, not a crash."""

from __future__ import annotations

from datetime import date

from tests.conftest import EXAMPLES


def test_a_review_before_the_law_data_begins_is_one_line_exit_2(cli):
    r = cli("review", EXAMPLES / "er-visit-nonprofit" / "case.yaml", "--as-of", "2023-06-01")
    assert r.code == 2 and "Traceback" not in r.err and len(r.err.strip().splitlines()) == 1
    assert "begins on" in r.err and "--as-of" in r.err


def test_medicaid_before_its_data_says_it_cannot_tell():
    from billadvocate.assist.programs.medicaid import medicaid_hint
    from billadvocate.law import law

    first = law().parameter("federal.medicaid.expansion.states").values[0].start

    class Situation:
        state, insurance = "CA", "uninsured"

    out = medicaid_hint(Situation(), date(first.year - 1, 1, 1))
    assert out["eligible"] is None and "Cannot tell" in out["why"]
