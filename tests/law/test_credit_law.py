"""The credit law files: FCRA numbers, bureau policies, the CFPB rule's history, every state's entry."""

from __future__ import annotations

from datetime import date

import pytest

from billadvocate.law import law
from billadvocate.states import CODES

BANS = {"CO": "2023-08-07", "NY": "2023-12-13", "CT": "2024-07-01", "MN": "2024-10-01", "NJ": "2024-07-22",
        "IL": "2025-01-01", "CA": "2025-01-01", "VT": "2025-07-01", "WA": "2025-07-27", "OR": "2026-01-01",
        "VA": "2024-07-01", "ME": "2025-09-24", "RI": "2025-01-01", "DE": "2025-10-27",
        "MD": "2025-10-01"}


def test_fcra_numbers():
    day = date(2026, 11, 28)
    assert law().value("federal.fcra.reinvestigation_days", day) == 30
    assert law().value("federal.fcra.reinvestigation_extension_days", day) == 15
    assert law().value("federal.fcra.furnisher_notice_business_days", day) == 5
    assert law().value("federal.fcra.obsolete_years", day) == 7
    assert law().value("federal.fcra.obsolete_start_after_delinquency_days", day) == 180


def test_veterans_medical_debt_rule_starts_2019_05_24():
    p = law().parameter("federal.fcra.veteran_medical_wait_years")
    assert not p.in_force(date(2019, 5, 23)) and p.in_force(date(2019, 5, 24))


def test_bureau_policies_take_effect_on_their_days():
    base = "federal.credit_reporting.bureau_policy."
    assert not law().parameter(base + "paid_medical_removed").in_force(date(2022, 6, 30))
    assert law().value(base + "paid_medical_removed", date(2022, 7, 1)) is True
    assert law().value(base + "medical_wait_days", date(2022, 7, 1)) == 365
    assert law().value(base + "medical_minimum_original_amount", date(2023, 4, 11)) == 500
    assert not law().parameter(base + "medical_minimum_original_amount").in_force(date(2023, 4, 10))


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_state_and_dc_has_an_explicit_credit_reporting_entry(code):
    p = law().parameter(f"states.{code.lower()}.credit_reporting.medical_debt_ban")
    now = p.at(date(2026, 11, 28))
    assert now.citations and isinstance(now.value["ban"], bool) and now.value["what"]
    if code in BANS:
        start = date.fromisoformat(BANS[code])
        assert p.at(start).value["ban"] is True and p.at(start).start == start
        assert p.at(date.fromordinal(start.toordinal() - 1)).value["ban"] is False
        assert set(p.at(start).value["covers"]) <= {"furnishers", "bureaus"}
    else:
        assert now.value["ban"] is False
