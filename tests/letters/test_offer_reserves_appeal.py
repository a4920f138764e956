"""While an insurer appeal is open (negotiate/hold.py: offer.held_for_appeal), the settlement and
payment-plan letters say that they do not cover or concede the denied amount under appeal, name the
claims and the amount, and reserve the appeal; read back from the rendered text in English and Spanish.
Without a hold they say nothing of it."""

from __future__ import annotations

import copy

import pytest

from billadvocate.letters import letter_for
from billadvocate.letters.render_txt import render_txt
from billadvocate.letters.select import attach_letters

from .helpers import full_result

HELD = {"amount": 1250.0, "claims": ["C-1003"], "rest": 585.4,
        "why": "The $1,250.00 your plan denied (claim C-1003) waits for the plan's decision"}
WORDS = {"en": ("does not cover or concede the $1,250.00", "claim C-1003", "I reserve that appeal"),
         "es": ("no cubre ni reconoce los $1,250.00", "reclamación C-1003", "Me reservo esa apelación")}


@pytest.fixture(scope="module")
def base():
    return full_result("er-visit-nonprofit")


def _text(result, kind, lang):
    return " ".join(render_txt(letter_for(result, kind, lang=lang)).split())


def _with(base, held):
    result = copy.deepcopy(base)
    a = result.accounts[0]
    a.offer = {**a.offer, "held_for_appeal": held}
    attach_letters(result)
    return result


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", ["settlement_offer", "payment_plan_offer"])
def test_an_offer_while_an_appeal_is_open_reserves_it_by_claim_and_amount(base, kind, lang):
    text = _text(_with(base, HELD), kind, lang)
    for words in WORDS[lang]:
        assert words in text, (kind, lang, words)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_several_claims_under_appeal_are_each_named(base, lang):
    held = {**HELD, "amount": 1630.0, "claims": ["C-1003", "C-0990"]}
    text = _text(_with(base, held), "settlement_offer", lang)
    assert "C-1003, C-0990" in text and "$1,630.00" in text


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", ["settlement_offer", "payment_plan_offer"])
def test_without_an_open_appeal_the_letters_say_nothing_of_one(base, kind, lang):
    text = _text(_with(base, None), kind, lang)
    assert not any(w in text for w in WORDS[lang])


@pytest.mark.parametrize("lang,words", [("en", "does not cover or concede the $610.00"),
                                        ("es", "no cubre ni reconoce los $610.00")])
def test_through_review_the_denied_x_ray_under_appeal_is_reserved_in_the_offer(tmp_path, lang, words):
    from billadvocate.letters import build_letter, facts_for, kind as letter_kind
    from tests.negotiate.test_appeal_hold import _case

    result = _case(tmp_path)  # a collector chasing $860: $610 of it the x-ray the plan denied (claim C-1002)
    assert result.accounts[0].offer["held_for_appeal"]["claims"] == ["C-1002"]
    for kind in ("settlement_offer", "payment_plan_offer"):
        # written as the review computed them (the case has no itemized bill, so the packet would wait for it)
        letter = build_letter(letter_kind(kind), facts_for(result, kind), lang)
        text = " ".join(render_txt(letter).split())
        assert words in text and "C-1002" in text, kind
