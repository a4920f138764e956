"""Sentences of the money engine a Spanish-speaking patient was shown in English: the plan refused or held
short because the limit to sue would run out during it (negotiate/plan.fit_before), and the offer step and
call-script line saying state law voids a debt reported to a credit bureau (negotiate/owed.py, STATE.
REPORTED_DEBT_VOID). The Spanish must say the same thing."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from billadvocate.casefile import validate_case
from billadvocate.negotiate.plan import fit_before
from billadvocate.report.spanish_account import sentence, untranslated
from billadvocate.review import review_case


def test_the_plan_sentences_about_the_limit_to_sue_read_in_spanish():
    _, short = fit_before(Decimal(1000), Decimal(50), Decimal(500), date(2027, 1, 4), date(2027, 6, 1))
    assert short == ("The limit to sue ends on 2027-06-01 and a payment can restart it, so the plan must be paid off "
                     "before then: 5 payments at most, $200.00 a month.")
    assert sentence(short) == ("El plazo para demandar termina el 2027-06-01 y un pago puede reiniciarlo, así que el "
                               "plan debe quedar pagado antes: 5 pagos como máximo, $200.00 al mes.")
    _, past = fit_before(Decimal(1000), Decimal(50), Decimal(50), date(2027, 1, 4), date(2027, 6, 1))
    assert sentence(past) == ("Un plan que el hogar pueda pagar terminaría después del 2027-06-01, cuando termina el "
                              "plazo para demandar, y un pago puede reiniciarlo: no empiece un plan; llegue a un acuerdo "
                              "por una suma única o espere.")
    _, none = fit_before(Decimal(1000), Decimal(50), Decimal(50), date(2027, 1, 4), date(2027, 1, 2))
    assert sentence(none) == ("El plazo para demandar por esta deuda termina el 2027-01-02, antes de un primer pago el "
                              "2027-01-04; un pago puede reiniciarlo: no empiece un plan.")


def test_a_debt_void_under_state_law_is_said_in_spanish_in_the_offer_and_the_scripts():
    case = validate_case({
        "billadvocate": 1, "patient": {"state": "NY", "language": "es"}, "insurance": {"status": "uninsured"},
        "accounts": [{"id": "a", "balance": 1200, "first_bill_date": "2024-04-01",
                      "provider": {"name": "Bronx Medical Center", "kind": "hospital", "nonprofit": False,
                                   "state": "NY"},
                      "collector": {"name": "Hudson Recovery", "kind": "agency",
                                    "validation_notice": {"received": "2026-11-12"}}}],
        "credit_report": {"pulled": "2026-11-20", "tradelines": [
            {"bureau": "equifax", "furnisher": "Hudson Recovery", "account": "a", "medical": True,
             "original_amount": 1200, "balance": 1200, "first_delinquency": "2024-05-01", "reported": "2025-06-01"}]},
    }, file="test")
    a = json.loads(json.dumps(review_case(case, date(2026, 12, 4)).to_json(), default=str))["accounts"][0]
    assert any(v["rule"] == "STATE.REPORTED_DEBT_VOID" for v in a["violations"])
    assert any("State law makes this debt void or uncollectable" in (s.get("step") or "") for s in a["offer"]["steps"])
    left = [s for s in untranslated(a) if "void or uncollectable" in s]
    assert left == []


def test_an_offer_withheld_because_the_limit_ends_before_it_would_be_paid_reads_in_spanish():
    # New York, 214-i's three years end on 2026-06-15, ten days after the review: the offer is withheld and the
    # scripts say why; a Spanish-speaking patient read those three sentences in English
    case = validate_case({
        "billadvocate": 1, "patient": {"state": "NY", "language": "es"}, "insurance": {"status": "uninsured"},
        "household": {"size": 3, "annual_income": 58000, "monthly_expenses": 3900, "liquid_assets": 400},
        "accounts": [{"id": "a", "balance": 2195, "first_bill_date": "2023-06-15",
                      "care": {"start": "2023-05-20", "end": "2023-05-20"},
                      "provider": {"name": "Bronx Medical Center", "kind": "hospital", "nonprofit": False,
                                   "state": "NY"},
                      "collector": {"name": "Hudson & Pratt LLP", "kind": "attorney",
                                    "validation_notice": {"received": "2026-06-02"}}}]}, file="test")
    a = json.loads(json.dumps(review_case(case, date(2026, 6, 5)).to_json(), default=str))["accounts"][0]
    assert a["offer"].get("withheld")
    assert [s for s in untranslated(a) if "would be paid" in s] == []
    assert sentence("The limit to sue on this debt ends on 2026-06-15, before a settlement offered now would be paid, "
                    "and in New York a payment or a signed written acknowledgment or promise to pay restarts it: do "
                    "not offer or pay anything before then; talk to a lawyer or legal aid.") == (
        "El plazo para demandar por esta deuda termina el 2026-06-15, antes de que se pagara un acuerdo ofrecido "
        "ahora, y en New York un pago o un reconocimiento o promesa de pago firmado por escrito lo reinicia: no "
        "ofrezca ni pague nada antes de esa fecha; hable con un abogado o con asistencia legal.")
