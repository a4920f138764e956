"""Spanish for everything a patient reads of an account beyond the plan and the findings: the offer and
its steps, the payment plan, the laws that protect them, the assistance programs, the statute-of-
limitations warning, the call scripts and the notes (report/spanish_account.py), in report.es.html.

For the two examples and the Spanish-speaker scenario (an offer, a plan and protections) nothing is left
in English: no sentence falls back to English (marked lang="en"), and no English word shows outside the
citations, which stay as the law writes them. The figures and dates are the English ones."""

from __future__ import annotations

import html
import re

import pytest

from billadvocate.report import render_html
from billadvocate.report.spanish_account import account_es, sentence, untranslated
from tests.conftest import EXAMPLES, ROOT

CASES = {"er-visit-nonprofit": EXAMPLES / "er-visit-nonprofit" / "case.yaml",
         "uninsured-outpatient": EXAMPLES / "uninsured-outpatient" / "case.yaml",
         "es_speaker": ROOT / "tests" / "scenarios" / "cases" / "es_speaker" / "case.yaml"}
# words a Spanish sentence never has; names ('Valley General Hospital') and bill line descriptions have none
ENGLISH = re.compile(r"\b(the|you|your|must|before|after|which|until|this|with|owe|should|does|is|are|and|of|to|"
                     r"for|on|or|not|by|may|will|if)\b")
MONEY = re.compile(r"\$[\d,]+(?:\.\d\d)?")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _review(name: str, language: str = "es"):
    from billadvocate.casefile import load_case
    from billadvocate.review import review_case

    case = load_case(CASES[name])
    case = case.model_copy(update={"patient": case.patient.model_copy(update={"language": language})})
    return review_case(case)


def _patient_text(page: str) -> str:
    """The report's words without tags and citations (a citation keeps the source's own wording)."""
    body = page.split("<body>", 1)[1]
    body = re.sub(r'<(span|td|p) class="cite">.*?</\1>', " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_sentence_of_the_account_is_left_in_english(name):
    for a in _review(name).to_json()["accounts"]:
        assert untranslated(a) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_spanish_report_has_no_english_left(name):
    result = _review(name)
    page = render_html(result, lang="es")
    assert ' lang="en"' not in page.split("<body>", 1)[1], "a sentence fell back to English"
    text = _patient_text(page)
    left = [text[max(0, m.start() - 60):m.end() + 60] for m in ENGLISH.finditer(text)]
    assert not left, left[:5]
    assert "Leyes que le protegen" in text and "Qué decir por teléfono" in text and "Ayuda financiera" in text
    assert "Laws that protect you here" not in text and "What to say on the phone" not in text


def test_the_spanish_speaker_report_shows_the_offer_the_plan_and_the_protections_with_the_english_figures():
    data = _review("es_speaker").to_json()["accounts"][0]
    es = account_es(data)
    assert data["offer"]["steps"] and data["plan"] and data["protections"]
    for en_p, es_p in zip(data["protections"], es["protections"]):
        assert MONEY.findall(en_p["why"]) == MONEY.findall(es_p["why"])
        assert DATE.findall(en_p["why"]) == DATE.findall(es_p["why"])
    assert MONEY.findall(data["plan"]["why"]) == MONEY.findall(es["plan"]["why"])
    assert DATE.findall(data["plan"]["why"]) == DATE.findall(es["plan"]["why"])
    for en_s, es_s in zip(data["offer"]["steps"], es["offer"]["steps"]):
        assert MONEY.findall(en_s["step"])[0] == MONEY.findall(es_s["step"])[0]
        assert en_s["citations"] == es_s["citations"]  # the same sources
    page = _patient_text(render_html(_review("es_speaker"), lang="es"))
    for text in (es["plan"]["why"], es["offer"]["advice"], *es["offer"]["terms"], *es["plan"]["missed_payment"]):
        assert text in page
    assert "$291.34 al mes durante 6 meses" in page and "Sin oferta" not in page


def test_a_sentence_no_table_knows_falls_back_to_english_and_is_reported():
    assert sentence("A sentence nobody wrote a table entry for.") is None
    account = {"findings": [], "notes": ["A sentence nobody wrote a table entry for."]}
    assert untranslated(account) == ["A sentence nobody wrote a table entry for."]
    assert account_es(account, fallback=lambda s: f"[en] {s}")["notes"] == [
        "[en] A sentence nobody wrote a table entry for."]


def test_the_english_report_is_unchanged_by_the_spanish():
    result = _review("es_speaker", "en")
    page = render_html(result)
    assert "Laws that protect you here" in page and "Leyes que le protegen" not in page
    assert result.to_json()["accounts"][0]["plan"]["why"] in html.unescape(page)
