"""The answer period for a debt lawsuit in every state and DC: quoted from the court rule or statute, or
the rule itself quoted with billadvocate's own count of days where the court prints the date on the summons,
or unconfirmed with what was searched; and the files match their generator (scripts/build_state_courts.py)."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest
import yaml

from billadvocate.law import PARAMETERS_DIR, law
from billadvocate.law.quotes import in_scope, problems
from billadvocate.states import NAMES
from tests.conftest import ROOT

AT = date(2026, 11, 20)


def _builder(tmp_path):
    spec = importlib.util.spec_from_file_location("build_state_courts", ROOT / "scripts/build_state_courts.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.OUT = tmp_path / "states"  # never the repository's own files
    return mod


def _values():
    return {st: law().at(f"states.{st.lower()}.courts.answer_days", AT) for st in sorted(NAMES)}


def test_the_court_files_match_their_generator(tmp_path):
    builder = _builder(tmp_path)
    assert builder.main() == 0
    made = {p.relative_to(builder.OUT).as_posix(): p.read_text(encoding="utf-8")
            for p in builder.OUT.glob("*/courts.yaml")}
    assert len(made) == 51
    for rel, text in made.items():
        assert (PARAMETERS_DIR / "states" / rel).read_text(encoding="utf-8") == text, rel


def test_most_jurisdictions_quote_their_answer_rule_and_the_rest_say_what_was_searched():
    values = _values()
    quoted = sorted(st for st, v in values.items() if not v.unconfirmed)
    assert len(quoted) >= 46, quoted  # 10 before this research; the floor only rises
    for st, v in values.items():
        if v.unconfirmed:
            assert v.value == 10 and "searched" in v.note and "summons governs" in v.note, st
        else:
            assert v.source.startswith(("http://", "https://")) and not problems(v), st


def test_the_quote_rule_covers_every_court_file():
    for st in NAMES:
        top = yaml.safe_load((PARAMETERS_DIR / f"states/{st.lower()}/courts.yaml").read_text(encoding="utf-8"))
        assert in_scope(f"states/{st.lower()}/courts.yaml", top.get("last_checked")), st


def test_only_a_rule_without_a_number_of_days_takes_the_safe_count_and_it_names_the_quoted_rule():
    for st, v in _values().items():
        meta = law().parameter(f"states.{st.lower()}.courts.answer_days").meta
        if v.policy:
            assert meta.get("date_on_summons") and v.value == 10 and v.proves, st
        if meta.get("appear"):
            assert meta.get("date_on_summons") and meta.get("file"), st


@pytest.mark.parametrize("state,days", [("AL", 14), ("LA", 10), ("OR", 14), ("DE", 15), ("NJ", 35), ("MS", 5)])
def test_where_courts_differ_the_shortest_period_is_kept_and_the_note_says_so(state, days):
    v = law().at(f"states.{state.lower()}.courts.answer_days", AT)
    assert v.value == days and not v.unconfirmed
    if state in ("AL", "LA", "OR"):
        assert "shortest" in v.note and "safe choice" in v.note


def test_wyoming_counts_from_the_earliest_small_claims_appearance_and_the_summons_governs():
    """W.S. 1-21-204: a small-claims appearance 12-20 days after service since 2021-07-01, 3-12 days before;
    the circuit court's own answer rule (W.R.C.P.C.C.) was not read, and one guide counts 35 days from
    filing: billadvocate counts no later than the earliest plausible day, and the summons governs."""
    path = "states.wy.courts.answer_days"
    now, before = law().at(path, AT), law().at(path, date(2020, 6, 1))
    meta = law().parameter(path).meta
    assert meta.get("date_on_summons") and not meta.get("appear")  # a written answer may be due: never "just appear"
    assert now.value == 10 and not now.unconfirmed and "twelve (12) days" in now.quote and now.policy
    assert before.value == 3 and not before.unconfirmed and "three (3)" in before.quote
    assert "filed" in meta["file"] and "small claims" in meta["file"]


def test_an_earlier_row_needs_its_own_days_quote_and_source(tmp_path, capsys):
    builder = _builder(tmp_path)
    rows = yaml.safe_load(builder.RESEARCH.read_text(encoding="utf-8"))
    rows["WY"]["earlier"] = [{"since": "2000-01-01", "days": 3, "cite": "X"}]
    bad = tmp_path / "state_courts.yaml"
    bad.write_text(yaml.safe_dump(rows))
    builder.RESEARCH = bad
    assert builder.main() == 2
    err = capsys.readouterr().err
    assert "WY: earlier" in err and "quote" in err and len(err.strip().splitlines()) == 1
    assert not builder.OUT.exists()


@pytest.mark.parametrize("text,words", [
    ("AK: {court: district court, days: 20, cite: X, source: 'https://x.gov'}\n", "AK: missing `quote`"),
    ("AK: {court: c, days: 20, cite: X, quote: 'within 20 days', source: 'https://x.gov', answer: soon}\n",
     "answer must be one of"),
    ("AK: {court: c, answer: appear, cite: X, quote: 'appear', source: 'https://x.gov', file: f}\n",
     "AK: missing `proves`"),
    ("AK: {court: c, cite: X, quote: 'within days', source: 'https://x.gov'}\n", "a written answer needs `days`"),
    ("AK: {court: c, unconfirmed: true}\n", "AK: missing `searched`"),
    ("- not a mapping\n", "expected one entry per postal code"),
])
def test_a_malformed_research_row_stops_the_generator_with_one_line(tmp_path, capsys, text, words):
    builder = _builder(tmp_path)
    rows = yaml.safe_load(builder.RESEARCH.read_text(encoding="utf-8"))
    bad = tmp_path / "state_courts.yaml"
    if text.startswith("-"):
        bad.write_text(text)
    else:
        rows.update(yaml.safe_load(text))
        bad.write_text(yaml.safe_dump(rows))
    builder.RESEARCH = bad
    assert builder.main() == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1
    assert not builder.OUT.exists()  # nothing written when one row is wrong
