"""Passive reporting on the credit report counts 14 days from when the notice was SENT; with only
the day it was received, the sending day is inferred (5 business days earlier) and the finding is
only possible (medium)."""

from __future__ import annotations

from datetime import date

from billadvocate.credit import check_credit
from tests.credit.helpers import line, make_case

COLLECTOR = {"name": "ABC Recovery", "address": "PO Box 9, Austin, TX 78701"}


def findings(notice: dict, reported: str):
    case = make_case([line(account="er", furnisher="ABC Recovery", reported=reported)],
                     account={"collector": {**COLLECTOR, "validation_notice": notice}})
    return [f for f in check_credit(case, date(2026, 11, 28)).findings if f.rule == "REGF.PASSIVE_REPORTING"]


# received Thursday 2026-10-08: probably sent Thursday 10-01, so reporting is allowed from 10-15
def test_received_only_reporting_the_day_before_is_possible_at_medium_severity():
    (f,) = findings({"received": "2026-10-08"}, "2026-10-14")
    assert f.severity == "medium" and "may have reported" in f.message and "2026-10-01" in f.message


def test_received_only_reporting_14_days_after_the_inferred_sending_is_allowed():
    assert findings({"received": "2026-10-08"}, "2026-10-15") == []


def test_with_the_sending_date_the_finding_is_high():
    (f,) = findings({"sent": "2026-10-01", "received": "2026-10-08"}, "2026-10-14")
    assert f.severity == "high"
    assert findings({"sent": "2026-10-01", "received": "2026-10-08"}, "2026-10-15") == []
