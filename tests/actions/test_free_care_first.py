"""A patient whose income gets free care under the hospital's own policy owes nothing once she applies:
the application is the step that clears the bill, so it comes before the disputes and complaints
(after only a lawsuit's answer, the do-not-pay warning and the itemized bill)."""

from billadvocate.casefile import load_case
from billadvocate.review import review_case

from ..conftest import EXAMPLES

FIRST_TIERS = {"ANSWER_LAWSUIT", "DO_NOT_PAY", "REQUEST_ITEMIZED_BILL"}


def test_the_free_care_application_comes_before_the_disputes():
    result = review_case(load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml"))
    kinds = [s["kind"] for s in result.actions]
    assert result.accounts[0].offer.get("no_offer", "").startswith("If the hospital approves your application, you "
                                                                   "owe $0.00")
    first = next(i for i, k in enumerate(kinds) if k not in FIRST_TIERS)
    assert kinds[first] == "APPLY_FOR_ASSISTANCE", kinds
    assert result.actions[first]["step"] == first + 1


def test_the_lawyer_step_says_plainly_why_it_is_urgent_in_both_languages():
    # the example's collector threatened legal action (no suit served): the step says so, once, in plain words
    from billadvocate.actions.spanish import in_spanish

    result = review_case(load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml"))
    step = next(s for s in result.actions if s["kind"] == "SEE_A_LAWYER")
    assert step["why"].startswith("You were threatened with a lawsuit: talk to a consumer lawyer now.")
    assert "sued or threatened" not in step["why"]
    es = next(s for s in in_spanish(result) if s["kind"] == "SEE_A_LAWYER")
    assert es["why"].startswith("Le amenazaron con una demanda")
