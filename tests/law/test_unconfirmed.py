"""Output names the unconfirmed legal value a result rests on and what was searched, not a bare flag."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from billadvocate.cli.human import console, findings_table
from billadvocate.law import law
from billadvocate.law.unconfirmed import behind, explain
from billadvocate.model import Finding



def _an_unconfirmed_value():
    """A value still unconfirmed whose first citation no other unconfirmed value shares (the federal ones
    that served here are all quoted now), and the law's answer that rests on it."""
    from billadvocate.law.unconfirmed import _by_citation

    for path, p in sorted(law().parameters.items()):
        for v in p.values:
            if v.unconfirmed and len(_by_citation()[v.citations[0]]) == 1:
                return path, p, v, law().at(path, v.start)
    raise AssertionError("no unconfirmed value with a citation of its own is left to test the wording with")


PATH, PARAM, VALUE, UNCONFIRMED = _an_unconfirmed_value()
STATE = PATH.split(".")[1].upper() if PATH.startswith("states.") else None


def test_an_unconfirmed_value_is_found_by_its_citation_with_its_note():
    assert UNCONFIRMED.unconfirmed
    values = behind(UNCONFIRMED.citations, STATE)
    assert PATH in [v.path for v in values]
    text = explain(UNCONFIRMED.citations, STATE)
    assert text.startswith(f"unconfirmed law: {PARAM.description} (the value from {VALUE.start})")
    assert VALUE.note and VALUE.note in text


def test_a_quoted_federal_value_is_no_longer_named():
    ak = law().at("gov.hhs.fpg.first_person.alaska", date(2025, 6, 1))
    assert not ak.unconfirmed and behind(ak.citations) == []


def test_a_confirmed_citation_names_nothing_and_the_fallback_says_so():
    confirmed = law().at("federal.irs_501r.eca_notice_days", date(2025, 6, 1))
    assert not confirmed.unconfirmed and behind(confirmed.citations) == []
    assert explain(confirmed.citations) == "unconfirmed law: a legal value used here was not found in primary text"


def test_the_terminal_table_prints_which_value_and_what_was_searched():
    f = Finding(rule="X", severity="low", message="A charge.", amount=Decimal(1), citations=UNCONFIRMED.citations,
                unconfirmed=True)
    c = console()
    with c.capture() as cap:
        c.print(findings_table("t", [f], with_lines=False))
    out = " ".join(cap.get().split())
    assert "(unconfirmed law:" in out and f"(the value from {VALUE.start})" in out
    assert "(unconfirmed law)" not in out


def test_a_citation_many_states_share_names_only_the_patients_state():
    from billadvocate.law.unconfirmed import _by_citation

    generic, values = max(_by_citation().items(), key=lambda kv: len({v.path.split(".")[1] for v in kv[1]}))
    states = sorted({v.path.split(".")[1] for v in values if v.path.startswith("states.")})
    assert len(states) > 1, "no citation is shared by several states' unconfirmed values"
    mine = behind([generic], states[0].upper())
    assert mine and all(v.path.startswith(f"states.{states[0]}.") for v in mine)
    assert behind([generic]) == []  # without the state it names nothing rather than another state's value
