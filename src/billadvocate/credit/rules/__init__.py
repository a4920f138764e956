"""The credit rules, one per module; each module defines RULE. Discovered, not listed."""

from __future__ import annotations

import importlib
import pkgutil

from ..rule import CreditRule


def all_rules() -> list[CreditRule]:
    found: list[CreditRule] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "RULE"):
            found.append(module.RULE)
    ids = [r.id for r in found]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise RuntimeError(f"credit rule ids defined twice: {sorted(dupes)}")
    return found
