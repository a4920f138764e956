"""The call scripts' time-barred warning names the case's state rule on what restarts the time limit to sue
(states/<xx>/collection.yaml `sol.revival`, as of the case's date), not "in some states": a payment, a signed
promise, both or neither; an unconfirmed rule is said to be unconfirmed, and the safe advice (do not pay,
promise or confirm the debt on the call) stays in every state. English and Spanish. The expected rule is read
here from the law data, never written into the test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from billadvocate import load_case, review_case
from billadvocate.law import law
from billadvocate.negotiate.scripts import collector_script
from billadvocate.report.spanish_account import account_es, untranslated
from billadvocate.rights.sol import sol_status
from billadvocate.states import NAMES

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "scenarios" / "cases"
SAFE = "do not agree to pay, do not promise to pay, do not pay anything, and do not confirm that the debt is yours"
SAFE_ES = "no acepte pagar, no prometa pagar, no pague nada, y no confirme que la deuda es suya"


def old_debt(state: str, as_of: date | None = None, kind: str = "agency"):
    """The New York lawsuit scenario's debt, moved to STATE and made old enough to be time-barred there."""
    case = load_case(CASES / "ny_lawsuit" / "case.yaml")
    a = case.accounts[0]
    case.patient.state = a.provider.state = state
    a.collector.kind = kind
    a.care.start = a.care.end = date(2003, 5, 20)
    a.first_bill_date = a.collector.validation_notice.itemization_date = date(2003, 6, 15)
    a.collector.validation_notice.received = date(2003, 9, 1)
    a.bill, a.events = [], []
    if as_of:
        case.as_of = as_of
    return case


def revival(state: str, on: date) -> tuple[dict, bool]:
    """What the law data says revives a debt whose limit ran out in STATE on the day ON, and whether it is confirmed."""
    dv = law().parameter(f"states.{state.lower()}.collection.sol.revival").at(on)
    return dict(dv.value or {}), bool(dv.unconfirmed)


def expected(state: str, rule: dict, unconfirmed: bool) -> tuple[str, str]:
    """The sentence each kind of rule must give (English, Spanish): the wording of the flags, not of a state."""
    name = NAMES[state]
    if unconfirmed:
        return (f"In {name}, a payment or a signed promise to pay may restart the time limit to sue: this rule could "
                f"not be confirmed in {name}'s law, so act as if either can.",
                f"En {name}, un pago o una promesa de pago firmada podrían reiniciar el plazo para demandar: esta regla "
                f"no se pudo confirmar en la ley de {name}, así que actúe como si cualquiera de los dos pudiera.")
    pay, sign = rule.get("payment"), rule.get("written_acknowledgment")
    if pay is False and sign is False:
        return (f"In {name}, a payment or a signed promise to pay does not restart the time limit to sue",
                f"En {name}, un pago o una promesa de pago firmada no reinician el plazo para demandar")
    if pay is False:
        return (f"In {name}, a payment does not restart the time limit to sue, but a signed promise to pay or a "
                "signed letter admitting the debt can.",
                f"En {name}, un pago no reinicia el plazo para demandar, pero una promesa de pago firmada o una carta "
                "firmada que reconozca la deuda sí puede.")
    if pay is None:
        return (f"In {name}, a signed promise to pay or a signed letter admitting the debt can restart the time limit "
                "to sue, and the law read for billadvocate does not settle whether a payment can: act as if it can.",
                f"En {name}, una promesa de pago firmada o una carta firmada que reconozca la deuda puede reiniciar el "
                "plazo para demandar, y la ley consultada por billadvocate no aclara si un pago también: actúe como si "
                "pudiera.")
    return (f"In {name}, a payment or a signed promise to pay can restart the time limit to sue.",
            f"En {name}, un pago o una promesa de pago firmada pueden reiniciar el plazo para demandar.")


