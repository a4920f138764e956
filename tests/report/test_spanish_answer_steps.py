"""The answer-deadline step in Spanish says what the state's court wants, as the English does: each
state's own instruction (`file` in its courts data) has its Spanish beside it, and a Wyoming patient
sued in circuit court reads, in Spanish, that a summons counting from the filing day is counted from
the filing day (it can end sooner than any count from service)."""

from __future__ import annotations

import re

import pytest

from billadvocate.law import law
from billadvocate.report import spanish
from billadvocate.states import NAMES
from tests.rights.helpers import case, rights

from .test_spanish_texts import ENGLISH

LAWSUIT = {"at": "2026-11-20", "kind": "legal_action", "type": "lawsuit", "from": "collector"}


def _answer(state: str):
    c = case(LAWSUIT, state=state)
    r = rights(c)
    (d,) = [d for d in r.deadlines if d.kind == "ANSWER_DUE"]
    return d, spanish.deadline(d, {"account": c.accounts[0], "sol": r.sol})["why"]


def _court_instructions() -> dict[str, tuple[str, dict]]:
    """parameter path -> (state, meta) for every court whose data says what to file or do."""
    out = {}
    for st in sorted(NAMES):
        for name, p in law().children(f"states.{st.lower()}.courts").items():
            if p.meta.get("file"):
                out[f"states.{st.lower()}.courts.{name}"] = (st, p.meta)
    return out


def test_every_courts_instruction_has_its_spanish_for_the_same_english():
    found = _court_instructions()
    assert "states.wy.courts.answer_days" in found and len(found) >= 20
    table = spanish.court_steps()
    missing = sorted(set(found) - set(table))
    assert not missing, f"courts' `file` without Spanish in report/courts_es.yaml: {missing}"
    for path, (_, meta) in found.items():
        entry = table[path]
        assert entry["en"] == meta["file"], f"{path}: the English changed; translate it again"
        assert not ENGLISH.search(entry["es"]), f"{path}: {entry['es']}"
        # figures and citations kept as they are
        for figure in re.findall(r"\$[\d,]+|\d+(?:\(\w+\))*|[A-Z]\.[A-Z.]+ [\w.\-()]+", meta["file"]):
            assert figure in entry["es"], f"{path}: {figure!r} not in {entry['es']}"


def test_a_wyoming_lawsuit_in_spanish_carries_the_filing_day_warning():
    d, es = _answer("WY")
    assert "count from the filing day" in d.why  # the English step (05cdb0f)
    assert "desde el día en que se presentó la demanda" in es and "cuente desde el día de la presentación" in es
    assert "reclamos menores (hasta $6,000)" in es and "de 12 a 20 días" in es and "W.S. 1-21-205" in es
    # the court sets the date on its summons: that date governs
    assert "Este tribunal pone la fecha en la citación" in es
    # no longer the every-state step, which asks for a written answer small claims does not need
    assert "Presente una respuesta escrita en la secretaría" not in es
    assert not ENGLISH.search(es), es


@pytest.mark.parametrize("path", sorted(_court_instructions()))
def test_each_states_answer_step_reads_its_own_instruction_in_spanish(path):
    state, meta = _court_instructions()[path]
    if not path.endswith(".answer_days"):
        pytest.skip("a place's court is chosen by the patient's ZIP code")
    d, es = _answer(state)
    assert meta["file"] in d.why
    assert spanish.court_steps()[path]["es"] in es, es
    assert not ENGLISH.search(es), es


def test_the_spanish_plan_step_of_a_wyoming_lawsuit_carries_the_filing_day_warning(tmp_path):
    from datetime import date

    from billadvocate.actions.hygiene import problems
    from billadvocate.actions.spanish import in_spanish
    from tests.actions.helpers import review, write_case

    sued = {"at": "2026-11-18", "kind": "legal_action", "from": "collector", "type": "lawsuit"}
    for as_of, late in ((date(2026, 11, 21), False), (date(2026, 12, 5), True)):
        result = review(write_case(tmp_path / str(as_of), state="WY", first_bill="2024-06-01", events=[sued]), as_of)
        (en,) = [s for s in result.actions if s["kind"] == "ANSWER_LAWSUIT"]
        (es,) = [s for s in in_spanish(result) if s["kind"] == "ANSWER_LAWSUIT"]
        assert "count from the filing day" in en["why"]
        assert "cuente desde el día de la presentación" in es["why"] and "W.S. 1-21-205" in es["why"], es["why"]
        assert ("La fecha para responder ya pasó" in es["why"]) is late
        assert es["title"] == f"Responda a la demanda antes del {en['due']}"
        assert not ENGLISH.search(es["why"]) and problems(es["why"]) == [], es["why"]
