"""Values that reach DuckDB's SQL text: quoted, or checked against what they may be. Never pasted
as typed (a folder named `x'; COPY ... TO '/etc/...` must stay a folder name)."""

from __future__ import annotations

import re

from ..errors import BadInput

_MEMORY = re.compile(r"(\d{1,7}(?:\.\d{1,3})?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


def literal(text) -> str:
    """A SQL string literal holding TEXT (a file path): quotes doubled, no control characters."""
    text = str(text)
    if any(ord(c) < 32 for c in text):
        raise BadInput(f"{text[:80]!r} has control characters: use a plain file or folder name")
    return "'" + text.replace("'", "''") + "'"


def memory_limit(text: str) -> str:
    """--memory-limit as DuckDB reads it: a number and a unit (500MB, 3GB, 1.5GiB)."""
    m = _MEMORY.fullmatch(str(text).strip())
    if not m or float(m.group(1)) <= 0:
        raise BadInput(f"--memory-limit {str(text)[:40]!r} is not an amount of memory: write a number and a "
                       "unit, like 500MB or 3GB")
    return f"{m.group(1)}{m.group(2).upper().replace('I', 'i')}"