def warnings(case) -> tuple[list[str], list[str], dict]:
    (a,) = review_case(case).to_json()["accounts"]
    es = account_es(a)
    en_scripts = {s["to"]: s for s in a["call_scripts"]}
    es_scripts = {s["to"]: s for s in es["call_scripts"]}
    pick = lambda scripts, word: [x for to in ("provider", "collector") for x in scripts[to]["never_say"]  # noqa: E731
                                  if word in x]
    return pick(en_scripts, "This debt looks too old"), pick(es_scripts, "Esta deuda parece demasiado antigua"), a


# states whose rules differ: a payment and a signed promise (PA), only a signed promise (TX), a signed promise
# and an unsettled payment (AZ), nothing (WI, NY after CPLR 214-i), and a rule not confirmed (CO)
@pytest.mark.parametrize("state", ["PA", "TX", "AZ", "WI", "NY", "CO"])
def test_the_time_barred_warning_names_the_states_rule(state):
    case = old_debt(state)
    en, es, a = warnings(case)
    assert a["sol"]["status"] in ("expired", "expired_unless_written_contract")
    rule, unconfirmed = revival(state, case.as_of)
    want_en, want_es = expected(state, rule, unconfirmed)
    assert len(en) == 2 and len(es) == 2  # the provider's and the collector's script
    for text in en:
        assert SAFE in text and want_en in text and "in some states" not in text, text
    for text in es:
        assert SAFE_ES in text and want_es in text and "en algunos estados" not in text, text
    assert not [s for s in untranslated(a) if "time-barred" in s or "time limit" in s]


def test_the_rule_is_the_one_in_force_on_the_cases_date():
    # Washington's 2019 law (RCW 4.16.270, HB 1730): a payment no longer revives a debt past its limit. The
    # review needs 2024's poverty guidelines, so the earlier day is taken straight from the rights engine.
    rules = {}
    for as_of in (date(2018, 12, 4), date(2026, 12, 4)):
        rule, unconfirmed = revival("WA", as_of)
        rules[as_of] = rule
        case = old_debt("WA", as_of)
        (account,) = case.accounts
        script = collector_script(account, None, sol_status(case, account, as_of))
        (en,) = [x for x in script["never_say"] if "time-barred" in x]
        (es,) = [x for x in account_es({"call_scripts": [script]})["call_scripts"][0]["never_say"]
                 if x.startswith("Esta deuda parece demasiado antigua")]
        want_en, want_es = expected("WA", rule, unconfirmed)
        assert want_en in en and want_es in es, (as_of, en, es)
    assert rules[date(2018, 12, 4)] != rules[date(2026, 12, 4)]  # the case is worth testing only while they differ


def test_a_debt_buyer_under_a_state_rule_that_nothing_revives_its_debt():
    # Texas Fin. Code 392.307: a debt buyer's debt past its limit is revived by nothing
    case = load_case(CASES / "tx_debt_buyer" / "case.yaml")
    rule = str(law().parameter("states.tx.collection.sol.debt_buyer").at(case.as_of).value)
    assert "no payment" in rule and "revives it" in rule
    en, es, _ = warnings(case)
    assert en and all(SAFE in t and "In Texas, a payment or a signed promise to pay does not restart the time limit "
                      "for a debt buyer to sue (Texas law for debt buyers)." in t for t in en), en
    assert es and all(SAFE_ES in t and "En Texas, un pago o una promesa de pago firmada no reinician el plazo para "
                      "que un comprador de deudas demande (ley de Texas sobre compradores de deudas)." in t
                      for t in es), es


def test_the_patient_who_chose_to_pay_hears_the_states_rule_too():
    case = load_case(CASES / "ga_time_barred_pay" / "case.yaml")
    en, es, a = warnings(case)
    state = a["sol"]["state"]
    want_en, want_es = expected(state, *revival(state, case.as_of))
    assert en and all("until the settlement is in writing" in t and want_en in t for t in en), en
    assert es and all("hasta tener el acuerdo por escrito" in t and want_es in t for t in es), es


def test_the_collector_script_never_says_a_payment_restarts_the_limit_where_it_does_not():
    en, _, a = warnings(old_debt("TX"))
    (collector,) = [s for s in a["call_scripts"] if s["to"] == "collector"]
    assert not [x for x in collector["never_say"] if "it can restart the statute of limitations" in x]
