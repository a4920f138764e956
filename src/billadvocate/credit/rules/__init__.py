"""The credit rules, one per module; each module defines RULE. Discovered, not listed."""

from __future__ import annotations

from ...discovery import discover_rules
from ..rule import CreditRule


def all_rules() -> list[CreditRule]:
    return discover_rules(__name__, __path__, "credit")
