"""New Jersey's 120-day wait (N.J.S.A. 56:11-59(a), from 2025-07-22), through `review`: any provider
owed for care and its collectors, and every collection action of the act (a sale of the debt, credit
reporting, a lawsuit, a lien, a garnishment); a bill or a reminder is not one."""

from __future__ import annotations

from datetime import date

import pytest

from billadvocate.review import review_case
from tests.rights.helpers import case

RULE = "STATE.NJ.COLLECTION_WAIT"
FIRST = {"first_bill_date": "2026-01-02"}  # day 119 = 2026-05-01, day 120 = 2026-05-02
LAB = {"name": "Garden State Labs", "kind": "lab", "nonprofit": False}


def reported(at: str, by: str = "collector") -> dict:
    return {"at": at, "kind": "credit_reporting", "from": by}


def legal(at: str, type: str, by: str = "collector") -> dict:
    return {"at": at, "kind": "legal_action", "type": type, "from": by}


def violations(c, as_of=date(2026, 11, 28)):
    (acct,) = review_case(c, as_of).accounts
    return [v for v in acct.violations if v.rule == RULE]


@pytest.mark.parametrize("day,at,fires", [(119, "2026-05-01", True), (120, "2026-05-02", False),
                                          (121, "2026-05-03", False)])
def test_a_lab_collectors_report_is_too_early_until_day_120(day, at, fires):
    found = violations(case(reported(at), state="NJ", provider=LAB, account=FIRST))
    assert bool(found) is fires
    if fires:
        (v,) = found
        assert "only 119 days" in v.message and "until 2026-05-02" in v.message and v.severity == "high"
        assert any("56:11-59" in c for c in v.citations) and not v.unconfirmed  # quoted from the statute


@pytest.mark.parametrize("event,words", [
    (legal("2026-05-01", "lawsuit"), "A lawsuit"), (legal("2026-05-01", "lien", by="provider"), "A lien"),
    (legal("2026-05-01", "garnishment"), "A wage garnishment"),
    ({"at": "2026-05-01", "kind": "letter", "from": "provider", "type": "sale"}, "A sale of the debt")])
def test_every_collection_action_of_the_act_is_barred_on_day_119(event, words):
    (v,) = violations(case(event, state="NJ", account=FIRST))
    assert v.message.startswith(words) and "119 days" in v.message


def test_a_bill_or_a_threat_is_not_a_collection_action():
    c = case({"at": "2026-02-01", "kind": "letter", "from": "collector"}, legal("2026-02-02", "threat"),
             state="NJ", provider=LAB, account=FIRST)
    assert not violations(c)


def test_the_wait_is_not_applied_before_the_act_took_effect():
    c = case(reported("2025-03-01"), state="NJ", provider=LAB, account={"first_bill_date": "2025-01-02"})
    assert not violations(c, as_of=date(2025, 3, 2))


def test_an_action_after_the_act_on_an_older_bill_is_judged_by_the_act():
    # first bill 2025-06-01 (before 2025-07-22), reported 2025-08-01 (day 61): the act was in force by then
    c = case(reported("2025-08-01"), state="NJ", provider=LAB, account={"first_bill_date": "2025-06-01"})
    (v,) = violations(c, as_of=date(2025, 9, 1))
    assert "only 61 days" in v.message


def test_another_states_provider_is_not_bound_by_new_jersey():
    assert not violations(case(reported("2026-05-01"), state="NY", provider=LAB, account=FIRST))


def test_the_rule_explains_the_payment_plan_and_notice_and_has_spanish():
    from billadvocate.report import spanish
    from billadvocate.rights.violations import all_rules

    (rule,) = [r for r in all_rules() if r.id == RULE]
    assert "reasonable payment plan" in rule.explanation and "30 days" in rule.explanation
    assert "plan de pagos razonable" in spanish.rule_table("conduct")[RULE]["explanation"]


def test_the_wait_gives_any_new_jersey_provider_a_deadline_on_day_120():
    (acct,) = review_case(case(state="NJ", provider=LAB, account=FIRST), date(2026, 3, 1)).accounts
    (d,) = [d for d in acct.deadlines if d.kind == RULE]
    assert d.date == date(2026, 5, 2) and "debt sale" in d.why and "on this bill" in d.why and not d.unconfirmed
