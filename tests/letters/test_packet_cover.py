"""The packet's first page opens with the numbered plan (at most seven steps, each with its date and
why) and what is owed on each account, in English and in Spanish; read back from the PDF."""

from __future__ import annotations

import io
import re
from datetime import date

import pdfplumber
import pytest

from billadvocate import load_case, review_case
from billadvocate.actions import MAX_NUMBERED
from billadvocate.actions.spanish import in_spanish
from billadvocate.letters.facts import long_date
from billadvocate.letters.packet import render_packet

from ..actions.helpers import write_case
from ..conftest import EXAMPLES

AS_OF = date(2026, 11, 1)


def _first_page(result, lang: str) -> str:
    with pdfplumber.open(io.BytesIO(render_packet(result, lang=lang))) as pdf:
        return " ".join((pdf.pages[0].extract_text() or "").split())


@pytest.fixture(scope="module")
def jane():
    return review_case(load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml"), as_of=AS_OF)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_first_page_opens_with_the_numbered_plan_then_what_is_owed(jane, lang):
    text = _first_page(jane, lang)
    heads = {"en": ("What to do first", "What you owe", "Accounts"),
             "es": ("Qué hacer primero", "Lo que usted debe", "Cuentas")}[lang]
    plan, owed, accounts = (text.index(h) for h in heads)
    assert plan < owed < accounts  # the plan before what is owed, both before the tables
    steps = [s for s in jane.actions if s.get("step")]
    steps = in_spanish(jane, steps) if lang == "es" else steps
    assert 0 < len(steps) <= MAX_NUMBERED
    part = text[plan:owed]
    numbers = [int(n) for n in re.findall(r"(?<![\d.,$])([1-9])\. [A-ZÁÉÍÓÚ]", part)]
    assert numbers == list(range(1, len(steps) + 1)), part
    for s in steps:
        assert f"{s['step']}. {s['title']}" in part
        assert " ".join(s["why"].split())[:60] in part  # its why
        if s["due"] and s["kind"] != "ANSWER_LAWSUIT":
            assert long_date(date.fromisoformat(s["due"]), lang) in part  # its date
    assert "Valley General Hospital" in text[owed:accounts] and "$4,830.00" in text[owed:accounts]


def test_an_unchecked_bill_says_owed_is_not_known_and_a_checked_one_gives_the_figure(tmp_path):
    unchecked = review_case(load_case(write_case(tmp_path / "a", first_bill="2026-10-01", bill=False)), as_of=AS_OF)
    text = _first_page(unchecked, "en")
    assert "Valley Clinic (account VGH-1): not known yet; they ask $1,100.00." in text
    assert text.index("1. Ask for the itemized bill") < text.index("What you owe")
    # the bill's 2022 lines predate every shipped Medicare schedule: the fair figure takes their earliest rates
    # (7f86e6f), so the cover gives one below what is owed (after dbe4eb0 alone it was fair = owed = $1,100.00)
    checked = review_case(load_case(write_case(tmp_path / "b", first_bill="2026-10-01")), as_of=AS_OF)
    owed = checked.accounts[0].offer["owed"]
    assert owed > 0
    fair = checked.accounts[0].offer["fair_amount"]
    assert "NEGOTIATE" in [s["kind"] for s in checked.actions] and 0 < fair < owed
    assert (f"you owe at most ${owed:,.2f}; they ask $1,100.00. A fair amount to offer is ${fair:,.2f}."
            in _first_page(checked, "en"))
    assert "A fair amount" not in text  # no figure to pay before the bill is checked


def test_a_time_barred_debt_says_not_to_pay_on_the_cover(tmp_path):
    old = review_case(load_case(write_case(tmp_path, first_bill="2018-04-01")), as_of=AS_OF)
    text = _first_page(old, "en")
    assert "1. Do not pay or sign anything on this old debt" in text
    assert "the limit to sue on it has run out; they ask $1,100.00. Do not pay or sign anything." in text


def test_a_payment_plan_on_the_cover_says_how_many_payments_of_how_much(tmp_path):
    tight = {"size": 2, "annual_income": 60000, "monthly_expenses": 4900, "lump_sum_available": 0}
    result = review_case(load_case(write_case(tmp_path, first_bill="2026-10-01", household=tight)), as_of=AS_OF)
    assert "PAYMENT_PLAN" in [s["kind"] for s in result.actions]
    schedule = result.accounts[0].plan["schedule"]
    total = sum(p["amount"] for p in schedule)
    text = _first_page(result, "es")
    assert (f"Un plan que puede pagar: {len(schedule)} pagos mensuales de hasta "
            f"${max(p['amount'] for p in schedule):,.2f}, por una cantidad justa de ${total:,.2f}.") in text
