"""Rosa died in March 2026, ten days after a Houston hospital stay; in May a collection agency called her sister
Elena, who handles nothing for the estate and signed nothing, and asked her to pay. The whole pipeline: the case
read, the rights (Elena is not liable; the call broke 15 U.S.C. 1692e), the plan (don't pay from your own money,
send the notice of death; no settlement or plan in Elena's name), the notice itself, in English and Spanish."""

from __future__ import annotations

from billadvocate.actions.spanish import in_spanish

from ..conftest import run_cli
from .helpers import DATA_PATH, RULE_ID, account, case_path, flat, letter, review, review_json, review_text

NAME = "deceased_sister_called"


def test_the_plan_opens_with_the_two_steps_and_offers_nothing_in_elenas_name():
    steps = review_json(NAME)["actions"]
    assert [s["kind"] for s in steps[:2]] == ["DONT_PAY_OWN_MONEY", "TELL_OF_DEATH"]
    assert steps[1]["letter"] == "death_notice"
    assert not {"NEGOTIATE", "PAYMENT_PLAN", "DISPUTE_DEBT"} & {s["kind"] for s in steps}
    assert [e["type"] for e in account(NAME)["letters"]] == ["death_notice"]


def test_elena_is_not_liable_and_the_call_is_a_violation():
    a = account(NAME)
    who = a["protections"][0]
    assert who["id"] == "DECEASED.WHO_PAYS" and who["applies"] is True
    [v] = [v for v in a["violations"] if v["rule"] == "FDCPA.RELATIVE_ASKED_TO_PAY"]
    assert v["severity"] == "high" and v["act_by"] == "2027-05-20"
    assert not {"settlement_offer", "payment_plan_offer", "hardship"} & {e["type"] for e in a["letters"]}
    assert any(n.startswith("Only the notice that the patient has died is written") for n in a["notes"])


def test_the_terminal_review_speaks_plainly_and_never_says_she_owes_it():
    text = flat(review_text(NAME))
    assert "1. Don't pay this from your own money yet: You are not personally liable for this bill" in text
    assert "2. Tell the collector in writing that the patient has died and who handles the estate" in text
    assert "Offer a settlement" not in text and "Propose a payment plan" not in text
    assert "FDCPA.RELATIVE_ASKED_TO_PAY" not in text.split("What to do first", 1)[1].split("Houston Memorial", 1)[0]


def test_the_notice_in_both_languages_is_signed_by_elena_and_acknowledges_nothing():
    for lang, words in (("en", "I am not personally liable for this debt"),
                        ("es", "No soy personalmente responsable de esta deuda")):
        body = letter(NAME, "death_notice", lang)
        assert words in flat(body) and "Elena Martinez" in body.splitlines()[2:4] + body.splitlines()[-1:]
        assert not DATA_PATH.search(body) and not RULE_ID.search(body)


def test_spanish_plan_and_json_export():
    es = in_spanish(review(NAME))
    assert es[0]["title"] == "No pague esto con su propio dinero todavía"
    assert es[1]["title"].startswith("Diga por escrito al cobrador")
    res = run_cli("review", case_path(NAME), "--json")
    assert res.code == 0 and res.json()["actions"][0]["kind"] == "DONT_PAY_OWN_MONEY"


def test_the_insurer_step_is_for_whoever_handles_the_estate_not_elenas_share():
    text = flat(review_text(NAME))
    plan = text.split("What to do first", 1)[1].split("Houston Memorial", 1)[0]
    assert "For whoever handles the estate: ask the insurer how it processed the claim" in plan
    assert "your share" not in plan and "what the patient's share is" in plan
    assert "4. File a complaint: The collector broke rules that protect you" in plan  # her own step
