"""BILL.ROOM_DAYS: nights of the stay, not days; the discharge day is not billable."""

from datetime import date
from decimal import Decimal

from .support import found, line

STAY = {"care_start": date(2025, 3, 2), "care_end": date(2025, 3, 4)}  # two nights


def room(units, rev="0120", desc="ROOM SEMI-PRIV", facts=STAY):
    return found("BILL.ROOM_DAYS", line(1, None, d=date(2025, 3, 2), units=units, charge=str(1500 * units),
                                         rev=rev, desc=desc), facts=facts)


def test_as_many_days_as_nights_passes():
    assert room(2) == []


def test_one_day_more_than_the_nights_is_reported():
    (f,) = room(3)
    assert f.amount == Decimal("1500.00") and "3 room-and-board days" in f.message and "2 night" in f.message


def test_a_same_day_stay_may_bill_one_day():
    same = {"care_start": date(2025, 3, 2), "care_end": date(2025, 3, 2)}
    assert room(1, facts=same) == [] and len(room(2, facts=same)) == 1


def test_room_lines_are_found_by_description_without_a_revenue_code():
    assert len(room(3, rev=None, desc="ROOM AND BOARD PRIVATE")) == 1


def test_observation_hours_are_not_room_days():
    assert room(22, rev="0762", desc="OBSERVATION PER HR") == []


def test_descriptions_in_any_case_are_found_and_other_words_are_not():
    for desc in ("room and board private", "R&B Semi-Priv", "Semi Private Ward", "PRIVATE ROOM 2 BED"):
        assert len(room(3, rev=None, desc=desc)) == 1, desc
    for desc in ("BOARD CERTIFIED VISIT", "ROOM CHARGE", "PRIVILEGE FEE"):
        assert room(3, rev=None, desc=desc) == [], desc


def test_every_room_word_holds_one_of_the_cheap_first_words():
    import re

    from billadvocate.audit.rules.bill_room_days import ROOM_NEEDLES, ROOM_WORDS

    for pattern in ROOM_WORDS:  # the literal letters of each pattern, which any match holds in order
        literal = re.sub(r"[.*]", "", pattern).lower()
        assert any(n in literal for n in ROOM_NEEDLES), pattern
