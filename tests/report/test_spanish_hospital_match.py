"""What the CMS hospital list said about the case's hospital (hospitals/case.py), in Spanish: the match
('"..." is taken to be BANNER NORTH ... (GREELEY, CO; CCN 060001), per CMS Hospital General
Information, 2026-05: ...'), a nonprofit answer the list contradicts, a CCN not in the list, several
hospitals that could be the one, none that matches. The web page and the report show these notes in
the account's Spanish (report/spanish_account.account_es); none is left English, for every ownership
and every hospital type in the shipped list. The hospital's name, city, CCN and the list's name stay
as CMS writes them."""

from __future__ import annotations

import pytest

from billadvocate.hospitals.case import _fill, identify
from billadvocate.hospitals.directory import load
from billadvocate.model import Provider
from billadvocate.report.spanish_account import sentence

from .test_spanish_account import ENGLISH

DIRECTORY = load()
pytestmark = pytest.mark.skipif(DIRECTORY is None, reason="no CMS hospital list installed")


def _one_per(field: str) -> list[dict]:
    seen: dict = {}
    for r in DIRECTORY.rows if DIRECTORY else []:
        seen.setdefault((r.get(field), r.get("emergency")), r)
    return list(seen.values())


ROWS = _one_per("ownership") + _one_per("type")


def _es(note: str) -> str:
    es = sentence(note)
    assert es is not None, note
    left = ENGLISH.findall(es)
    assert not left, (left, es)
    return es


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['ccn']}-{r.get('ownership')}-{r.get('type')}" for r in ROWS])
def test_the_hospital_taken_from_the_list_is_told_in_spanish(row):
    provider = Provider(name="Our Hospital", ccn=row["ccn"])
    m = identify(DIRECTORY, provider, None)
    _fill(provider, m)
    (note,) = [n for n in m.notes if "is taken to be" in n]
    es = _es(note)
    assert es.startswith('"Our Hospital" se toma como ' + row["name"])
    assert f"CCN {row['ccn']}" in es and DIRECTORY.label in es and str(row.get("city")) in es


def test_the_colorado_hospital_s_note_in_spanish():
    provider = Provider(name="Banner North Colorado Medical Center", ccn="060001")
    m = identify(DIRECTORY, provider, None)
    _fill(provider, m)
    assert _es(m.notes[0]) == (
        '"Banner North Colorado Medical Center" se toma como BANNER NORTH COLORADO MEDICAL CENTER (GREELEY, CO; '
        f"CCN 060001), según {DIRECTORY.label}: hospital de cuidados agudos, con departamento de emergencias. CMS lo "
        "registra como sin fines de lucro, privado: un hospital privado sin fines de lucro, obligado por IRS 501(r) "
        "(ayuda financiera y límites a los cobros y a las acciones de cobranza). Si este no es el hospital que le "
        "cobró, diga cuál es (su CCN) o si es sin fines de lucro: un dato que ya esté en el caso tiene prioridad.")


@pytest.mark.parametrize("said", [True, False])
def test_a_nonprofit_answer_the_list_contradicts_is_told_in_spanish(said):
    ownership = "Proprietary" if said else "Voluntary non-profit - Private"
    row = next(r for r in DIRECTORY.rows if r.get("ownership") == ownership)
    provider = Provider(name="Our Hospital", ccn=row["ccn"], nonprofit=said, kind="hospital")
    m = identify(DIRECTORY, provider, None)
    _fill(provider, m)
    (note,) = [n for n in m.notes if n.startswith("The case says")]
    assert "Our Hospital" in _es(note)


def test_a_ccn_not_in_the_list_and_a_name_not_found_are_told_in_spanish():
    m = identify(DIRECTORY, Provider(name="Our Hospital", ccn="999999"), None)
    assert "999999" in _es(m.notes[0])
    m = identify(DIRECTORY, Provider(name="Zzyzx Qwerty Infirmary", kind="hospital", state="WY"), None)
    assert m.status == "not_found" and "Zzyzx Qwerty Infirmary" in _es(m.notes[0])


def test_several_hospitals_that_could_be_the_one_are_told_in_spanish():
    m = identify(DIRECTORY, Provider(name="Memorial Hospital", kind="hospital", state="TX"), None)
    assert m.status == "ambiguous", m.notes
    es = _es(m.notes[0])
    assert all(f"CCN {h['ccn']}" in es for h in m.candidates)
