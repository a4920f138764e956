"""A Spanish-speaking uninsured patient in Arizona at ~180% of the poverty line, ER bill at a nonprofit hospital
with a duplicate line, now at a collection agency; the policy's discount tier applies (60% off charges)."""

from __future__ import annotations

import pytest

from .helpers import account, flat, letter, review_text

NAME = "es_speaker"


def test_plan_and_letters_in_spanish():
    text = review_text(NAME)
    assert "Qué hacer primero" in text and "What to do first" not in text
    body = letter(NAME, "dispute", "es")
    assert "Impugno" in body and "I dispute" not in body
    assert account(NAME)["offer"]["owed"] == pytest.approx(1748.0)


def test_plan_letter_monthly_times_months_is_the_total():
    plan = account(NAME)["plan"]
    assert plan["monthly"] * plan["months"] == pytest.approx(plan["total"], abs=plan["months"])


def test_spanish_letter_has_no_english_citation_prose():
    body = flat(letter(NAME, "dispute", "es"))
    assert " and the CMS " not in body and "relative value files" not in body


def test_spanish_speaker_review_text_is_spanish_beyond_the_plan():
    text = review_text(NAME)
    assert "Laws that protect you here" not in text and "What is wrong with the bill" not in text
