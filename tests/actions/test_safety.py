"""Never a promise that can hurt: settlement, plan and hardship letters (and the NEGOTIATE and PAYMENT_PLAN
steps) at the boundaries of the limit to sue, for each kind of state revival rule, and when nothing is owed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from billadvocate.actions.safety import (MoneyAdvice, money_advice, offer_closes, plan_ends, plan_must_end_before,
                                         restarts, revives)
from billadvocate.letters import NotAdvised, letter_for
from billadvocate.letters.render_txt import render_txt

from .helpers import kinds, letters, review, write_case

MONEY_LETTERS = {"settlement_offer", "payment_plan_offer", "hardship"}
MONEY_STEPS = {"NEGOTIATE", "PAYMENT_PLAN"}


def _expires(path) -> date:
    """The day the limit to sue ends for this case, as the rights engine computes it."""
    r = review(path, date(2026, 1, 2))
    return date.fromisoformat(r.accounts[0].sol["expires"])


@pytest.fixture(scope="module")
def ca_case(tmp_path_factory):
    return write_case(tmp_path_factory.mktemp("ca") / "case", state="CA")


def test_a_day_after_the_limit_the_debt_gets_do_not_pay_and_no_money_letter(ca_case):
    expires = _expires(ca_case)
    after = review(ca_case, expires + timedelta(days=1))
    assert after.accounts[0].sol["time_barred"] is True
    assert kinds(after)[0] == "DO_NOT_PAY"
    assert not MONEY_STEPS & set(kinds(after)) and not MONEY_LETTERS & letters(after)
    # the right path instead: dispute, stop contact; the reason is said in words
    assert {"DISPUTE_DEBT", "STOP_CONTACT"} <= set(kinds(after))
    assert any("too old to sue on" in n for n in after.accounts[0].notes)
    with pytest.raises(NotAdvised):
        letter_for(after, "settlement_offer")


def test_the_offer_window_crossing_the_limit_is_refused_one_day_earlier_it_is_allowed(ca_case):
    expires = _expires(ca_case)
    closes_on_limit = expires - (offer_closes(date(2026, 1, 1)) - date(2026, 1, 1))  # offer would close on it
    refused = review(ca_case, closes_on_limit)
    assert refused.accounts[0].sol["time_barred"] is False
    assert "settlement_offer" not in letters(refused) and "NEGOTIATE" not in kinds(refused)
    assert any("before an offer made now would be paid" in n for n in refused.accounts[0].notes)
    allowed = review(ca_case, closes_on_limit - timedelta(days=1))
    advice = money_advice(allowed.accounts[0], allowed.as_of, state="CA")
    assert advice.settlement is True, advice.reasons


def test_the_plan_may_not_reach_the_limit_day_but_may_end_the_day_before():
    sol = {"status": "running", "time_barred": False, "expires": "2027-01-10",
           "restart": {"payment": True, "written_acknowledgment": True}}
    assert plan_must_end_before(sol) == date(2027, 1, 10)
    ends_on = {"schedule": [{"date": "2026-12-10"}, {"date": "2027-01-10"}], "monthly": 50, "months": 2}
    ends_before = {"schedule": [{"date": "2026-12-09"}, {"date": "2027-01-09"}], "monthly": 50, "months": 2}
    assert plan_ends(ends_on) == date(2027, 1, 10)
    assert _advice(sol, ends_on, date(2026, 11, 1)).plan is False
    assert _advice(sol, ends_before, date(2026, 11, 1)).plan is True


def _advice(sol, plan, as_of, *, offer=None, chose=False, collector_kind=None, bill=True) -> MoneyAdvice:
    """money_advice on a review built from the rights and money engines' plain outputs."""
    from billadvocate.model import Account, Collector, Provider
    from billadvocate.review import AccountReview

    acct = Account(id="a", provider=Provider(name="P"), bill=["b.csv"] if bill else [],
                   patient_chose_to_pay=chose,
                   collector=Collector(name="C", kind=collector_kind) if collector_kind else None)
    return money_advice(AccountReview(account=acct, sol=sol, plan=plan, offer=offer), as_of, state="CA")


