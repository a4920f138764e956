"""Which unconfirmed legal values a result rests on, and what was searched for them, in plain words.

Engines flag a finding, protection or deadline `unconfirmed` when a value it used was not found in
primary text. The output then names those values: each result carries the citations of the law it
used, and an unconfirmed value is known by its citation. `explain(citations)` gives the sentence the
patient sees instead of a bare "(unconfirmed law)".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache


@dataclass(frozen=True)
class UnconfirmedValue:
    path: str
    description: str
    start: date
    note: str


@lru_cache(maxsize=1)
def _by_citation() -> dict[str, tuple[UnconfirmedValue, ...]]:
    from . import law

    index: dict[str, list[UnconfirmedValue]] = {}
    for path, p in law().parameters.items():
        for v in p.values:
            if v.unconfirmed:
                for title in v.citations:
                    index.setdefault(title, []).append(UnconfirmedValue(path, p.description, v.start, v.note or ""))
    return {k: tuple(vs) for k, vs in index.items()}


def behind(citations: list[str] | tuple[str, ...]) -> list[UnconfirmedValue]:
    """The unconfirmed values cited by a result (each once, in citation order)."""
    index = _by_citation()
    out: list[UnconfirmedValue] = []
    for c in citations or ():
        for v in index.get(c, ()):
            if v not in out:
                out.append(v)
    return out


def explain(citations: list[str] | tuple[str, ...]) -> str:
    """'unconfirmed law: <what> (from <date>): <what was searched>', for a result flagged unconfirmed."""
    values = behind(citations)
    if not values:
        return "unconfirmed law: a legal value used here was not found in primary text"
    parts = [f"{v.description[:1].lower() + v.description[1:]} (the value from {v.start}): {v.note}" for v in values]
    return "unconfirmed law: " + "; ".join(dict.fromkeys(parts))  # a note shared by many states, once
