"""The appeal's log: decisions logged as events start the next level's clock (Medicare's QIC, judge
and Council; the external review after the plan's final denial; the fair hearing after a Medicaid
plan), each at its boundary; an urgent denial gets the expedited deadlines."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from billadvocate.appeals import route as route_of
from billadvocate.appeals.denials import Denial, Reason, who_acts
from billadvocate.appeals.levels import decisions, final_internal_denial
from billadvocate.model import Account, Event, Provider

NOTICE = date(2026, 3, 2)
DECIDED = date(2026, 6, 1)


def _denial(code="PR-50", amount="610") -> Denial:
    group, _, reason = code.partition("-")
    return Denial(claim_id="C-1", payer="Plan", provider="Clinic", service_date=date(2026, 2, 20),
                  amount=Decimal(amount), notice_date=NOTICE, reasons=[Reason(group, reason, "x", who_acts(group, reason))])


def _account(*events, **fields) -> Account:
    return Account(id="a", provider=Provider(name="Clinic"), events=[Event.model_validate(e) for e in events],
                   **fields)


def _decision(kind, day=DECIDED, outcome="denied"):
    return {"at": day.isoformat(), "kind": "letter", "from": "insurer", "to": "patient", "type": kind,
            "outcome": outcome}


def _sent(kind, day):
    return {"at": day.isoformat(), "kind": "letter", "from": "patient", "to": "insurer", "type": kind}


@pytest.mark.parametrize("level,stage,kind,days", [
    ("redetermination_decision", "medicare_reconsideration", "MEDICARE_RECONSIDERATION_DUE", 5 + 180),  # 405.962
    ("reconsideration_decision", "alj_hearing", "ALJ_HEARING_DUE", 60),  # 405.1014(c)(1), from the notice's date
    ("alj_decision", "council_review", "COUNCIL_REVIEW_DUE", 5 + 60),  # 405.1102(a)
])
def test_each_medicare_level_opens_the_next_until_its_last_day(level, stage, kind, days):
    account = _account(_decision(level))
    last = DECIDED + timedelta(days=days)
    on_time = route_of("medicare_original", _denial(), account, last)
    late = route_of("medicare_original", _denial(), account, last + timedelta(days=1))
    due = next(d for d in on_time["deadlines"] if d["kind"] == kind)
    assert on_time["stage"] == stage and due["date"] == last.isoformat() and on_time["open"] and on_time["hold"]
    assert due["citations"] and str(DECIDED) in due["why"]
    assert not late["open"] and late["hold"] is None and "has passed" in late["late"]


def test_a_judge_hearing_needs_the_amount_in_controversy():
    # 2026: at least $200 must remain in dispute (90 FR 55869); $150 is under it, $610 is not
    small = route_of("medicare_original", _denial(amount="150"), _account(_decision("reconsideration_decision")),
                     DECIDED)
    big = route_of("medicare_original", _denial(), _account(_decision("reconsideration_decision")), DECIDED)
    assert "$200" in small["next_note"] and "added together" in small["next_note"]
    assert big.get("next_note") is None


@pytest.mark.parametrize("plan_type", ["medicare_original", "medicare_advantage"])
def test_after_the_council_the_lawsuit_is_due_60_days_from_receipt_presumed_5_days_after_the_decision(plan_type):
    # 405.1130: "within 60 calendar days after the date it receives notice of the Council's decision";
    # 405.1136(c)(2): receipt presumed 5 days after the notice's date (422.612(c) sends MA to part 405)
    last = DECIDED + timedelta(days=5 + 60)  # 2026-06-01 -> 2026-08-05
    account = _account(_decision("council_decision"))
    on_time = route_of(plan_type, _denial(amount="2500"), account, last)
    late = route_of(plan_type, _denial(amount="2500"), account, last + timedelta(days=1))
    due = next(d for d in on_time["deadlines"] if d["kind"] == "JUDICIAL_REVIEW_DUE")
    assert last == date(2026, 8, 5) and due["date"] == last.isoformat() and on_time["next_due"]["date"] == due["date"]
    assert on_time["stage"] == "judicial_review" and on_time["open"] and not due["unconfirmed"]
    assert "405.1130" in " ".join(due["citations"]) and str(DECIDED) in due["why"]
    # a lawsuit: the patient is told to see a lawyer, never that a letter will do
    assert "see a lawyer" in due["why"] and "not a letter" in due["why"] and "federal district court" in due["why"]
    from billadvocate.appeals import next_letter

    assert next_letter(on_time) is None and on_time.get("next_note") is None  # no letter; $2,500 is over the threshold
    assert not late["open"] and late["hold"] is None and "has passed" in late["late"]


@pytest.mark.parametrize("plan_type", ["aca_individual", "employer_fully_insured", "employer_self_funded"])
def test_the_final_denial_logged_starts_the_external_review_clock(plan_type):
    # four months from 2026-06-01: 2026-10-01 is the last day (45 CFR 147.136(d)(2)(i))
    account = _account(_sent("insurer_appeal", date(2026, 4, 1)), _decision("appeal_decision"))
    on_time = route_of(plan_type, _denial(), account, date(2026, 10, 1))
    late = route_of(plan_type, _denial(), account, date(2026, 10, 2))
    assert on_time["stage"] == "external_review" and on_time["open"]
    assert any(d["kind"] == "EXTERNAL_REVIEW_DUE" and d["date"] == "2026-10-01" for d in on_time["deadlines"])
    assert not late["open"] and "external review of claim C-1" in late["late"]


def test_the_case_field_and_the_log_both_given_the_earlier_final_denial_counts():
    account = _account(_decision("appeal_decision", date(2026, 6, 10)), final_denial_date=date(2026, 6, 1))
    assert final_internal_denial(account) == date(2026, 6, 1)
    assert final_internal_denial(_account(_decision("appeal_decision", date(2026, 6, 10)))) == date(2026, 6, 10)


def test_a_reversed_denial_closes_the_appeal_with_no_hold_or_deadline():
    r = route_of("aca_individual", _denial(), _account(_decision("appeal_decision", outcome="approved")), DECIDED)
    assert r["stage"] == "approved" and not r["open"] and not r["deadlines"] and "bill the plan again" in r["won"]


def test_the_external_reviewers_denial_ends_the_appeals():
    account = _account(_decision("appeal_decision"), _decision("external_review_decision", date(2026, 7, 1)))
    erisa = route_of("employer_self_funded", _denial(), account, date(2026, 7, 2))
    aca = route_of("aca_individual", _denial(), account, date(2026, 7, 2))
    assert erisa["stage"] == "closed" and not erisa["open"] and "ERISA" in erisa["next_note"]
    assert "ERISA" not in aca["next_note"]


def test_a_medicaid_plans_denial_on_appeal_leads_to_the_fair_hearing():
    r = route_of("medicaid_managed_care", _denial(), _account(_decision("appeal_decision")), DECIDED)
    due = next(d for d in r["deadlines"] if d["kind"] == "FAIR_HEARING_DUE")
    # every state allows at least 90 days from the plan's notice of resolution (42 CFR 438.408(f)(2))
    assert r["stage"] == "fair_hearing" and due["date"] == (DECIDED + timedelta(days=90)).isoformat()
    assert not due["unconfirmed"] and "at least 90 days" in due["why"] and "42 CFR 438.408(f)(2)" in due["citations"]
    late = route_of("medicaid_managed_care", _denial(), _account(_decision("appeal_decision")),
                    DECIDED + timedelta(days=91))
    assert not late["open"] and "has passed" in late["late"]


def test_a_medicare_advantage_plan_forwards_its_own_denial():
    r = route_of("medicare_advantage", _denial(), _account(_decision("appeal_decision")), DECIDED)
    assert r["stage"] == "independent_review" and r["open"] and "on its own" in r["next_note"]


def test_decisions_ignore_the_patients_own_letters_and_read_a_missing_outcome_as_a_denial():
    account = _account(_sent("insurer_appeal", date(2026, 4, 1)),
                       {**_decision("appeal_decision"), "outcome": None})
    assert [d.to_json()["outcome"] for d in decisions(account)] == ["denied"]


# ---------------------------------------------------------------- urgent care: the expedited route


def test_an_urgent_appeal_must_be_decided_in_72_hours():
    account = _account(_sent("insurer_appeal", date(2026, 4, 1)), denial_urgent=True)
    urgent = route_of("employer_self_funded", _denial(), account, date(2026, 4, 2))
    standard = route_of("employer_self_funded", _denial(), _account(_sent("insurer_appeal", date(2026, 4, 1))),
                        date(2026, 4, 2))
    due = {d["kind"]: d for d in urgent["deadlines"]}
    assert due["APPEAL_DECISION_DUE"]["date"] == "2026-04-04" and "72 hours" in due["APPEAL_DECISION_DUE"]["why"]
    assert {d["kind"]: d["date"] for d in standard["deadlines"]}["APPEAL_DECISION_DUE"] == "2026-05-31"  # 60 days
    assert "29 CFR 2560.503-1(i)(2)(i)" in due["APPEAL_DECISION_DUE"]["citations"]


def test_an_urgent_denial_asks_for_the_expedited_appeal_and_external_review_together():
    r = route_of("aca_individual", _denial(), _account(denial_urgent=True), NOTICE)
    assert r["urgent"] and "expedited appeal" in r["expedited"] and "expedited external review" in r["expedited"]
    assert "expedited" not in route_of("aca_individual", _denial(), _account(), NOTICE)


def test_an_urgent_external_review_must_be_decided_in_72_hours():
    account = _account(_decision("appeal_decision"), _sent("external_review_request", date(2026, 6, 3)),
                       denial_urgent=True)
    r = route_of("aca_individual", _denial(), account, date(2026, 6, 4))
    due = next(d for d in r["deadlines"] if d["kind"] == "EXTERNAL_REVIEW_DECISION_DUE")
    assert due["date"] == "2026-06-06" and "45 CFR 147.136(d)(3)(iv)" in " ".join(due["citations"])


# ---------------------------------------------------------------- every plan type x every kind of denial

FIRST_DAYS = {"aca_individual": 180, "employer_fully_insured": 180, "employer_self_funded": 180,
              "medicare_original": 125, "medicare_advantage": 60, "medicaid": 90, "medicaid_managed_care": 60,
              "other": 60, None: 60}
KINDS = {"PR-50": "patient", "CO-197": "provider", "PR-197": "patient", "PR-96": "patient", "PR-242": "patient",
         "OA-22": "coordination", "PR-Z99": "unknown"}  # necessity, authorization (CO: the provider's), not
# covered, out of network, coordination of benefits, a code we do not know


@pytest.mark.parametrize("plan_type", list(FIRST_DAYS))
@pytest.mark.parametrize("code,who", list(KINDS.items()))
def test_each_plan_type_and_kind_of_denial_at_its_first_deadline(plan_type, code, who):
    last = NOTICE + timedelta(days=FIRST_DAYS[plan_type])
    on_time = route_of(plan_type, _denial(code), _account(), last)
    late = route_of(plan_type, _denial(code), _account(), last + timedelta(days=1))
    assert on_time["who"] == who
    if who == "provider":  # the patient is not liable: no appeal, no deadline
        assert not on_time["deadlines"] and not on_time["open"] and on_time["stage"] is None
        return
    assert on_time["open"] and on_time["deadlines"][0]["date"] == last.isoformat()
    assert not late["open"] and late["late"]


def test_a_medicare_advantage_plan_decides_an_expedited_reconsideration_in_72_hours():
    account = _account(_sent("insurer_appeal", date(2026, 4, 1)), denial_urgent=True)
    r = route_of("medicare_advantage", _denial(), account, date(2026, 4, 2))
    due = next(d for d in r["deadlines"] if d["kind"] == "APPEAL_DECISION_DUE")
    assert due["date"] == "2026-04-04" and "42 CFR 422.590(e)(1)" in due["citations"]
    fresh = route_of("medicare_advantage", _denial(), _account(denial_urgent=True), NOTICE)
    assert "expedited (fast) reconsideration" in fresh["expedited"]
    assert not any(d["kind"] == "APPEAL_DECISION_DUE" for d in route_of(
        "medicare_advantage", _denial(), _account(_sent("insurer_appeal", date(2026, 4, 1))), date(2026, 4, 2))["deadlines"])


# ---------------------------------------------------------------- Medicare Advantage after the IRE


@pytest.mark.parametrize("level,stage,kind,days", [
    # the IRE's reconsidered determination: 60 days from receipt, presumed 5 days after its date (422.602(b))
    ("reconsideration_decision", "alj_hearing", "ALJ_HEARING_DUE", 5 + 60),
    # the judge's decision: the Council's 60 days under part 405 (422.608; 405.1102(a)), receipt presumed +5
    ("alj_decision", "council_review", "COUNCIL_REVIEW_DUE", 5 + 60),
])
def test_each_medicare_advantage_level_after_the_ire_opens_the_next_until_its_last_day(level, stage, kind, days):
    account = _account(_decision("appeal_decision", DECIDED - timedelta(days=40)), _decision(level))
    last = DECIDED + timedelta(days=days)
    on_time = route_of("medicare_advantage", _denial(), account, last)
    late = route_of("medicare_advantage", _denial(), account, last + timedelta(days=1))
    due = next(d for d in on_time["deadlines"] if d["kind"] == kind)
    assert on_time["stage"] == stage and due["date"] == last.isoformat() and on_time["open"] and on_time["hold"]
    assert str(DECIDED) in due["why"] and not due["unconfirmed"]
    assert any("422.60" in c for c in due["citations"])
    assert not late["open"] and late["hold"] is None and "has passed" in late["late"]


def test_the_ire_decision_reads_as_the_independent_reviewer_s_not_the_qic_s():
    r = route_of("medicare_advantage", _denial(), _account(_decision("reconsideration_decision")), DECIDED)
    due = next(d for d in r["deadlines"] if d["kind"] == "ALJ_HEARING_DUE")
    assert "independent review entity" in due["why"] and "QIC" not in due["why"]
    assert r["decisions"][0]["level"] == "independent_review"
    # the same event for Original Medicare is the QIC's, counted from the notice's date (405.1014(c)(1))
    qic = route_of("medicare_original", _denial(), _account(_decision("reconsideration_decision")), DECIDED)
    assert next(d for d in qic["deadlines"] if d["kind"] == "ALJ_HEARING_DUE")["date"] == \
        (DECIDED + timedelta(days=60)).isoformat()


def test_an_ire_decision_before_march_20_2017_counts_60_days_from_its_date():
    # 422.602(b) before the 2017 rule: "within 60 days of the date of the notice"; the 5 days came 2017-03-20
    for day, days in ((date(2017, 3, 19), 60), (date(2017, 3, 20), 65)):
        r = route_of("medicare_advantage", _denial(), _account(_decision("reconsideration_decision", day)), day)
        assert next(d for d in r["deadlines"] if d["kind"] == "ALJ_HEARING_DUE")["date"] == \
            (day + timedelta(days=days)).isoformat()


@pytest.mark.parametrize("amount,note", [("199.99", True), ("200", False)])
def test_a_medicare_advantage_hearing_needs_the_amount_in_controversy(amount, note):
    # 422.600(a): the yearly threshold, $200 in 2026 (90 FR 55869); $200.00 meets it, a cent less does not
    r = route_of("medicare_advantage", _denial(amount=amount), _account(_decision("reconsideration_decision")),
                 DECIDED)
    assert (r.get("next_note") is not None) == note
    if note:
        assert "$200" in r["next_note"] and "added together" in r["next_note"]


@pytest.mark.parametrize("plan_type", ["medicare_original", "medicare_advantage"])
@pytest.mark.parametrize("amount,note", [("1959.99", True), ("1960", False)])
def test_the_lawsuit_needs_the_amount_in_controversy(plan_type, amount, note):
    # 405.1136(a)(1), 422.612(b): the yearly threshold, $1,960 in 2026 (90 FR 55869); $1,960.00 meets it
    r = route_of(plan_type, _denial(amount=amount), _account(_decision("council_decision")), DECIDED)
    assert (r.get("next_note") is not None) == note
    assert any(d["kind"] == "JUDICIAL_REVIEW_DUE" for d in r["deadlines"])  # claims can be added together
    if note:
        assert "$1,960" in r["next_note"] and "added together" in r["next_note"] and "$1,959.99" in r["next_note"]


def test_a_reversal_by_the_ire_closes_the_medicare_advantage_appeal():
    r = route_of("medicare_advantage", _denial(),
                 _account(_decision("appeal_decision", DECIDED - timedelta(days=40)),
                          _decision("reconsideration_decision", outcome="approved")), DECIDED)
    assert r["stage"] == "approved" and not r["open"] and "independent review entity" in r["won"]


def test_a_medicare_advantage_reconsideration_is_asked_within_60_days_of_the_notice():
    # 422.582(b): "within 60 calendar days from the date of the notice" (not 65: see the data's note)
    last = NOTICE + timedelta(days=60)
    on_time = route_of("medicare_advantage", _denial(), _account(), last)
    late = route_of("medicare_advantage", _denial(), _account(), last + timedelta(days=1))
    assert on_time["open"] and on_time["next_due"]["date"] == last.isoformat()
    assert not late["open"] and "good reason" in late["late"]


def test_the_medicare_advantage_hearing_deadline_reads_in_spanish_from_the_ire():
    from billadvocate.report import spanish

    r = route_of("medicare_advantage", _denial(), _account(_decision("reconsideration_decision")), DECIDED)
    es = spanish.deadline(next(d for d in r["deadlines"] if d["kind"] == "ALJ_HEARING_DUE"))
    assert "entidad de revisión independiente" in es["why"] and "5 días" in es["why"] and "60 días" in es["why"]
    assert str(DECIDED) in es["why"] and "QIC" not in es["why"]


@pytest.mark.parametrize("plan_type", ["medicare_original", "medicare_advantage"])
def test_the_lawsuit_deadline_reads_in_spanish(plan_type):
    from billadvocate.report import spanish

    r = route_of(plan_type, _denial(), _account(_decision("council_decision")), DECIDED)
    es = spanish.deadline(next(d for d in r["deadlines"] if d["kind"] == "JUDICIAL_REVIEW_DUE"))
    assert "60 días" in es["why"] and "5 días" in es["why"] and str(DECIDED) in es["why"]
    assert "abogado" in es["why"] and "no una carta" in es["why"] and "Last day" not in es["why"]
    assert es["what"].startswith("Último día para demandar ante un tribunal federal")


def test_while_the_lawsuit_can_be_filed_the_hold_waits_for_the_court_not_the_plan():
    r = route_of("medicare_original", _denial(amount="2500"), _account(_decision("council_decision")), DECIDED)
    assert "until the court decides" in r["hold"] and "until the plan decides" not in r["hold"]
    alj = route_of("medicare_original", _denial(), _account(_decision("reconsideration_decision")), DECIDED)
    assert "until the plan decides" in alj["hold"]


def test_a_reversed_denial_never_says_the_patient_owes_her_share():
    # the product never states a debt: 'you owe only your share' read as an admission of what is owed
    from billadvocate.report.spanish_account import sentence

    r = route_of("aca_individual", _denial(), _account(_decision("appeal_decision", outcome="approved")), DECIDED)
    assert "you owe" not in r["won"]
    assert r["won"].endswith("ask the provider to bill the plan again; you may be charged no more than your share "
                             "under the plan.")
    es = sentence(r["won"])
    assert es and "debe su parte" not in es
    assert es.endswith("pida al proveedor que vuelva a cobrarle al plan; no se le puede cobrar más que su parte según "
                       "el plan.")
