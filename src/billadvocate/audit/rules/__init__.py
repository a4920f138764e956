"""The audit rules, one per module; each module defines RULE (or RULES). Discovered, not listed."""

from __future__ import annotations

from ...discovery import discover_rules
from ..rule import Rule


def all_rules() -> list[Rule]:
    return discover_rules(__name__, __path__, "audit")
