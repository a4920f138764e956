"""The plan in Spanish for a Spanish-speaking patient: every kind has a Spanish title, the `review`
text opens with Spanish steps, the Spanish text passes the patient-text checks, and the English steps
are left as they were."""

from __future__ import annotations

import copy
from datetime import date

import yaml

from billadvocate.actions import KINDS
from billadvocate.actions.hygiene import problems
from billadvocate.actions.spanish import TITLES, in_spanish

from ..conftest import run_cli
from .helpers import review, write_case

AS_OF = date(2026, 12, 1)


def _spanish_case(tmp_path, **kw):
    path = write_case(tmp_path, **kw)
    data = yaml.safe_load(path.read_text())
    data["patient"]["language"] = "es"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_every_kind_has_a_spanish_title():
    assert set(TITLES) == set(KINDS) and all(TITLES[k] != KINDS[k] for k in KINDS)


def test_a_time_barred_debt_reads_in_spanish_and_the_english_steps_are_untouched(tmp_path):
    result = review(_spanish_case(tmp_path, first_bill="2018-04-01", bill=False), AS_OF)
    english = copy.deepcopy(result.actions)
    es = in_spanish(result)
    assert result.actions == english  # the English list is not changed
    assert [s["kind"] for s in es] == [s["kind"] for s in english]
    assert [s["due"] for s in es] == [s["due"] for s in english]
    assert es[0]["kind"] == "DO_NOT_PAY" and es[0]["title"] == TITLES["DO_NOT_PAY"]
    assert "El plazo para demandar por esta deuda venció el" in es[0]["why"] and "California" in es[0]["why"]
    for s in es:
        assert s["title"] != KINDS[s["kind"]] and "the " not in s["why"], s
        assert problems(f"{s['title']}. {s['why']}") == [], s


def test_review_text_for_a_spanish_speaking_patient_opens_with_spanish_steps(tmp_path):
    path = _spanish_case(tmp_path, first_bill="2026-10-01", bill=False)
    r = run_cli("review", str(path), "--as-of", AS_OF.isoformat())
    assert r.code == 0, r.err
    head = r.out.split("Valley Clinic")[0]
    assert "Qué hacer primero" in head and "1. Pida la factura detallada" in head
    assert "What to do first" not in head and "Ask for the itemized bill" not in head


def test_review_text_in_english_is_unchanged_for_an_english_speaker(tmp_path):
    r = run_cli("review", str(write_case(tmp_path, first_bill="2026-10-01", bill=False)), "--as-of", AS_OF.isoformat())
    assert r.code == 0, r.err
    assert "What to do first" in r.out and "1. Ask for the itemized bill" in r.out and "Qué" not in r.out


def _cases(tmp_path):
    from billadvocate import load_case, review_case

    from ..conftest import EXAMPLES

    for name in ("er-visit-nonprofit", "uninsured-outpatient"):
        yield name, review_case(load_case(EXAMPLES / name / "case.yaml"), as_of=AS_OF)
    sued = {"at": "2026-11-18", "kind": "legal_action", "from": "collector", "type": "lawsuit"}
    yield "sued", review(write_case(tmp_path / "sued", state="TX", first_bill="2024-06-01", events=[sued]),
                         date(2026, 11, 21))
    yield "fresh", review(write_case(tmp_path / "fresh", first_bill="2026-10-01"), AS_OF)


def test_every_step_of_the_examples_reads_in_spanish_with_the_same_kind_date_and_order(tmp_path):
    seen = set()
    for name, result in _cases(tmp_path):
        es = in_spanish(result)
        for en_step, s in zip(result.actions, es):
            seen.add(s["kind"])
            assert {k: v for k, v in s.items() if k not in ("title", "why")} == {
                k: v for k, v in en_step.items() if k not in ("title", "why")}
            assert s["title"] != en_step["title"] and s["why"] != en_step["why"], (name, s)
            assert not any(w in f" {s['why']} " for w in (" the ", " you ", " your ", " and ")), (name, s)
            assert problems(f"{s['title']}. {s['why']}") == [], (name, s)
        if name == "sued":
            assert es[0]["title"].startswith("Responda a la demanda antes del ")
    assert {"ANSWER_LAWSUIT", "DISPUTE_DEBT", "DISPUTE_BILL", "APPLY_FOR_ASSISTANCE", "COMPLAIN"} <= seen, seen
