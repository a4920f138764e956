"""A payment or signed writing after the limit ran out, in a state where one can revive a barred debt: the
review still tells the patient that the limit first ran out, that the one who sues must prove the revival,
and to raise the statute of limitations if sued. Before, the clock simply moved (Pennsylvania: a $25 payment
on a debt barred since 2024 gave 'runs to 2030' and a settlement offer) and a lawsuit's answer deadline said
nothing about the defence, so a patient following it would not raise it and would lose it.

Why: revival is an exception the plaintiff pleads and proves (Pennsylvania: Hazlett v. Stillwagen, 23 Pa.
Super. 114, the state's own revival value, 'a new promise'; the payment counts only as evidence of one), and
a limitations defence not raised in the answer is waived."""

from __future__ import annotations

from datetime import date

from billadvocate.rights import review_rights
from tests.rights.helpers import case
from tests.rights.test_sol_review import pay, review_sol


def test_pennsylvania_a_payment_after_the_limit_is_warned_as_a_revival_the_collector_must_prove(cli, tmp_path):
    s = review_sol(cli, tmp_path, "PA", "2026-12-04", {"first_bill_date": "2020-07-15"}, pay("2026-10-01"))
    assert (s["status"], s["expires"], s["revived_by"]) == ("running", "2030-10-01", ["events[0] (payment on 2026-10-01)"])
    assert s["first_ran_out"] == "2024-07-15"
    assert ("The limit first ran out on 2024-07-15; your payment on 2026-10-01 may have revived it, but whoever sues "
            "must prove that it did: if you are sued, still raise the statute of limitations.") in s["warning"]


def test_no_revival_no_first_ran_out(cli, tmp_path):
    s = review_sol(cli, tmp_path, "PA", "2026-12-04", {"first_bill_date": "2020-07-15"})
    assert s["first_ran_out"] is None and "may have revived" not in s["warning"]


def test_a_lawsuit_after_a_revival_still_says_to_raise_the_statute_of_limitations():
    c = case(pay("2026-10-01"),
             {"at": "2026-11-28", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-11-28"},
             state="PA", account={"first_bill_date": "2020-07-15"})
    r = review_rights(c, c.accounts[0], date(2026, 12, 4))
    answer = next(d for d in r.deadlines if d.kind == "ANSWER_DUE")
    assert ("Raise the statute of limitations in court on that date (and in writing if you file anything) anyway: "
            "the limit to sue on this debt ran out on 2024-07-15, and the plaintiff must prove that your payment on "
            "2026-10-01 revived it; a defence not raised can be lost.") in answer.why


def test_the_spanish_warning_says_the_same(cli, tmp_path):
    from billadvocate.report.spanish_account import sol_warning

    s = review_sol(cli, tmp_path, "PA", "2026-12-04", {"first_bill_date": "2020-07-15"}, pay("2026-10-01"))
    es = sol_warning(s)
    assert es and ("El plazo terminó primero el 2024-07-15. Su pago del 2026-10-01 pudo haber revivido la deuda, pero "
                   "quien le demande debe probar que lo hizo: si le demandan, alegue de todos modos la prescripción.") in es