@pytest.mark.parametrize("restart,refused", [
    ({"payment": True, "written_acknowledgment": True}, True),
    ({"payment": False, "written_acknowledgment": True}, True),   # a signed writing still restarts it
    ({"payment": None, "written_acknowledgment": None}, True),    # the law is silent: the safe reading
    ({"payment": False, "written_acknowledgment": False}, False),  # nothing restarts it: no harm in paying
])
def test_each_kind_of_restart_rule_near_the_limit(restart, refused):
    sol = {"status": "running", "time_barred": False, "expires": "2026-12-01", "restart": restart, "revival": restart}
    advice = _advice(sol, None, date(2026, 11, 1))
    assert advice.settlement is (not refused)


def test_revival_reads_the_after_expiry_rule():
    sol = {"restart": {"payment": True, "written_acknowledgment": True},
           "revival": {"payment": False, "written_acknowledgment": False}}
    assert revives(sol) == {"payment": False, "written_acknowledgment": False}
    assert restarts(sol) == {"payment": True, "written_acknowledgment": True}


def test_nothing_owed_means_no_offer_and_no_plan():
    sol = {"status": "running", "time_barred": False, "expires": "2030-01-01",
           "restart": {"payment": True, "written_acknowledgment": True}}
    owed_nothing = _advice(sol, None, date(2026, 11, 1), offer={"owed": 0.0, "opening": 10})
    assert not owed_nothing.settlement and not owed_nothing.plan and not owed_nothing.hardship
    assert any("nothing is owed" in r for r in owed_nothing.reasons)
    owed_something = _advice(sol, None, date(2026, 11, 1), offer={"owed": 0.01, "opening": 10})
    assert owed_something.settlement


def test_no_money_letter_before_the_itemized_bill():
    sol = {"status": "running", "time_barred": False, "expires": "2030-01-01"}
    advice = _advice(sol, None, date(2026, 11, 1), bill=False)
    assert not (advice.settlement or advice.plan or advice.hardship)


def test_a_debt_buyer_that_cannot_sue_never_gets_a_hardship_letter_even_if_the_patient_chose_to_pay():
    barred = {"status": "expired", "time_barred": True, "expires": "2024-01-01",
              "revival": {"payment": True, "written_acknowledgment": True}}
    buyer = _advice(barred, None, date(2026, 11, 1), chose=True, collector_kind="debt_buyer")
    assert buyer.hardship is False and buyer.settlement is True
    agency = _advice(barred, None, date(2026, 11, 1), chose=True, collector_kind="agency")
    assert agency.hardship is True


@pytest.mark.parametrize("state,revival_words", [
    ("CO", "a payment, however small or a signed letter"),   # both revive
    ("CA", "a signed letter admitting the debt"),             # only a writing revives
    # nothing revives it (N.Y. CPLR 214-i): said plainly, naming the law, not 'not known to revive'
    ("NY", "Under New York law (N.Y. CPLR 214-i), a payment, a signed letter or anything else you do now does not "
           "restart the limit to sue or revive the debt"),
])
def test_do_not_pay_says_what_revives_the_debt_in_this_state(tmp_path, state, revival_words):
    path = write_case(tmp_path / state, state=state, first_bill="2016-04-01")
    result = review(path, date(2026, 11, 28))
    assert result.accounts[0].sol["time_barred"] is True
    step = next(a for a in result.actions if a["kind"] == "DO_NOT_PAY")
    assert revival_words in step["why"]
    assert step["step"] == 1


# Every state whose law data says nothing revives a barred debt gets the same plain words, naming its law, in English
# and Spanish: New York since CPLR 214-i (2022-04-07), Maryland since 5-1202(b)(1) (2016-10-01, where no one may sue on
# it either), Wisconsin (893.05 extinguishes the right itself). Never the old hedge 'not known to revive'.
@pytest.mark.parametrize("state,law_words", [
    ("NY", "Under New York law (N.Y. CPLR 214-i)"),
    ("MD", "Under Maryland law (Md. Code, Cts. & Jud. Proc. 5-1202(b)(1)),"),
    ("WI", "Under Wisconsin law (Wis. Stat. 893.05)"),
])
def test_do_not_pay_says_plainly_that_nothing_revives_where_the_law_says_so(tmp_path, state, law_words):
    from billadvocate.actions.hygiene import problems
    from billadvocate.actions.spanish import in_spanish

    path = write_case(tmp_path / state, state=state, first_bill="2016-04-01")
    result = review(path, date(2026, 11, 28))
    sol = result.accounts[0].sol
    assert sol["time_barred"] is True and sol["revival_unconfirmed"] is False
    why = next(a for a in result.actions if a["kind"] == "DO_NOT_PAY")["why"]
    assert law_words in why and "does not restart the limit to sue or revive the debt" in why, why
    assert "not known to revive" not in why and "could give the collector back" not in why
    es = next(a for a in in_spanish(result) if a["kind"] == "DO_NOT_PAY")["why"]
    assert law_words.replace("Under", "Según la ley de").replace(" law (", " (") in es, es
    assert "no reinicia el plazo para demandar ni revive la deuda" in es and "no se sabe" not in es
    assert problems(why) == [] and problems(es) == []


