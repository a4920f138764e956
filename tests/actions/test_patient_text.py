"""Letters a patient can sign: every letter of the examples (English and Spanish), every step of the
plan and every call script is read back for rule ids, case-file paths, CLI flags, citation dumps,
'(s)' plurals and wrong singulars or plurals."""

from __future__ import annotations

from datetime import date

import pytest

from billadvocate import load_case, review_case
from billadvocate.actions.hygiene import problems
from billadvocate.letters import LANGUAGES, LETTER_TYPES, MissingFact, NotAdvised, letter_for
from billadvocate.letters.render_txt import render_txt

from ..conftest import EXAMPLES
from ..letters.helpers import EXAMPLE_NAMES, full_result
from .helpers import review, write_case


def _letters(result):
    for t in LETTER_TYPES:
        bureaus = ["equifax", "experian", "transunion"] if t == "credit_dispute" else [None]
        accounts = [r.account.id for r in result.accounts] if t != "credit_dispute" else [None]
        for bureau in bureaus:
            for account in accounts:
                for lang in LANGUAGES:
                    try:
                        yield f"{t}/{bureau or account}/{lang}", render_txt(
                            letter_for(result, t, account_id=account, bureau=bureau, lang=lang))
                    except (MissingFact, NotAdvised):
                        continue


def _plan_and_scripts(result):
    for a in result.actions:
        yield f"step {a['kind']}", f"{a['title']}. {a['why']}"
    for r in result.accounts:
        for s in r.call_scripts or []:
            for key in ("say", "ask", "never_say"):
                for line in s.get(key, []):
                    yield f"script {s['to']} {key}", line


def assert_reads_clean(texts):
    texts = list(texts)
    assert texts, "nothing was read back: the review produced no text to check"
    found = {where: p for where, text in texts for p in [problems(text)] if p}
    assert not found, found


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_examples_letters_read_clean_in_both_languages(name):
    result = review_case(load_case(EXAMPLES / name / "case.yaml"))
    assert_reads_clean(_letters(result))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_letters_read_clean_with_every_engine_result_filled_in(name):
    assert_reads_clean(_letters(full_result(name)))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_examples_plan_and_call_scripts_read_clean(name):
    assert_reads_clean(_plan_and_scripts(review_case(load_case(EXAMPLES / name / "case.yaml"))))


def test_a_time_barred_debt_and_a_lawsuit_read_clean(tmp_path):
    events = [{"at": "2026-11-18", "kind": "legal_action", "from": "collector", "type": "lawsuit"}]
    result = review(write_case(tmp_path / "c", state="TX", first_bill="2016-04-01", events=events), date(2026, 11, 21))
    assert_reads_clean(_plan_and_scripts(result))
    assert_reads_clean(_letters(result))


def test_the_checker_finds_what_it_must():
    bad = ("Fill accounts[0].collector.address; see events[3] and REGF.CALL_FREQUENCY; run with --bureau; "
           "2 problem(s); 1 months; 3 month; billadvocate research report, legal-rules.md section 8")
    kinds = {p.split(":")[0] for p in problems(bad)}
    assert kinds == {"a rule id", "a case-file path", "a command-line flag", "a raw citation dump",
                     "an '(s)' plural", "a wrong plural", "a wrong singular"}
    assert problems("1 month, 2 months, a 30-day period, 15 U.S.C. 1692g(b), lawhelp.org, line 3, lines 2, 3") == []
    assert len(problems("Lines 3 of the bill; Line 2, 3 of the bill")) == 2
