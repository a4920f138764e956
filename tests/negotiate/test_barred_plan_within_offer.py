"""A time-barred debt the patient chose to pay anyway: the payment plan pays no more than the offer's
walk-away. Before, the Georgia 2020 ER bill (limit ran out 2024-07-15) had an offer of 'open at $53.00, walk
away above $134.00' (shares cut to 10/15/25% because the collector cannot win a lawsuit) beside a plan, and a
signed plan letter, proposing to pay $537.65 - four times the most the offer said to agree to."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from billadvocate.casefile import load_case
from billadvocate.report.spanish_account import sentence
from billadvocate.review import review_case

GEORGIA = Path(__file__).parents[1] / "scenarios" / "cases" / "ga_time_barred_pay" / "case.yaml"


def test_the_plan_on_a_barred_debt_pays_no_more_than_the_walk_away():
    r = review_case(load_case(GEORGIA)).accounts[0]
    assert r.sol["time_barred"] is True and r.account.patient_chose_to_pay
    walk_away = Decimal(str(r.offer["walk_away"]))
    assert walk_away < Decimal(str(r.offer["fair"]["fair_amount"]))
    assert Decimal(str(r.plan["amount"])) == walk_away
    assert Decimal(str(r.plan["total"])) == walk_away
    said = (f"The plan pays no more than ${walk_away:,.2f}, the most to agree to on this debt: the limit to sue ran "
            "out, so whoever holds it cannot win a lawsuit.")
    assert said in r.plan["why"]
    assert sentence(said) == (f"El plan no paga más de ${walk_away:,.2f}, lo máximo que conviene aceptar por esta "
                              "deuda: el plazo para demandar terminó, así que quien la tenga no puede ganar una demanda.")