def test_the_plain_no_revival_words_need_a_confirmed_rule_with_its_law():
    from billadvocate.actions.safety import nothing_revives

    nothing = {"payment": False, "written_acknowledgment": False}
    said = {"revival": nothing, "revival_citation": "N.Y. CPLR 214-i", "revival_unconfirmed": False}
    assert "(N.Y. CPLR 214-i)" in nothing_revives(said, "New York")
    assert nothing_revives({**said, "revival_unconfirmed": True}, "New York") is None  # not read in the statute
    assert nothing_revives({**said, "revival_citation": None}, "New York") is None  # no law to name
    assert nothing_revives({**said, "revival": {**nothing, "written_acknowledgment": True}}, "New York") is None
    assert nothing_revives({**said, "revival": {**nothing, "payment": None}}, "New York") is None  # silent = revives


def test_the_patient_who_chose_to_pay_gets_the_letter_that_acknowledges_no_debt_and_a_warning(tmp_path):
    path = write_case(tmp_path / "chose", state="CA", first_bill="2016-04-01", chose_to_pay=True)
    result = review(path, date(2026, 11, 28))
    assert "DO_NOT_PAY" not in kinds(result)
    assert "settlement_offer" in letters(result), result.accounts[0].notes
    step = next(a for a in result.actions if a["kind"] == "NEGOTIATE")
    assert "You chose to pay this debt anyway" in step["why"]
    for lang, words in (("en", "Nothing in this letter acknowledges that I owe this debt"),
                        ("es", "Nada en esta carta reconoce que debo esta deuda")):
        text = " ".join(render_txt(letter_for(result, "settlement_offer", lang=lang)).split())
        assert words in text and "California" in text


def test_the_hardship_letter_never_tells_the_savings(tmp_path):
    household = {"size": 3, "annual_income": 30000, "monthly_expenses": 2400, "liquid_assets": 4321}
    path = write_case(tmp_path / "h", state="CA", first_bill="2025-06-01", household=household, collector=None)
    result = review(path, date(2026, 2, 1))
    text = render_txt(letter_for(result, "hardship"))
    assert "4,321" not in text and "savings" not in text.lower()


@pytest.mark.parametrize("capped_by,reason", [
    ("medicaid", "You owe $0.00: Medicaid covers this care, and a Medicaid provider may not bill you beyond its cost sharing"),
    ("qmb", "You owe $0.00: a Qualified Medicare Beneficiary owes no Medicare cost sharing"),
])
def test_an_unowed_medicaid_or_qmb_bill_is_do_not_pay_with_no_offer(capped_by, reason):
    from billadvocate.actions.steps import owed_steps
    from billadvocate.model import Account, Provider
    from billadvocate.review import AccountReview

    offer = {"owed": 0.0, "fair_amount": 0.0, "opening": None, "no_offer": reason, "fair": {"capped_by": capped_by}}
    review_ = AccountReview(account=Account(id="a", provider=Provider(name="P"), bill=["b.csv"]),
                            sol={"status": "running", "expires": "2030-01-01"}, offer=offer)
    advice = money_advice(review_, date(2026, 1, 15), state="NY")
    assert not (advice.settlement or advice.plan or advice.hardship)
    assert advice.reasons == [reason[0].lower() + reason[1:]]
    steps = owed_steps(review_)
    assert [s["kind"] for s in steps] == ["DO_NOT_PAY"] and steps[0]["why"].startswith(reason)
    # assistance expected to cover it is a different path: apply first, no do-not-pay
    offer["fair"]["capped_by"] = "assistance"
    assert owed_steps(review_) == []


