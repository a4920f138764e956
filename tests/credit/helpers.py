"""Small cases for the credit tests: one patient, one account, the tradelines given."""

from __future__ import annotations

from datetime import date

from billadvocate.credit import check_credit
from billadvocate.model import Case


def make_case(tradelines: list[dict], *, state: str = "TX", pulled: str | None = "2026-11-01",
              account: dict | None = None, events: list[dict] | None = None, report_events=None) -> Case:
    acct = {"id": "er", "provider": {"name": "Valley General Hospital", "kind": "hospital", "nonprofit": True,
                                     "address": "PO Box 100, Fresno, CA 93702"},
            "first_bill_date": "2025-04-01", "balance": 900,
            "collector": {"name": "ABC Recovery", "address": "PO Box 9, Austin, TX 78701"},
            "events": events or []}
    acct.update(account or {})
    report = {"pulled": pulled, "tradelines": tradelines}
    if report_events:
        report["events"] = report_events
    return Case.model_validate({"billadvocate": 1, "patient": {"state": state}, "accounts": [acct],
                                "credit_report": report})


def line(**kw) -> dict:
    base = {"bureau": "equifax", "furnisher": "Fresno Imaging", "medical": True, "original_amount": 900,
            "balance": 900, "status": "unpaid", "first_delinquency": "2024-01-01", "reported": "2025-06-01"}
    base.update(kw)
    return base


def rules_fired(case: Case, as_of: str = "2026-11-28") -> list[str]:
    return [f.rule for f in check_credit(case, date.fromisoformat(as_of)).findings]
