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


def _state_of(path: str) -> str | None:
    return path.split(".")[1].upper() if path.startswith("states.") else None


def behind(citations: list[str] | tuple[str, ...], state: str | None = None) -> list[UnconfirmedValue]:
    """The unconfirmed values cited by a result (each once, in citation order). A citation shared by
    several states' values (a generic research note) counts only for `state`; without it, not at all."""
    index = _by_citation()
    out: list[UnconfirmedValue] = []
    for c in citations or ():
        values = index.get(c, ())
        states = {_state_of(v.path) for v in values} - {None}
        if state:
            values = tuple(v for v in values if _state_of(v.path) in (None, state.upper()))
        elif len(states) > 1:
            continue
        for v in values:
            if v not in out:
                out.append(v)
    return out


def explain(citations: list[str] | tuple[str, ...], state: str | None = None) -> str:
    """'unconfirmed law: <what> (from <date>): <what was searched>', for a result flagged unconfirmed."""
    values = behind(citations, state)
    if not values:
        return "unconfirmed law: a legal value used here was not found in primary text"
    parts = [f"{v.description} (the value from {v.start}): {v.note}" for v in values]
    return "unconfirmed law: " + "; ".join(dict.fromkeys(parts))  # a note shared by many states, once