def test_a_threat_to_sue_on_a_time_barred_debt_the_right_path(tmp_path):
    """Don't pay, what revival means here, dispute, stop contact, complain, a lawyer for the threat."""
    threat = [{"at": "2026-11-10", "kind": "letter", "from": "collector", "type": "threat"}]
    path = write_case(tmp_path / "tx", state="TX", first_bill="2016-04-01", events=threat, collector="debt_buyer")
    result = review(path, date(2026, 11, 28))
    assert kinds(result)[:2] == ["DO_NOT_PAY", "SEE_A_LAWYER"]
    assert {"DISPUTE_DEBT", "STOP_CONTACT", "COMPLAIN"} <= set(kinds(result))
    assert not MONEY_STEPS & set(kinds(result)) and not MONEY_LETTERS & letters(result)
    for t in ("dispute", "cease"):
        text = " ".join(render_txt(letter_for(result, t)).split())
        assert "The time to sue on this debt ran out under Texas law" in text and "1006.26(b)" in text


# A state law that bars this holder's suit on a time-barred debt: the step says so, and never that a payment or a
# signed letter would let the collector sue (Tex. Fin. Code 392.307; N.C. Gen. Stat. 58-70-115; Cal. Civ. Code
# 1788.56 and CCP 337(d)).
@pytest.mark.parametrize("state,collector,said", [
    ("TX", "debt_buyer", "In Texas, the debt buyer may not sue you on a debt this old"),
    ("CA", "debt_buyer", "In California, the debt buyer may not sue you on a debt this old"),
    ("CA", "agency", "In California, the collection agency may not sue you on a debt this old"),
    ("NC", "debt_buyer", "In North Carolina, the debt buyer may not sue you on or collect a debt this old"),
])
def test_do_not_pay_follows_the_states_bar_on_suing_for_a_barred_debt(tmp_path, state, collector, said):
    from billadvocate.actions.spanish import in_spanish

    path = write_case(tmp_path / state, state=state, first_bill="2016-04-01", collector=collector)
    result = review(path, date(2026, 11, 28))
    sol = result.accounts[0].sol
    assert sol["time_barred"] is True and sol["suit_allowed"] is False
    step = next(a for a in result.actions if a["kind"] == "DO_NOT_PAY")
    assert said in step["why"], step["why"]
    assert "could then sue" not in step["why"] and "back the right to sue" not in " ".join(result.accounts[0].notes)
    es = next(a for a in in_spanish(result) if a["kind"] == "DO_NOT_PAY")["why"]
    assert "no puede demandarle" in es and "podría entonces demandar" not in es, es
    from billadvocate.actions.hygiene import problems

    assert problems(es) == [] and problems(step["why"]) == []
    if state == "TX":  # the debt buyer's own rule, as the law data words it: nothing revives it for them
        assert "no payment, affirmation or other activity revives it" in step["why"]
        assert "compradores de deudas" in es and "revivirla" not in es


def test_do_not_pay_for_the_texas_hospital_itself_still_warns_that_a_signed_letter_revives(tmp_path):
    # 392.307 binds debt buyers only: the hospital's own agency may still sue if a signed writing revives it
    path = write_case(tmp_path / "tx", state="TX", first_bill="2016-04-01", collector="agency")
    result = review(path, date(2026, 11, 28))
    assert result.accounts[0].sol["suit_allowed"] is True
    step = next(a for a in result.actions if a["kind"] == "DO_NOT_PAY")
    assert "a signed letter admitting the debt or promising to pay can revive it" in step["why"]


# Where only a signed writing revives a barred debt (Texas 16.065 for the hospital's own agency, Virginia, Georgia...),
# the step says a payment alone does not - and that a payment sent with a signed note admitting the debt can (Gilman
# Corp. v. Williams, Va. 1976: signed checks were part of the written acknowledgment). Where a payment revives it too
# (Colorado's broad rule), the sentence is not needed.
@pytest.mark.parametrize("state,said", [("TX", True), ("VA", True), ("GA", True), ("CO", False)])
def test_do_not_pay_warns_that_a_signed_note_with_a_payment_can_revive_where_only_a_writing_does(tmp_path, state, said):
    from billadvocate.actions.hygiene import problems
    from billadvocate.actions.spanish import in_spanish

    path = write_case(tmp_path / state, state=state, first_bill="2016-04-01",
                      care={"start": "2016-03-01", "end": "2016-03-01"})
    result = review(path, date(2026, 11, 28))
    assert result.accounts[0].sol["time_barred"] is True
    why = next(a for a in result.actions if a["kind"] == "DO_NOT_PAY")["why"]
    es = next(a for a in in_spanish(result) if a["kind"] == "DO_NOT_PAY")["why"]
    assert ("such as a note on a check" in why) is said, why
    assert ("como una nota en un cheque" in es) is said, es
    assert problems(why) == [] and problems(es) == []
