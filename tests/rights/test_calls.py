"""REGF.CALL_FREQUENCY and REGF.INCONVENIENT_TIME, each at its boundary."""

from __future__ import annotations

from tests.rights.helpers import call, case, fired


def calls_in_one_week(n: int) -> list[dict]:
    return [call(f"2026-10-{1 + i % 7:02d}T{10 + i // 7}:00:00") for i in range(n)]


def test_the_7th_call_in_7_days_is_not_presumed_too_frequent():
    assert not fired(case(*calls_in_one_week(7)), "REGF.CALL_FREQUENCY")


def test_the_8th_call_in_7_days_is_presumed_too_frequent():
    (v,) = fired(case(*calls_in_one_week(8)), "REGF.CALL_FREQUENCY")
    assert "call number 8" in v.message and v.amount == 0 and "$1,000 per lawsuit" in v.explanation and len(v.events) == 8
    assert str(v.act_by) == "2027-10-07"  # one year from the 8th call, the last of the week (2026-10-07)


def test_8_calls_spread_over_8_days_are_not_too_frequent():
    events = [call(f"2026-10-{d:02d}T10:00:00") for d in range(1, 9)]
    assert not fired(case(*events), "REGF.CALL_FREQUENCY")


def test_calls_the_patient_consented_to_are_not_counted():
    events = calls_in_one_week(7) + [call("2026-10-03T16:00:00", consent=True)]
    assert not fired(case(*events), "REGF.CALL_FREQUENCY")


def test_a_call_on_the_7th_day_of_a_conversation_week_is_presumed_too_frequent():
    # the conversation's day (10-13) is day 1 of its seven days, so 10-19 is day 7
    c = case(call("2026-10-13T10:00:00", conversation=True), call("2026-10-19T10:00:00"))
    (v,) = fired(c, "REGF.CALL_FREQUENCY")
    assert v.events == [0, 1] and "through 2026-10-19" in v.message


def test_a_call_on_the_8th_day_after_a_conversation_is_allowed():
    c = case(call("2026-10-13T10:00:00", conversation=True), call("2026-10-20T10:00:00"))
    assert not fired(c, "REGF.CALL_FREQUENCY")


def test_a_conversation_on_a_call_the_patient_placed_to_the_collector_starts_the_7_days_too():
    c = case(call("2026-10-13T10:00:00", by="patient", to="collector", conversation=True), call("2026-10-15T10:00:00"))
    (v,) = fired(c, "REGF.CALL_FREQUENCY")
    assert v.events == [0, 1]


def test_a_call_before_the_conversation_on_the_same_day_is_not_after_it():
    c = case(call("2026-10-13T09:00:00"), call("2026-10-13T10:00:00", conversation=True))
    assert not fired(c, "REGF.CALL_FREQUENCY")


def test_a_provider_calling_often_is_not_an_fdcpa_violation():
    events = [call(f"2026-10-{1 + i % 7:02d}T{10 + i // 7}:00:00", by="provider") for i in range(9)]
    assert not fired(case(*events, collector=None), "REGF.CALL_FREQUENCY")
    assert not fired(case(*events), "REGF.CALL_FREQUENCY")  # the provider's calls are not the collector's


def test_a_collector_call_at_7_59_is_at_an_inconvenient_time():
    (v,) = fired(case(call("2026-10-15T07:59:00")), "REGF.INCONVENIENT_TIME")
    assert "07:59" in v.message and "before 08:00" in v.message and v.events == [0]


def test_a_collector_call_at_8_00_is_not():
    assert not fired(case(call("2026-10-15T08:00:00")), "REGF.INCONVENIENT_TIME")


def test_a_text_at_21_00_is_not_at_an_inconvenient_time():
    assert not fired(case({"at": "2026-10-15T21:00:00", "kind": "text", "from": "collector"}), "REGF.INCONVENIENT_TIME")


def test_a_text_at_21_01_is():
    (v,) = fired(case({"at": "2026-10-15T21:01:00", "kind": "text", "from": "collector"}), "REGF.INCONVENIENT_TIME")
    assert "after 21:00" in v.message


def test_a_time_with_a_zone_is_converted_to_the_patients_zone():
    # 10:30 in New York is 07:30 in California
    (v,) = fired(case(call("2026-10-15T10:30:00-04:00")), "REGF.INCONVENIENT_TIME")
    assert "07:30" in v.message
    # the same instant is fine for a patient in New York
    assert not fired(case(call("2026-10-15T10:30:00-04:00"), state="NY"), "REGF.INCONVENIENT_TIME")


def test_a_time_without_a_zone_is_read_in_the_patients_zone():
    assert fired(case(call("2026-10-15T07:30:00"), timezone="America/Chicago"), "REGF.INCONVENIENT_TIME")


def test_a_bare_date_cannot_be_an_inconvenient_time():
    assert not fired(case(call("2026-10-15")), "REGF.INCONVENIENT_TIME")


def test_a_provider_calling_at_7_00_is_not_an_fdcpa_violation():
    assert not fired(case(call("2026-10-15T07:00:00", by="provider")), "REGF.INCONVENIENT_TIME")
