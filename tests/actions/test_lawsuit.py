"""Lawsuits come first: a served lawsuit gives ANSWER_DUE from the state's answer period, the default
warning, what to file, the limit to sue as a defence, legal aid, and the plan's first step."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from billadvocate.law import law

from .helpers import kinds, review, write_case

SERVED = date(2026, 11, 20)


def _sued(tmp_path, state, *, type_="lawsuit", first_bill="2024-06-01", received=None, name="case"):
    event = {"at": "2026-11-18", "kind": "legal_action", "from": "collector", "type": type_}
    if received:
        event["received"] = received.isoformat()
    return write_case(tmp_path / name, state=state, first_bill=first_bill, events=[event])


# Quoted in scripts/state_courts.yaml (the first eight before it; AL LA OR NJ SC WV DE NM MN KY newly read);
# RI is still unconfirmed at the 10-day safe fallback.
@pytest.mark.parametrize("state,days", [("TX", 14), ("CA", 30), ("FL", 20), ("OH", 28), ("NY", 10), ("MD", 15),
                                        ("WA", 20), ("AL", 14), ("LA", 10), ("OR", 14), ("NJ", 35), ("SC", 30),
                                        ("WV", 20), ("DE", 15), ("NM", 20), ("MN", 21), ("KY", 20), ("RI", 10)])
def test_a_served_lawsuit_is_answered_within_the_states_period_counted_from_service(tmp_path, state, days):
    assert law().at(f"states.{state.lower()}.courts.answer_days", SERVED).value == days
    result = review(_sued(tmp_path, state, received=SERVED), date(2026, 11, 21))
    due = [d for d in result.accounts[0].deadlines if d.kind == "ANSWER_DUE"]
    assert [d.date for d in due] == [SERVED + timedelta(days=days)]  # from the day served, not the day filed
    assert due[0].unconfirmed is (state == "RI")  # RI: not read in primary text, shortest plausible period
    first = result.actions[0]
    assert first["kind"] == "ANSWER_LAWSUIT" and first["step"] == 1
    assert first["due"] == (SERVED + timedelta(days=days)).isoformat()
    for words in ("The summons governs", "default judgment", "legal aid"):
        assert words in first["why"]
    what = law().parameter(f"states.{state.lower()}.courts.answer_days").meta.get(
        "file", "a written answer (most courts have an answer form)")
    assert f"File {what} with the court clerk" in first["why"]  # MD: a notice of intention to defend


def test_a_threat_to_sue_is_not_a_lawsuit_served(tmp_path):
    result = review(_sued(tmp_path, "TX", type_="threat"), date(2026, 11, 21))
    assert "ANSWER_LAWSUIT" not in kinds(result)
    assert not [d for d in result.accounts[0].deadlines if d.kind == "ANSWER_DUE"]


def test_without_a_service_date_the_event_day_counts_and_a_passed_date_says_act_today(tmp_path):
    path = _sued(tmp_path, "TX")
    on_time = review(path, date(2026, 12, 2))  # 2026-11-18 + 14 = 2026-12-02: the last day
    assert on_time.actions[0]["due"] == "2026-12-02" and "has passed" not in on_time.actions[0]["why"]
    late = review(path, date(2026, 12, 3))
    assert late.actions[0]["kind"] == "ANSWER_LAWSUIT" and "has passed" in late.actions[0]["why"]


def test_a_lawsuit_on_a_time_barred_debt_comes_first_and_raises_the_limit_as_a_defence(tmp_path):
    result = review(_sued(tmp_path, "CA", first_bill="2016-04-01", received=SERVED), date(2026, 11, 21))
    assert kinds(result)[:2] == ["ANSWER_LAWSUIT", "DO_NOT_PAY"]
    assert "Raise the statute of limitations in the answer" in result.actions[0]["why"]


def test_where_the_court_sets_the_date_on_the_summons_the_step_says_so(tmp_path):
    result = review(_sued(tmp_path, "CO", received=SERVED), date(2026, 11, 21))
    why = result.actions[0]["why"]
    assert "sets the date on the summons" in why and "What to do: file an answer on or before the appearance date" in why
    assert all(d.unconfirmed for d in result.accounts[0].deadlines if d.kind == "ANSWER_DUE")


@pytest.mark.parametrize("state,days", [("PA", 10), ("VA", 10), ("DC", 10), ("MA", 10), ("TN", 10), ("MS", 5),
                                        ("WI", 8)])
def test_where_the_court_takes_no_written_answer_the_step_says_appear_on_the_date_on_the_summons(tmp_path, state,
                                                                                                 days):
    result = review(_sued(tmp_path, state, received=SERVED), date(2026, 11, 21))
    first = result.actions[0]
    assert first["kind"] == "ANSWER_LAWSUIT" and first["due"] == (SERVED + timedelta(days=days)).isoformat()
    why = first["why"]
    assert "appear on the date on the summons" in why.lower() and "takes no written answer" in why
    assert "File a written answer" not in why and "default judgment" in why and "legal aid" in why
    # the rule is quoted; only the count of days until the summons is read is billadvocate's own (MS 5, WI 8: quoted)
    due = [d for d in result.accounts[0].deadlines if d.kind == "ANSWER_DUE"]
    assert not due[0].unconfirmed
    dv = law().at(f"states.{state.lower()}.courts.answer_days", SERVED)
    assert dv.quote and (dv.policy is None) is (state in ("MS", "WI"))


def test_a_time_barred_debt_sued_on_where_no_answer_is_written_is_raised_in_court(tmp_path):
    result = review(_sued(tmp_path, "PA", first_bill="2016-04-01", received=SERVED), date(2026, 11, 21))
    why = result.actions[0]["why"]
    assert "Raise the statute of limitations in court on that date" in why
    assert "Notice of Intent to Defend" in why  # what the Pennsylvania complaint asks for, from the data


def test_where_the_court_prints_a_quoted_date_on_the_summons_the_step_is_not_unconfirmed(tmp_path):
    result = review(_sued(tmp_path, "IL", received=SERVED), date(2026, 11, 21))
    why = result.actions[0]["why"]
    assert "sets the date on the summons" in why and "What to do: file an Appearance by the date printed" in why
    assert not [d for d in result.accounts[0].deadlines if d.kind == "ANSWER_DUE" and d.unconfirmed]


@pytest.mark.parametrize("address,days,court", [
    ("1200 Grand Concourse Apt 4B, Bronx, NY 10456", 20, "in the New York City Civil Court"),
    ("80 Clinton St, Brooklyn, NY 11201", 20, "in the New York City Civil Court"),
    ("12 Tulip Ave, Floral Park, NY 11001", 10, "city court (outside New York City)"),  # 110: Nassau too
    ("5 State St, Albany, NY 12207", 10, "city court (outside New York City)")])
def test_a_new_york_city_patient_gets_the_civil_courts_20_days(tmp_path, address, days, court):
    # a collector sues where the patient lives (15 U.S.C. 1692i); NYC Civil Court: 20 days after personal delivery
    import yaml

    path = _sued(tmp_path, "NY", received=SERVED)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["patient"]["address"] = address
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = review(path, date(2026, 11, 21))
    first = result.actions[0]
    assert first["kind"] == "ANSWER_LAWSUIT" and first["due"] == (SERVED + timedelta(days=days)).isoformat()
    assert court in first["why"]
