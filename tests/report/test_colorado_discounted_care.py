"""A Colorado hospital named by its CCN, an uninsured patient at 194% of the poverty guideline: Colorado's
Hospital Discounted Care caps the price. The patient reads the program by its name and its law (from
the law data), never the rule id STATE.CO.HOSPITAL_DISCOUNTED_CARE: not in the offer's steps, the plan,
the application or the HTML report. In Spanish, none of the program's sentences is left in English."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from billadvocate.law import law
from billadvocate.report import render_html
from billadvocate.report.spanish_account import account_es, sentence, untranslated

from .test_spanish_account import ENGLISH, _patient_text

CASE = Path(__file__).parent / "cases" / "co_hospital" / "case.yaml"
CARE = date(2026, 9, 14)
PROGRAM = "states.co.charity_care.hospital_discounted_care.program"
ID = "STATE.CO."


def _review(language: str = "en"):
    from billadvocate.casefile import load_case
    from billadvocate.review import review_case

    case = load_case(CASE)
    case = case.model_copy(update={"patient": case.patient.model_copy(update={"language": language})})
    return review_case(case)


@pytest.fixture(scope="module")
def english():
    return _review()


def test_the_case_reaches_colorado_discounted_care_through_the_hospitals_ccn(english):
    a = english.to_json()["accounts"][0]
    assert a["hospital"]["status"] == "matched" and a["hospital"]["hospital"]["ccn"] == "060001"
    (p,) = [p for p in a["assistance"]["programs"] if p["id"] == "STATE.CO.HOSPITAL_DISCOUNTED_CARE"]
    assert p["eligible"] is True and p["discount"] is None and p["charge_cap"]


def test_the_offer_names_the_program_and_its_law_never_its_rule_id(english):
    a = english.to_json()["accounts"][0]
    rule = law().at(PROGRAM, CARE)
    (step,) = [s for s in a["offer"]["steps"] if "may lower it further" in s["step"]]
    assert step["step"].startswith(rule.value["name"] + " may lower it further")
    assert set(rule.citations) <= set(step["citations"])  # the program's own law, from the law data
    cap = law().at("states.co.charity_care.hospital_discounted_care.tiers.all", CARE).value[0]["charge_cap"]
    assert cap in step["step"]
    patient_facing = {"steps": a["offer"]["steps"], "fair": a["offer"]["fair"], "why": a["offer"]["why"],
                      "reasons": a["offer"]["reasons"], "plan": a["plan"],
                      "windows": a["assistance"]["application"]["windows"]}
    assert ID not in json.dumps(patient_facing)


def test_the_english_report_shows_no_rule_id(english):
    page = render_html(english, lang="en").split("<body>", 1)[1]
    assert ID not in page and "FEDERAL.501R" not in page
    assert "Colorado Hospital Discounted Care may lower it further" in page


def test_no_colorado_discounted_care_sentence_is_left_in_english():
    a = _review("es").to_json()["accounts"][0]
    assert untranslated(a) == []  # the hospital's match in the CMS list too (test_spanish_hospital_match.py)
    es = account_es(a)
    (step,) = [s["step"] for s in es["offer"]["steps"] if "C.R.S. 25.5-3-503(1)(a)" in s["step"]]
    assert step.startswith("Atención con Descuento de los Hospitales de Colorado")
    assert "4%" in es["plan"]["why"] and "$103.33" in es["plan"]["why"]


def test_the_spanish_report_has_no_english_left():
    page = render_html(_review("es"), lang="es")
    assert ' lang="en"' not in page.split("<body>", 1)[1], "a sentence fell back to English"
    text = _patient_text(page)
    assert ID not in text
    left = [text[max(0, m.start() - 60):m.end() + 60] for m in ENGLISH.finditer(text)]
    assert not left, left[:5]


def test_the_plan_s_end_after_the_laws_payments_is_in_spanish():
    # negotiate/plan: a Colorado plan longer than the law's 36 payments ends, the rest paid in full
    assert sentence("After 36 payments the rest, $1,234.00, is paid in full by law.") == (
        "Después de 36 pagos, el resto, $1,234.00, queda pagado por completo por ley.")
