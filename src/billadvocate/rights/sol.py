"""The statute of limitations on a medical debt: when suing on it becomes time-barred, and what restarts it.

The period is the patient's state's (where a collector would sue): a medical-debt period where the
state has one (e.g. New York, 3 years from treatment), else the open-account period (how most
medical bills are owed), with the longer written-contract period shown for a patient who signed a
financial agreement. The clock starts at the first delinquency (a tradeline's first_delinquency,
else the first bill date, an assumption said in `start_basis`) and restarts at a later payment or
written acknowledgment where the state's revival rule says so. The period is looked up as in force
when the clock started (e.g. Ohio's 2021 change applies to claims accruing after it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..law import Law, law as shipped_law
from ..model import Account, Case
from ..states import NAMES

ACKNOWLEDGMENTS = ("acknowledgment", "promise_to_pay", "payment_plan_agreement")


def _at(lw: Law, path: str, on: date):
    p = lw.parameter(path)
    try:
        return p.at(on)
    except KeyError:  # a start before the first recorded value: use the oldest one
        return p.values[0]


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + int(years))
    except ValueError:
        return d.replace(year=d.year + int(years), day=28)


def sol_status(case: Case, account: Account, as_of: date, lw: Law | None = None) -> dict[str, Any]:
    """The statute-of-limitations status of one account as of a date (a JSON-ready dict)."""
    lw = lw or shipped_law()
    state = case.patient.state
    base = f"states.{state.lower()}.collection.sol"
    out: dict[str, Any] = {"state": state, "category": None, "years": None, "written_contract_years": None,
                           "starts": None, "start_basis": None, "expires": None,
                           "expires_if_written_contract": None, "status": "unknown", "time_barred": None,
                           "expired": None,
                           "revived_by": [], "revival": None, "warning": None, "citations": [],
                           "unconfirmed": False}
    if f"{base}.open_account" not in lw:
        out["warning"] = f"no statute-of-limitations data for {state}"
        return out
    used = []
    delinquencies = [t.first_delinquency for t in (case.credit_report.tradelines if case.credit_report else [])
                     if t.first_delinquency and t.account in (None, account.id)
                     and (t.account == account.id or _names_match(t.furnisher, account))]
    medical_path = f"{base}.medical"
    medical_start = account.care.start
    if medical_path in lw and medical_start and lw.parameter(medical_path).in_force(medical_start):
        start, basis, category = medical_start, f"the date of treatment ({medical_start})", "medical"
    elif delinquencies:
        start, basis, category = min(delinquencies), f"the first delinquency on the credit report ({min(delinquencies)})", "open_account"
    elif account.first_bill_date:
        start, basis, category = account.first_bill_date, (f"the first bill date ({account.first_bill_date}); the "
                                 "real start (the due date or the last payment) may be later"), "open_account"
    else:
        out["warning"] = "the case gives no first bill date or first delinquency, so the clock's start is unknown"
        return out
    # restarts: a payment or a written acknowledgment after the start, where the state's revival rule says so
    revival_dv = _at(lw, f"{base}.revival", as_of)
    used.append(revival_dv)
    revival = revival_dv.value
    restarts = []
    for i, ev in enumerate(account.events):
        day = ev.at.date() if hasattr(ev.at, "date") and callable(ev.at.date) else ev.at
        if ev.from_ != "patient" or day <= start or day > as_of:
            continue
        if ev.kind == "payment" and revival.get("payment"):
            restarts.append((day, f"events[{i}] (payment on {day})"))
        elif ev.type in ACKNOWLEDGMENTS and revival.get("written_acknowledgment"):
            restarts.append((day, f"events[{i}] (written acknowledgment on {day})"))
    if restarts:
        last = max(restarts)
        start, basis = last[0], f"{basis}, restarted by {last[1]}"
        out["revived_by"] = [r[1] for r in restarts]
    years_dv = _at(lw, f"{base}.{category}", start)
    written_dv = _at(lw, f"{base}.written_contract", start)
    used += [years_dv, written_dv]
    years, written = int(years_dv.value), int(written_dv.value)
    expires = _add_years(start, years)
    out.update(category=category, years=years, written_contract_years=written, starts=start, start_basis=basis,
               expires=expires, revival=revival)
    if written > years and category == "open_account":
        out["expires_if_written_contract"] = _add_years(start, written)
    latest = out["expires_if_written_contract"] or expires
    if as_of > latest:
        out["status"], out["time_barred"] = "expired", True
    elif as_of > expires:
        out["status"], out["time_barred"] = "expired_unless_written_contract", True
    else:
        out["status"], out["time_barred"] = "running", False
    name = NAMES[state]
    revives = [w for w, on in (("a payment", revival.get("payment")),
                               ("a signed written acknowledgment or promise to pay", revival.get("written_acknowledgment"))) if on]
    if revives:
        warn = (f"In {name}, {' or '.join(revives)} may restart the {years}-year clock: do not pay anything or sign "
                f"anything about this debt before deciding, especially if it is near or past {expires}.")
    else:
        warn = (f"In {name}, a payment on a time-barred debt is not known to restart the clock, but check before "
                f"paying or signing anything.")
    if out["status"] != "running":
        warn = (f"The {years}-year limit to sue ran out on {expires}: a collector may still ask, but may not sue or "
                f"threaten to. " + warn)
    out["warning"] = warn
    out["expired"] = out["time_barred"]  # the same answer under the name other engines read
    out["citations"] = list(dict.fromkeys(c for dv in used for c in dv.citations))
    out["unconfirmed"] = any(dv.unconfirmed for dv in used)
    return out


def _names_match(furnisher: str, account: Account) -> bool:
    names = [account.provider.name] + ([account.collector.name] if account.collector else [])
    return any(" ".join(furnisher.casefold().split()) == " ".join(n.casefold().split()) for n in names)


def sol_json(sol: dict[str, Any]) -> dict[str, Any]:
    """The status with dates as ISO text."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in sol.items()}
