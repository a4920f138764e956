"""The canonical model (model.Case) to store rows and back, losing nothing.

Each table has columns for the fields people list, search and edit, and an `extra` JSON column for
every other field, so a field added to the case format later is kept too. Export builds the case
file's data from the rows and validates it with the same model an import uses.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from .. import model
from ..casefile import validate_case
from ..errors import BadInput
from . import models as m

PERSON = ["name", "address", "phone", "email", "state", "timezone", "veteran", "language"]
HOUSEHOLD = ["size", "annual_income", "monthly_expenses", "liquid_assets", "lump_sum_available"]
ACCOUNT = {"id": "key", "account_number": "account_number", "first_bill_date": "first_bill_date",
           "balance": "balance", "gfe_total": "gfe_total", "not_received": "not_received"}
ACCOUNT_JSON = ["provider", "care", "collector"]
ACCOUNT_ROWS = {"bill", "eob", "events"}
EVENT = {"kind": "kind", "from_": "from_party", "to": "to_party", "conversation": "conversation",
         "consent": "consent", "type": "type", "note": "note", "amount": "amount", "method": "method",
         "tracking": "tracking"}
TRADELINE = {"bureau": "bureau", "furnisher": "furnisher", "account": "account_key", "medical": "medical",
             "original_amount": "original_amount", "balance": "balance", "status": "status",
             "first_delinquency": "first_delinquency", "reported": "reported", "paid_on": "paid_on"}
CASE_HANDLED = {"billadvocate", "as_of", "patient", "household", "insurance", "accounts",
                "credit_report", "documents"}


def _alias(name: str) -> str:
    return "from" if name == "from_" else name


def _extra(obj: BaseModel, handled) -> dict[str, Any]:
    """Every field not kept in a column, as JSON data (aliases as in the case file)."""
    exclude = set(handled)
    return obj.model_dump(mode="json", by_alias=True, exclude_none=True, exclude=exclude)


def _json(obj: BaseModel | None) -> dict[str, Any] | None:
    return None if obj is None else obj.model_dump(mode="json", by_alias=True, exclude_none=True)


def _money(value: Decimal | None, where: str) -> Decimal | None:
    if value is not None and value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise BadInput(f"{value} has more than two decimals: amounts are dollars and cents", where=where)
    return value


def event_instant(at: date | datetime, zone: str) -> datetime:
    """When an event happened, as an instant: a bare date is that day's start in the patient's zone."""
    tz = ZoneInfo(zone)
    if isinstance(at, datetime):
        return at if at.tzinfo else at.replace(tzinfo=tz)
    return datetime.combine(at, time(0), tzinfo=tz)


# ---------------------------------------------------------------- canonical -> rows (unsaved)


def person_row(case_row: m.Case, patient: model.Patient) -> m.Person:
    return m.Person(case=case_row, role="patient", extra=_extra(patient, PERSON),
                    **{f: getattr(patient, f) for f in PERSON})


def household_row(case_row: m.Case, household: model.Household) -> m.Household:
    cols = {f: _money(getattr(household, f), f"household.{f}") if f != "size" else household.size
            for f in HOUSEHOLD}
    return m.Household(case=case_row, extra=_extra(household, HOUSEHOLD), **cols)


def account_row(case_row: m.Case, account: model.Account, position: int) -> m.Account:
    cols = {col: getattr(account, f) for f, col in ACCOUNT.items()}
    for f in ("balance", "gfe_total"):
        _money(cols[f], f"accounts[{position}].{f}")
    return m.Account(case=case_row, position=position, provider=_json(account.provider),
                     care=_json(account.care), collector=_json(account.collector),
                     extra=_extra(account, [*ACCOUNT, *ACCOUNT_JSON, *ACCOUNT_ROWS]), **cols)


def event_row(account_row_: m.Account, event: model.Event, position: int, zone: str) -> m.Event:
    cols = {col: getattr(event, f) for f, col in EVENT.items()}
    _money(cols["amount"], f"events[{position}].amount")
    return m.Event(case=account_row_.case, account=account_row_, position=position,
                   at=event_instant(event.at, zone), at_text=event.at.isoformat(),
                   extra=_extra(event, [*EVENT, "at"]), **cols)


def tradeline_row(case_row: m.Case, line: model.Tradeline, position: int) -> m.Tradeline:
    cols = {col: getattr(line, f) for f, col in TRADELINE.items()}
    for f in ("original_amount", "balance"):
        _money(cols[f], f"credit_report.tradelines[{position}].{f}")
    return m.Tradeline(case=case_row, position=position, extra=_extra(line, TRADELINE), **cols)


def case_columns(case: model.Case) -> dict[str, Any]:
    """The Case row's own columns (without ownership, which the caller sets)."""
    credit = None
    if case.credit_report is not None:
        credit = case.credit_report.model_dump(mode="json", by_alias=True, exclude_none=True,
                                               exclude={"tradelines"})
    first = case.accounts[0].provider.name
    who = case.patient.name or "patient"
    return {"title": f"{who} - {first}"[:200], "as_of": case.as_of, "insurance": _json(case.insurance),
            "credit_report": credit, "extra": _extra(case, CASE_HANDLED)}


