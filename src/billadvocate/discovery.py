"""Rule units are discovered, not listed: every module of a rules package defining RULE (or RULES)."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def discover_rules(package: str, path: list[str], kind: str) -> list[Any]:
    """The rules of `package` in module-name order; two rules with one id are a programming error."""
    found: list[Any] = []
    for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
        module = importlib.import_module(f"{package}.{info.name}")
        found.extend(getattr(module, "RULES", []) or ([module.RULE] if hasattr(module, "RULE") else []))
    ids = [r.id for r in found]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise RuntimeError(f"{kind} rule ids defined twice: {sorted(dupes)}")
    return found
