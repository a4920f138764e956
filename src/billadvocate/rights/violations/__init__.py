"""The conduct rules, one per module; each module defines RULE. Discovered, not listed."""

from __future__ import annotations

import importlib
import pkgutil

from ..rule import ConductRule


def all_rules() -> list[ConductRule]:
    found: list[ConductRule] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(getattr(module, "RULES", []) or ([module.RULE] if hasattr(module, "RULE") else []))
    ids = [r.id for r in found]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise RuntimeError(f"conduct rule ids defined twice: {sorted(dupes)}")
    return found
