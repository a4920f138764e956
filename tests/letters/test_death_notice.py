"""The notice that the patient has died: signed by the relative, names the estate's representative or says none
is appointed, says the writer is not personally liable only where the law data supports it for this case, asks
the collector to stop, and never acknowledges the debt (EN and ES, PDF, DOCX and text)."""

from __future__ import annotations

from datetime import date

import pytest

from billadvocate import review_case
from billadvocate.letters import MissingFact, letter_for, render
from billadvocate.letters.render_txt import render_txt
from billadvocate.model import Case

from .test_letters_render import read_back

ASKED = {"at": "2026-05-20T17:10:00", "kind": "call", "from": "collector", "to": "contact", "type": "asked_to_pay"}
NOT_LIABLE = {"en": "I am not personally liable for this debt", "es": "No soy personalmente responsable de esta deuda"}
NO_DEBT = {"en": "Nothing in this letter acknowledges that I, Rosa Martinez or the estate owe this debt",
           "es": "Nada en esta carta reconoce que yo, Rosa Martinez o el patrimonio debamos esta deuda"}


def result(*, state="TX", relationship="other_relative", signed=False, handles_estate=False, estate=None,
           died="2026-03-14", collector=True, received=None):
    acct = {"id": "h", "account_number": "H-1", "balance": 2140,
            "provider": {"name": "Memorial Hospital", "address": "PO Box 1, Houston, TX 77002", "kind": "hospital"},
            "care": {"start": "2026-03-01", "end": "2026-03-04"}, "events": [ASKED] if collector else []}
    if collector:
        acct["collector"] = {"name": "Bayou Recovery", "address": "PO Box 9, Houston, TX 77003", "kind": "agency",
                             "account_number": "BR-1"}
    patient = {"name": "Rosa Martinez", "state": state, **({"died_on": died} if died else {})}
    if estate is not None:
        patient["estate"] = estate
    data = {"billadvocate": 1, "as_of": "2026-06-01", "patient": patient, "accounts": [acct],
            "contact": {"name": "Elena Martinez", "address": "1 Oak Ave, Austin, TX 78701",
                        "relationship": relationship, "signed_to_pay": signed, "handles_estate": handles_estate,
                        "received_from_estate": received}}
    return review_case(Case.model_validate(data))


def text(res, lang="en") -> str:
    return " ".join(render_txt(letter_for(res, "death_notice", lang=lang)).split())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_sister_who_signed_nothing_says_she_is_not_liable_and_that_she_was_asked_to_pay(lang):
    body = text(result(), lang)
    assert NOT_LIABLE[lang] in body and NO_DEBT[lang] in body
    assert ("On May 20, 2026 you asked me to pay this debt" if lang == "en" else "El 20 de mayo de 2026") in body
    assert ("No executor, administrator or personal representative" if lang == "en"
            else "Todavía no se ha nombrado albacea") in body
    assert "15 U.S.C. 1692e(2)(A)" in body and "76 FR 44915" in body
    assert body.count("Elena Martinez") >= 2 and "Rosa Martinez" in body  # she signs; her sister is the patient


@pytest.mark.parametrize("kw", [{"relationship": "spouse"}, {"state": "WA", "relationship": "spouse"},
                                {"relationship": "child"}, {"state": "PA", "relationship": "parent"},
                                {"signed": True}, {"signed": None}, {"received": True}])
def test_no_not_liable_sentence_where_the_law_may_make_the_writer_pay(kw):
    for lang in ("en", "es"):
        body = text(result(**kw), lang)
        assert NOT_LIABLE[lang] not in body and NO_DEBT[lang] in body
        assert "you asked me to pay" not in body


def test_the_estates_representative_is_named_or_the_writer_handles_it():
    named = text(result(estate={"representative": "Ana Ruiz", "address": "2 Bay St, Houston, TX 77004",
                                "court": "Harris County Probate Court No. 1", "case_number": "26-1234"}))
    assert "The estate's representative is Ana Ruiz, 2 Bay St, Houston, TX 77004 (Harris County Probate Court No. 1, " \
           "case 26-1234)" in named
    mine = text(result(handles_estate=True, relationship="child"))
    assert "I handle Rosa Martinez's estate" in mine and "I will not pay it from my own money" in mine
    assert "Communicate with me about this account only in writing" in mine


def test_it_never_acknowledges_or_promises():
    for kw in ({}, {"relationship": "spouse"}, {"handles_estate": True}):
        for lang in ("en", "es"):
            body = text(result(**kw), lang).lower().replace("no la pagaré", "")  # 'I will not pay it' is a refusal
            for phrase in ("i owe", "i will pay", "i agree to pay", "i promise", "debo esta", "pagaré", "prometo"):
                assert phrase not in body, (kw, lang, phrase)


def test_to_the_billing_office_it_cites_no_debt_collection_law():
    body = text(result(collector=False))
    assert "Memorial Hospital" in body and "1692" not in body
    assert "I ask you to stop contacting me about this account, and to send anything about it" in body


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_pdf_and_docx(fmt):
    res = result()
    for lang in ("en", "es"):
        out = read_back(render(letter_for(res, "death_notice", lang=lang), fmt, as_of=date(2026, 6, 1)), fmt)
        assert "Elena Martinez" in out and "76 FR 44915" in out and NOT_LIABLE[lang] in out


def test_a_living_patient_gets_no_notice_and_the_missing_day_is_named():
    res = result(died=None)
    assert "death_notice" not in {e["type"] for e in res.accounts[0].letters}
    with pytest.raises(MissingFact) as e:
        letter_for(res, "death_notice")
    assert e.value.where == "patient.died_on"
