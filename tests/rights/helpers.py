"""Small case builders for the rights scenarios: a case is a dict, validated like a case file."""

from __future__ import annotations

from datetime import date
from typing import Any

from billadvocate.casefile import validate_case
from billadvocate.rights import review_rights

AS_OF = date(2026, 11, 28)


def case(*events: dict, state: str = "CA", collector: dict | None | bool = True, provider: dict | None = None,
         account: dict | None = None, tradelines: list[dict] | None = None, insurance: str | None = "insured",
         timezone: str | None = None):
    coll = {"name": "ABC Recovery", "kind": "agency"} if collector is True else (collector or None)
    acct: dict[str, Any] = {
        "id": "a", "provider": {"name": "Valley General Hospital", "kind": "hospital", "nonprofit": True,
                                "state": state, **(provider or {})},
        "first_bill_date": "2025-04-01", "balance": 1000, "events": list(events), **(account or {})}
    if coll:
        acct["collector"] = coll
    data: dict[str, Any] = {"billadvocate": 1, "patient": {"state": state, **({"timezone": timezone} if timezone else {})},
                            "accounts": [acct]}
    if insurance:
        data["insurance"] = {"status": insurance}
    if tradelines is not None:
        data["credit_report"] = {"tradelines": tradelines}
    return validate_case(data, file="test")


def rights(c, as_of: date = AS_OF):
    return review_rights(c, c.accounts[0], as_of)


def rules(c, as_of: date = AS_OF) -> list[str]:
    return [v.rule for v in rights(c, as_of).violations]


def fired(c, rule: str, as_of: date = AS_OF):
    return [v for v in rights(c, as_of).violations if v.rule == rule]


def call(at: str, by: str = "collector", **kw) -> dict:
    return {"at": at, "kind": "call", "from": by, **kw}


def letter(at: str, by: str = "patient", type: str | None = None, **kw) -> dict:
    return {"at": at, "kind": "letter", "from": by, **({"type": type} if type else {}), **kw}
