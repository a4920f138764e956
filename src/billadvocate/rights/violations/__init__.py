"""The conduct rules, one per module; each module defines RULE. Discovered, not listed."""

from __future__ import annotations

from ...discovery import discover_rules
from ..rule import ConductRule


def all_rules() -> list[ConductRule]:
    return discover_rules(__name__, __path__, "conduct")
