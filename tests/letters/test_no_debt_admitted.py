"""A letter to the hospital or the collector states what may be charged, never what the patient owes: 'I owe no
more than my in-network cost sharing' admits that much as a debt ('I may be charged no more than ...' does not),
and 'the $4,830.00 owed' in an assistance program's reason calls the amount asked a debt. Nothing owed ('I owe
nothing') is a denial and stays. Read back from the reviewed examples, in English and Spanish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from billadvocate import load_case, review_case
from billadvocate.letters import MissingFact, NotAdvised

from ..conftest import EXAMPLES
from .test_letter_to_its_reader import letter_text

ADMITS = {"en": re.compile(r"(?<!acknowledgment that )(?<!acknowledge that )(?<!acknowledges that )\bI owe (?!nothing\b)|\$[\d,]+\.\d\d "
                          r"owed\b"),
          "es": re.compile(r"(?<!no )\bdebo (?!nada\b|el importe facturado\b)|\bno debo más\b")}
CASES = [EXAMPLES / "er-visit-nonprofit" / "case.yaml",
         Path(__file__).parent / "cases" / "ancillary" / "case.yaml"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.parent.name)
def test_no_letter_admits_an_amount_as_owed(case):
    result = review_case(load_case(case))
    written = 0
    for kind in ("fap_application", "nsa_dispute", "billing_dispute", "dispute", "hardship", "itemized_request"):
        for lang in ("en", "es"):
            try:
                text = letter_text(result, kind, lang)
            except (MissingFact, NotAdvised):
                continue
            written += 1
            assert not ADMITS[lang].search(text), (kind, lang, ADMITS[lang].search(text))
    assert written >= 4


def test_the_nsa_letter_states_the_cap_as_what_may_be_charged():
    result = review_case(load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml"))
    assert "I may be charged no more than my in-network cost sharing" in letter_text(result, "nsa_dispute")
    assert "no me pueden cobrar más que el costo compartido" in letter_text(result, "nsa_dispute", "es")
