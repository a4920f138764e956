"""A whole case written to a folder (case.yaml and an itemized bill), reviewed as the CLI would."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from billadvocate import load_case, review_case

BILL = """Line,Svc Date,Rev Code,CPT/HCPCS,Description,Qty,Unit Price,Amount,Modifiers
1,03/02/2022,0450,99283,ER VISIT LEVEL 3,1,"$900.00","$900.00",
2,03/02/2022,0300,85025,CBC W/AUTO DIFF,1,$45.00,$45.00,
3,03/02/2022,0301,80053,COMPREHENSIVE METABOLIC PANEL,1,$155.00,$155.00,
"""


def write_case(folder: Path, *, state: str = "CA", first_bill: str = "2022-04-01", events: list[dict] | None = None,
               collector: str | None = "agency", bill: bool = True, chose_to_pay: bool = False,
               household: dict | None = None, **account: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    acct: dict[str, Any] = {
        "id": "er", "account_number": "VGH-1", "first_bill_date": first_bill, "balance": 1100,
        "provider": {"name": "Valley Clinic", "address": "1 Main St, Springfield, CA 90001", "kind": "physician",
                     "nonprofit": False, "state": state},
        "care": {"start": "2022-03-02", "end": "2022-03-02", "emergency": False},
        "events": events or [], **account}
    if chose_to_pay:
        acct["patient_chose_to_pay"] = True
    if collector:
        acct["collector"] = {"name": "ABC Recovery", "address": "PO Box 9, Austin, TX 78701", "kind": collector,
                             "account_number": "ABC-1"}
    if bill:
        (folder / "bill.csv").write_text(BILL, encoding="utf-8")
        acct["bill"] = ["bill.csv"]
    data = {"billadvocate": 1,
            "patient": {"name": "Ana Diaz", "address": "5 Oak St, Springfield, CA 90002", "state": state},
            "household": household or {"size": 2, "annual_income": 60000, "monthly_expenses": 3000,
                                       "lump_sum_available": 3000},
            "insurance": {"status": "uninsured"},
            "accounts": [acct]}
    path = folder / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def review(path: Path, as_of: date):
    return review_case(load_case(path), as_of=as_of)


def kinds(result) -> list[str]:
    return [a["kind"] for a in result.actions]


def letters(result) -> set[str]:
    return {e["type"] for r in result.accounts for e in r.letters}
