"""The hospital directory in use: the newest release, shipped or imported, read once per process.

The package ships one CMS Hospital General Information release (data/manifest.json, SOURCES.md);
`billadvocate data import hospitals FILE` adds a newer one to the user's reference folder, where it
is listed by `data status` like every other reference table. The newest release wins.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..reference.store import Release, read_manifest, user_reference_dir
from .names import normal_name, normal_place
from .ownership import nonprofit_status

SHIPPED = Path(__file__).parent / "data"
TABLE = "hospitals"


def releases(imported: Path | None = None) -> list[Release]:
    """The shipped release and the user's imported ones, oldest first."""
    imported = user_reference_dir() if imported is None else imported
    found = read_manifest(SHIPPED, "shipped") + [r for r in read_manifest(imported, "imported") if r.table == TABLE]
    return sorted((r for r in found if r.file.is_file()), key=lambda r: (r.effective_from, r.origin == "imported"))


@dataclass(frozen=True)
class Directory:
    """One release's hospitals, with the normalised name and city kept for matching."""

    release: Release
    rows: tuple[dict[str, Any], ...]
    keys: tuple[str, ...]  # normalised "name city" per row
    names: tuple[str, ...]  # normalised name per row
    cities: tuple[str, ...]
    weights: dict[str, float]  # how telling each word is (rare words weigh more: log N/df)

    @property
    def label(self) -> str:
        """How the patient is told where a fact came from: CMS Hospital General Information, 2026-05."""
        return f"CMS Hospital General Information, {self.release.effective_from:%Y-%m}"

    def by_ccn(self, ccn: str) -> dict[str, Any] | None:
        from .cms_file import normal_ccn

        want = normal_ccn(ccn)
        return next((r for r in self.rows if r["ccn"] == want), None)


def describe(row: dict[str, Any]) -> dict[str, Any]:
    """A directory row as the JSON the lookup prints (score added by the search)."""
    nonprofit, why = nonprofit_status(row.get("ownership"))
    return {"ccn": row["ccn"], "name": row["name"], "address": row.get("address"), "city": row.get("city"),
            "state": row.get("state"), "zip": row.get("zip"), "type": row.get("type"),
            "ownership": row.get("ownership"), "nonprofit": nonprofit, "nonprofit_reason": why,
            "emergency": row.get("emergency")}


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> tuple[tuple, tuple, tuple, tuple, dict[str, float]]:
    rows = tuple(pq.read_table(path).to_pylist())
    names = tuple(normal_name(r["name"]) for r in rows)
    cities = tuple(normal_place(r.get("city")) for r in rows)
    keys = tuple(f"{n} {c}".strip() for n, c in zip(names, cities))
    df = Counter(w for k in keys for w in set(k.split()))
    weights = {w: math.log((len(keys) + 1) / (n + 0.5)) for w, n in df.items()}
    return rows, names, cities, keys, weights


def load(imported: Path | None = None, as_of: date | None = None) -> Directory | None:
    """The newest release (on or before `as_of` when given and one exists), or None if none is readable."""
    rels = releases(imported)
    if as_of is not None:
        rels = [r for r in rels if r.effective_from <= as_of] or rels
    for r in reversed(rels):  # the newest that can be read (a damaged import falls back to the one before)
        try:
            rows, names, cities, keys, weights = _load(r.file, r.file.stat().st_mtime)
        except (OSError, pa.ArrowException, KeyError):
            continue
        return Directory(release=r, rows=rows, keys=keys, names=names, cities=cities, weights=weights)
    return None
