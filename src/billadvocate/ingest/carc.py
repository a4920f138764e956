"""Claim Adjustment Reason Codes and group codes in plain words (package data, data/carc.yaml)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _table() -> dict:
    text = resources.files(__package__).joinpath("data/carc.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def source() -> str:
    """Where the codes come from (shown with the meanings)."""
    return _table()["source"]


@lru_cache(maxsize=256)
def group_meaning(group: str | None) -> str:
    """'CO' -> 'contractual obligation: ...'; '' for an unknown group."""
    return _table()["groups"].get((group or "").strip().upper(), "")


@lru_cache(maxsize=1024)
def reason_meaning(code: str | None) -> str:
    """'45' -> plain words; an unknown code -> 'reason code X (see the X12 code list)'."""
    if not code:
        return ""
    entry = _table()["codes"].get(str(code).strip().upper())
    if entry:
        return entry["meaning"]
    return f"reason code {code} (see the X12 code list at x12.org/codes)"


def appealable(code: str | None) -> bool:
    """Whether a reason code denies or cuts payment for a reason that can be contested."""
    entry = _table()["codes"].get(str(code or "").strip().upper())
    return bool(entry and entry.get("appealable"))


# Patient-responsibility reasons that are cost sharing rather than a denial.
DEDUCTIBLE, COINSURANCE, COPAY = "1", "2", "3"
