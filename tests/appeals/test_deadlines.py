"""Each plan type's first deadline at its boundary, the Medicare receipt presumption, the external
review's month arithmetic, and the route for every plan type (unknown included)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from billadvocate.appeals import PLAN_TYPES
from billadvocate.appeals import route as route_of
from billadvocate.appeals.denials import Denial, Reason
from billadvocate.appeals.routes import (STEPS, add_months, appeal_deadline, decision_deadline,
                                         external_review_deadline)
from billadvocate.model import Account, Provider

NOTICE = date(2026, 3, 2)


@pytest.mark.parametrize("plan_type,kind,days,unconfirmed", [
    ("aca_individual", "APPEAL_DUE", 180, False),
    ("employer_fully_insured", "APPEAL_DUE", 180, False),
    ("employer_self_funded", "APPEAL_DUE", 180, False),
    ("medicare_original", "MEDICARE_REDETERMINATION_DUE", 5 + 120, False),  # receipt presumed 5 days after
    ("medicare_advantage", "APPEAL_DUE", 60, False),
    ("medicaid", "FAIR_HEARING_DUE", 90, True),  # a state may allow fewer days
    ("medicaid_managed_care", "APPEAL_DUE", 60, False),  # 42 CFR 438.402(c)(2)(ii)
    ("other", "APPEAL_DUE", 60, True),
    (None, "APPEAL_DUE", 60, True),
])
def test_first_deadline_of_each_plan_type(plan_type, kind, days, unconfirmed):
    d = appeal_deadline(plan_type, NOTICE)
    assert d.kind == kind and d.date == NOTICE + timedelta(days=days)
    assert d.unconfirmed is unconfirmed and d.citations
    assert str(d.date) not in d.why and str(NOTICE) in d.why


def test_grandfathered_plans_have_no_federal_period():
    assert appeal_deadline("grandfathered", NOTICE) is None


def _denial(code="PR-96", notice=None) -> Denial:
    group, _, reason = code.partition("-")
    from billadvocate.appeals.denials import who_acts
    return Denial(claim_id="C-1", payer="Plan", provider="Clinic", service_date=date(2026, 2, 20),
                  amount=Decimal("610"), notice_date=notice, reasons=[Reason(group, reason, "x", who_acts(group, reason))])


ACCOUNT = Account(id="a", provider=Provider(name="Clinic"))


@pytest.mark.parametrize("plan_type,days", [("aca_individual", 180), ("medicare_original", 125),
                                            ("medicare_advantage", 60), ("medicaid", 90), (None, 60)])
def test_the_last_day_is_open_and_the_next_day_is_late(plan_type, days):
    last = NOTICE + timedelta(days=days)
    on_time = route_of(plan_type, _denial(notice=NOTICE), ACCOUNT, last)
    late = route_of(plan_type, _denial(notice=NOTICE), ACCOUNT, last + timedelta(days=1))
    assert on_time["open"] and on_time["hold"] and on_time["deadlines"][0]["date"] == last.isoformat()
    assert not late["open"] and late["hold"] is None and "has passed" in late["late"]


def test_day_180_is_the_deadline_not_181():
    d = appeal_deadline("employer_self_funded", date(2026, 1, 1))
    assert (d.date - date(2026, 1, 1)).days == 180 and d.date == date(2026, 6, 30)


def test_medicare_counts_from_the_presumed_receipt():
    d = appeal_deadline("medicare_original", date(2026, 10, 20))
    assert d.date == date(2027, 2, 22)  # October 25 (5 days) + 120 days
    assert "42 CFR 405.942(a)(1)" in d.citations and any("405.942(a);" in c for c in d.citations)


def test_external_review_months_count_as_the_regulation_says():
    assert add_months(date(2026, 10, 30), 4) == date(2027, 3, 1)  # no February 30: March 1 (its own example)
    assert add_months(date(2027, 1, 31), 4) == date(2027, 5, 31)
    assert add_months(date(2026, 9, 30), 4) == date(2027, 1, 30)
    d = external_review_deadline("aca_individual", date(2026, 10, 30))
    assert d.kind == "EXTERNAL_REVIEW_DUE" and d.date == date(2027, 3, 1)
    assert external_review_deadline("medicare_original", date(2026, 10, 30)) is None


def test_the_plan_decides_a_post_service_appeal_within_60_days():
    d = decision_deadline("employer_fully_insured", date(2026, 4, 1))
    assert d.kind == "APPEAL_DECISION_DUE" and d.date == date(2026, 5, 31)
    assert decision_deadline("medicaid", date(2026, 4, 1)) is None


@pytest.mark.parametrize("plan_type", [*PLAN_TYPES, None])
def test_every_plan_type_has_a_route(plan_type):
    r = route_of(plan_type, _denial(notice=NOTICE), ACCOUNT, NOTICE)
    known = plan_type not in (None, "other")
    assert r["route"] == STEPS[plan_type if known else "unknown"] and r["regulator"]
    asks = any("insurance card" in q for q in r["questions"])
    assert asks is (not known)


def test_an_unknown_notice_date_is_asked_and_the_care_date_used_meanwhile():
    r = route_of("aca_individual", _denial(notice=None), ACCOUNT, date(2026, 3, 1), index=2)
    assert r["notice_date"] == "2026-02-20" and r["notice_date_from"] == "assumed"
    assert any("accounts[2].denial_notice_date" in q for q in r["questions"])
    late = route_of("aca_individual", _denial(notice=None), ACCOUNT, date(2027, 3, 1))
    assert "may have passed" in late["late"]


def test_the_case_notice_date_wins_over_the_eob():
    acct = Account(id="a", provider=Provider(name="Clinic"), denial_notice_date=date(2026, 4, 1))
    r = route_of("aca_individual", _denial(notice=NOTICE), acct, NOTICE)
    assert r["notice_date"] == "2026-04-01" and r["notice_date_from"] == "case"


def test_a_provider_denial_gets_no_appeal_and_no_hold():
    r = route_of("aca_individual", _denial("CO-18", notice=NOTICE), ACCOUNT, NOTICE)
    assert r["who"] == "provider" and not r["deadlines"] and r["hold"] is None and not r["questions"]


def test_a_medicaid_plan_appeal_cites_the_managed_care_rule():
    d = appeal_deadline("medicaid_managed_care", NOTICE)
    assert d.citations == ["42 CFR 438.402(c)(2)(ii)"] and "fair hearing" in d.why
    older = appeal_deadline("medicaid_managed_care", date(2015, 1, 5))  # before the rule: the earliest any plan sets
    assert older.unconfirmed and older.date == date(2015, 3, 6)


def test_the_question_about_the_plan_follows_the_insurance_status():
    medicare = route_of(None, _denial(notice=NOTICE), ACCOUNT, NOTICE, status="medicare")
    medicaid = route_of(None, _denial(notice=NOTICE), ACCOUNT, NOTICE, status="medicaid")
    assert "Medicare Advantage" in medicare["questions"][0] and "Medicaid health plan" in medicaid["questions"][0]
    assert medicare["deadlines"][0]["date"] == (NOTICE + timedelta(days=60)).isoformat()


def test_a_co_necessity_denial_the_provider_still_collects_keeps_the_appeal_date_as_a_backstop():
    # CO-50: the provider must write it off; but it sent the bill to a collector, and may say the patient signed
    # an agreement to pay: the 180 days to appeal (29 CFR 2560.503-1(h)(3)(i)) are kept, nothing is opened
    from billadvocate.model import Collector

    collected = Account(id="a", provider=Provider(name="Clinic"), balance=Decimal("610"),
                        collector=Collector(name="ABC Recovery"))
    r = route_of("employer_self_funded", _denial("CO-50", notice=NOTICE), collected, NOTICE)
    assert r["who"] == "provider" and not r["open"] and r["hold"] is None
    assert [d["kind"] for d in r["deadlines"]] == ["APPEAL_DUE"]
    assert r["deadlines"][0]["date"] == (NOTICE + timedelta(days=180)).isoformat() and "not liable" in r["backstop"]
    paid_off = Account(id="a", provider=Provider(name="Clinic"), balance=Decimal("0"))
    assert not route_of("employer_self_funded", _denial("CO-50", notice=NOTICE), paid_off, NOTICE)["deadlines"]
    # a duplicate-claim denial (CO-18) is never the patient's, agreement or not
    assert not route_of("employer_self_funded", _denial("CO-18", notice=NOTICE), collected, NOTICE)["deadlines"]
