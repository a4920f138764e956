"""A medical debt reported to a credit bureau where state law voids it: the finding quotes the statute's own words
and never tells the patient that no one can collect it. Before, every state's finding said 'Under X law a medical
debt reported to a credit bureau is void: it can no longer be collected, from you or anyone', and New York's rested
on news accounts (unconfirmed). New York's words are now read in the enacted bill (S4907-A, L. 2023 ch. 727,
Public Health Law 4927: 'Any portion of a medical debt that is furnished to a consumer reporting agency shall be
void'). Void is a defence the patient raises: a patient told 'no one can collect it' may ignore a lawsuit, and a
lawsuit not answered ends in a judgment whatever the statute says."""

from __future__ import annotations

import pytest

from billadvocate.report.spanish_account import sentence
from billadvocate.report.spanish_scripts import void_words_es
from tests.rights.helpers import case, fired

VOID = "STATE.REPORTED_DEBT_VOID"
WORDS = {
    "NY": ("Public Health Law 4927", "Any portion of a medical debt that is furnished to a consumer reporting agency "
                                     "shall be void."),
    "CT": ("Gen. Stat. 20-7i(c)", "Any portion of a medical debt that is reported to a credit rating agency shall be "
                                  "void."),
    "CA": ("Civil Code 1785.27(b)", "A medical debt is void and unenforceable if a person knowingly violates this "
                                    "section by furnishing information regarding the medical debt to a consumer credit "
                                    "reporting agency."),
    "WA": ("SB 5480 (2025), sec. 2(1)", "A medical debt is void and unenforceable if a person, health care provider, "
                                        "health care facility, or licensed collection agency violates this section by "
                                        "furnishing information regarding the medical debt to a consumer credit "
                                        "reporting agency."),
}
ADVICE = ("Void is a defence you raise, not an order that stops a lawsuit by itself: if you are sued, answer the "
          "lawsuit by its deadline and raise it. Ask a lawyer or legal aid whether and how much of the debt can still "
          "be collected.")


def _finding(state: str):
    (v,) = fired(case({"at": "2025-09-01", "kind": "credit_reporting", "from": "collector"}, state=state), VOID)
    return v


@pytest.mark.parametrize("state", sorted(WORDS))
def test_the_finding_quotes_its_states_statute_and_says_to_answer_a_lawsuit(state):
    v = _finding(state)
    law, words = WORDS[state]
    assert f'law ({law}) says: "{words}"' in v.message, v.message
    assert "from you or anyone" not in v.message and "can no longer be collected" not in v.message
    assert f"{words}\" {ADVICE}" in v.message or f"{words}\" (This applies if" in v.message, v.message
    assert ADVICE in v.message


def test_new_york_is_read_in_the_enacted_text_and_cited_to_its_section():
    v = _finding("NY")
    assert not v.unconfirmed
    assert any("N.Y. Pub. Health Law 4927" in c for c in v.citations), v.citations


def test_the_explanation_keeps_the_dispute_and_says_to_answer_a_lawsuit():
    from billadvocate.rights.violations.state_reported_debt_void import RULE

    assert "dispute the entry with each bureau" in RULE.explanation
    assert "if you are sued, answer" in RULE.explanation and "no one" not in RULE.explanation


@pytest.mark.parametrize("state", sorted(WORDS))
def test_the_spanish_says_the_same(state):
    v = _finding(state)
    es = sentence(f"State law makes this debt void or uncollectable: {v.message.rstrip('.')}")
    assert es and void_words_es(WORDS[state][1]) in es, es
    assert "ni a nadie" not in es and "ya no se puede cobrar" not in es
    assert ("La nulidad es una defensa que usted alega, no una orden que detenga una demanda por sí "
                       "sola: si le demandan, responda a la demanda dentro del plazo y aléguela. Pregunte a un abogado "
                       "o a asistencia legal si se puede cobrar todavía alguna parte de la deuda, y cuánto.") in es, es


def test_the_call_scripts_state_the_law_but_not_the_patients_advice():
    import json
    from datetime import date

    from billadvocate.casefile import validate_case
    from billadvocate.report.spanish_account import untranslated
    from billadvocate.review import review_case

    c = validate_case({
        "billadvocate": 1, "patient": {"state": "NY", "language": "es"}, "insurance": {"status": "uninsured"},
        "accounts": [{"id": "a", "balance": 1200, "first_bill_date": "2024-04-01",
                      "provider": {"name": "Bronx Medical Center", "kind": "hospital", "nonprofit": False, "state": "NY"},
                      "collector": {"name": "Hudson Recovery", "kind": "agency",
                                    "validation_notice": {"received": "2026-11-12"}}}],
        "credit_report": {"pulled": "2026-11-20", "tradelines": [
            {"bureau": "equifax", "furnisher": "Hudson Recovery", "account": "a", "medical": True,
             "original_amount": 1200, "balance": 1200, "first_delinquency": "2024-05-01", "reported": "2025-06-01"}]},
    }, file="test")
    a = json.loads(json.dumps(review_case(c, date(2026, 12, 4)).to_json(), default=str))["accounts"][0]
    said = [s for script in a["call_scripts"] for s in script["say"] if "Public Health Law 4927" in s]
    assert said and all('"Any portion of a medical debt that is furnished' in s for s in said)
    assert not [s for s in said if "defence" in s or "sued" in s or "lawyer" in s], said
    assert [s for s in untranslated(a) if "void" in s.lower() or "4927" in s] == []
