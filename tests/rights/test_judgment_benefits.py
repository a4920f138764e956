"""A judgment logged on the debt: where the judgment is the subject (its answer deadline and the limitations
warning), the patient is told which money the bank must leave alone. Before, only the open lawsuit's answer
deadline said 'If Social Security, SSI or VA benefits are paid into the account by direct deposit, the bank must
leave you up to 2 months of them (31 CFR 212.6)' (6c55995); once the judgment was entered - when a bank levy is
what comes next - the texts said only 'except money the law protects', and a patient living on those benefits may
pay what she cannot afford for fear of losing them."""

from __future__ import annotations

from datetime import date

from billadvocate.report import spanish
from billadvocate.report.spanish_account import sol_warning
from billadvocate.rights import review_rights
from tests.rights.helpers import case

SUED = {"at": "2026-09-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-09-01"}
JUDGMENT = {"at": "2026-11-01", "kind": "legal_action", "from": "collector", "type": "judgment",
            "note": "default judgment entered"}
EN = ("If Social Security, SSI or VA benefits are paid into the account by direct deposit, the bank must leave you up "
      "to 2 months of them (31 CFR 212.6).")
ES = ("Si recibe beneficios del Seguro Social, SSI o de la VA por depósito directo, el banco debe dejarle hasta 2 "
      "meses de ellos (31 CFR 212.6).")


def _review(*events, first_bill="2020-07-15"):
    c = case(*events, state="TX", account={"first_bill_date": first_bill})
    return review_rights(c, c.accounts[0], date(2026, 12, 4))


def test_the_judgment_s_answer_deadline_names_the_benefits_the_bank_must_leave():
    r = _review(SUED, JUDGMENT)
    (d,) = [d for d in r.deadlines if d.kind == "ANSWER_DUE"]
    assert d.why.startswith("A judgment was entered on 2026-11-01"), d.why
    assert ("for example by taking money from a bank account, except money the law protects. " + EN) in d.why, d.why
    assert [c for c in d.citations if c.startswith("31 CFR 212.6")], d.citations
    es = spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date.isoformat()}, {"sol": r.sol})["why"]
    assert ("salvo el dinero que la ley protege. " + ES) in es, es


def test_the_limitations_warning_after_a_judgment_names_them_too():
    for first_bill in ("2020-07-15", "2024-01-10"):  # the limit passed, or not yet
        sol = _review(SUED, JUDGMENT, first_bill=first_bill).sol
        assert ("unless the court sets it aside. " + EN) in sol["warning"], sol["warning"]
        assert [c for c in sol["citations"] if c.startswith("31 CFR 212.6")], sol["citations"]
        es = sol_warning(sol)
        assert ("a menos que el tribunal la anule. " + ES) in es, es


def test_without_a_judgment_the_warning_does_not_speak_of_a_bank_levy():
    sol = _review().sol
    assert "31 CFR 212" not in sol["warning"] and not [c for c in sol["citations"] if "212" in c]
