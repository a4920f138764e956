"""The answer deadline's warning of what a default judgment allows speaks of wages only where they can be taken.
Before, every state's lawsuit read 'the collector can then garnish wages or take money from a bank account': in
Texas (Const. art. XVI sec. 28), Pennsylvania, North Carolina and South Carolina current wages cannot be garnished
for a debt like a medical bill, and the same review said so under 'Laws that protect you'. A patient told the
opposite may settle a suit in fear of a garnishment that cannot happen; and money the law protects (as the
judgment's own text says) was not mentioned."""

from __future__ import annotations

from datetime import date

import pytest

from billadvocate.report import spanish
from billadvocate.rights import review_rights
from tests.rights.helpers import case

SUED = {"at": "2026-11-20", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-11-20"}


def _answer(state: str):
    c = case(SUED, state=state, account={"first_bill_date": "2025-07-15"})
    r = review_rights(c, c.accounts[0], date(2026, 12, 4))
    (d,) = [d for d in r.deadlines if d.kind == "ANSWER_DUE"]
    return d, spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date.isoformat()}, {"sol": r.sol})["why"]


@pytest.mark.parametrize("state,name", [("TX", "Texas"), ("PA", "Pennsylvania")])
def test_where_wages_cannot_be_garnished_the_warning_says_so(state, name):
    d, es = _answer(state)
    assert "garnish wages" not in d.why, d.why
    assert (f"the court can enter a default judgment, and the collector can then try to take money from a bank "
            f"account, except money the law protects; {name} does not allow your wages to be garnished for a debt "
            f"like this.") in d.why, d.why
    assert "embargar su salario" not in es, es
    assert (f"el cobrador podría intentar quitarle dinero de su cuenta de banco, salvo el dinero que la ley protege; "
            f"{name} no permite embargarle el salario por una deuda como esta.") in es, es


def test_elsewhere_wages_and_a_bank_account_except_money_the_law_protects():
    d, es = _answer("GA")
    assert ("the court can enter a default judgment, and the collector can then garnish wages or take money from a "
            "bank account, except money the law protects.") in d.why, d.why
    assert ("el cobrador podría embargar su salario o su cuenta de banco, salvo el dinero que la ley protege.") in es, es


def test_the_warning_says_which_money_the_bank_must_leave_alone():
    # 31 CFR 212.6: a bank served with a garnishment order leaves the account holder up to two months of federal
    # benefits (Social Security, SSI, VA ...) it received by direct deposit; a patient living on them need not settle
    # for fear of losing them
    for state in ("GA", "TX"):
        d, es = _answer(state)
        assert ("If Social Security, SSI or VA benefits are paid into the account by direct deposit, the bank must "
                "leave you up to 2 months of them (31 CFR 212.6).") in d.why, d.why
        assert "31 CFR 212.6" in " ".join(d.citations)
        assert ("Si recibe beneficios del Seguro Social, SSI o de la VA por depósito directo, el banco debe dejarle "
                "hasta 2 meses de ellos (31 CFR 212.6).") in es, es


def test_a_states_own_limit_on_garnishment_for_medical_debt_is_named():
    # N.Y. CPLR 5231(b) as amended by L. 2022 ch. 648 (states/ny/collection.yaml garnishment): a patient sued in New
    # York read 'the collector can then garnish wages' with no word of it
    d, es = _answer("NY")
    assert (" Also, under New York law: no wage garnishment to collect a medical-debt judgment of a hospital or health "
            "care professional.") in d.why, d.why
    assert ("Además, según la ley de New York: no hay embargo de salario para cobrar una sentencia por deuda médica de "
            "un hospital o profesional de la salud.") in es, es
    d, _ = _answer("GA")  # no such law recorded: nothing added
    assert "Also, under" not in d.why