# ---------------------------------------------------------------- rows -> canonical


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _cols(row, mapping: dict[str, str] | list[str]) -> dict[str, Any]:
    pairs = mapping.items() if isinstance(mapping, dict) else ((f, f) for f in mapping)
    out = {}
    for f, col in pairs:
        value = getattr(row, col)
        if value is not None:
            out[_alias(f)] = _plain(value)
    return out


def case_data(case_row: m.Case) -> dict[str, Any]:
    """The case file's data (before validation) from the stored rows."""
    data: dict[str, Any] = {"billadvocate": 1}
    if case_row.as_of:
        data["as_of"] = case_row.as_of.isoformat()
    patient = case_row.people.get(role="patient")
    data["patient"] = {**_cols(patient, PERSON), **patient.extra}
    household = m.Household.objects.filter(case=case_row).first()
    if household is not None:
        data["household"] = {**_cols(household, HOUSEHOLD), **household.extra}
    if case_row.insurance is not None:
        data["insurance"] = case_row.insurance
    docs = list(case_row.documents.select_related("account").order_by("position", "id"))
    data["accounts"] = []
    for account in case_row.accounts.order_by("position").prefetch_related("events"):
        item = {**_cols(account, ACCOUNT), "provider": account.provider}
        if account.care:
            item["care"] = account.care
        if account.collector is not None:
            item["collector"] = account.collector
        for role in ("bill", "eob"):
            paths = [d.path for d in docs if d.account_id == account.pk and d.role == role]
            if paths:
                item[role] = paths
        events = sorted(account.events.all(), key=lambda e: e.position)
        if events:
            item["events"] = [{"at": e.at_text, **_cols(e, EVENT), **e.extra} for e in events]
        item.update(account.extra)
        data["accounts"].append(item)
    if case_row.credit_report is not None:
        lines = [{**_cols(t, TRADELINE), **t.extra} for t in case_row.tradelines.order_by("position")]
        data["credit_report"] = {**case_row.credit_report, **({"tradelines": lines} if lines else {})}
    others = [d for d in docs if d.role not in ("bill", "eob")]
    if others:
        data["documents"] = [{"path": d.path, "kind": d.role,
                              **({"account": d.account.key} if d.account else {}),
                              **({"note": d.note} if d.note else {})} for d in others]
    data.update(case_row.extra)
    return data


def to_canonical(case_row: m.Case) -> model.Case:
    """The stored case as the canonical model (what the engines take)."""
    return validate_case(case_data(case_row), file=f"case {case_row.pk}")


def case_file_data(case: model.Case, *, as_json: bool = False) -> dict[str, Any]:
    """A case as compact case-file data: no empty or default fields, case-file field names.
    For YAML, dates stay dates and numbers numbers, so the file reads as a person would write it."""
    if as_json:
        return case.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    return _yaml_ready(case.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True))


def _yaml_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _yaml_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_yaml_ready(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def to_canonical_zone(case_row: m.Case) -> str:
    """The patient's time zone for a stored case."""
    from ..states import MAIN_TIMEZONE

    patient = case_row.people.get(role="patient")
    return patient.timezone or MAIN_TIMEZONE[patient.state]
