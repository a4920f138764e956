"""Who takes a patient's complaint about a health plan, from the plan type and the patient's state
(regulators.yaml: each entry quoted from its source, or unconfirmed with what was searched).

An ACA or fully insured plan answers to the state's insurance regulator; an employer's self-funded
plan to the U.S. Department of Labor (EBSA), as ERISA preempts the state; Medicare and Medicare
Advantage to CMS (1-800-MEDICARE); Medicaid and Medicaid managed care to the state Medicaid agency
(medicaid_agencies.yaml: where the state takes a fair hearing request or a complaint).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import LawDataError

FILE = Path(__file__).with_name("regulators.yaml")
MEDICAID_FILE = Path(__file__).with_name("medicaid_agencies.yaml")
STATES = ("ak al ar az ca co ct dc de fl ga hi ia id il in ks ky la ma md me mi mn mo ms mt nc nd ne nh nj nm "
          "nv ny oh ok or pa ri sc sd tn tx ut va vt wa wi wv wy").split()


def _check(key: str, e: dict, file: Path = FILE) -> None:
    """An entry is quoted (quote and source) or unconfirmed with what was searched; an address
    or phone without a source is refused."""
    if not e.get("name"):
        raise LawDataError(f"{file.name}: {key} has no name")
    has_fact = e.get("address") or e.get("phone")
    if has_fact and not (e.get("quote") and e.get("source")):
        raise LawDataError(f"{file.name}: {key} gives an address or phone without quote and source")
    if e.get("unconfirmed") and not e.get("searched"):
        raise LawDataError(f"{file.name}: {key} is unconfirmed but does not say what was searched")
    if not has_fact and not e.get("unconfirmed"):
        raise LawDataError(f"{file.name}: {key} has no address or phone and is not marked unconfirmed")


@lru_cache(maxsize=1)
def table() -> dict:
    data = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    missing = set(STATES) - set(data["states"])
    if missing:
        raise LawDataError(f"{FILE.name}: no entry for {', '.join(sorted(missing))}")
    for key, e in [*data["states"].items(), *data["federal"].items()]:
        _check(key, e)
    return data


@lru_cache(maxsize=1)
def medicaid_table() -> dict:
    """The state Medicaid agencies found (medicaid_agencies.yaml), each checked like a regulator."""
    data = yaml.safe_load(MEDICAID_FILE.read_text(encoding="utf-8"))
    for key, e in data["states"].items():
        if key not in STATES:
            raise LawDataError(f"{MEDICAID_FILE.name}: {key} is not a state: use its two-letter code")
        _check(key, e, MEDICAID_FILE)
    return data


def regulator(plan_type: str | None, state: str | None) -> dict:
    """{kind, name, address, phone, unconfirmed, source} for the plan type and the patient's state."""
    t = table()
    if plan_type == "employer_self_funded":
        return {"kind": "ebsa", **t["federal"]["ebsa"]}
    if plan_type in ("medicare_original", "medicare_advantage"):
        return {"kind": "medicare", **t["federal"]["medicare"]}
    from ..states import NAMES

    state_name = NAMES.get((state or "").upper(), state or "your state")
    if plan_type in ("medicaid", "medicaid_managed_care"):
        found = medicaid_table()["states"].get((state or "").lower())
        if found is not None:
            return {"kind": "medicaid", **found}
        return {"kind": "medicaid", "name": f"{state_name} Medicaid agency", "address": None, "phone": None,
                "unconfirmed": True}
    entry = t["states"].get((state or "").lower())
    if entry is None:
        return {"kind": "state", "name": f"{state_name} insurance department", "address": None, "phone": None,
                "unconfirmed": True}
    return {"kind": "state", **entry}
