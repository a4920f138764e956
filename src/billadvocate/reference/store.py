"""Where reference data lives: the snapshot in the package, and imports in the user's data folder.

The user's folder is $BILLADVOCATE_HOME when set, else the platform's user data folder
(platformdirs), under `reference/`. Each folder has a manifest.json listing its releases. An import
writes its Parquet file and then the manifest, each atomically, so a failed import leaves the
folder as it was.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..util import atomic_write

SHIPPED_DIR = Path(__file__).parent / "data"
# other packages' shipped tables, listed with these (the CMS hospital directory: hospitals/data)
OTHER_SHIPPED_DIRS = (Path(__file__).parent.parent / "hospitals" / "data",)

# Medicare's payment schedules and edits, used only for dates of service from their earliest release on:
# a later year's schedule is no stand-in for an older one, as it does not err one way (the PFS conversion
# factor fell from $33.8872 in 2023 to $32.3465 in 2025, law federal.cms_pfs; lab rates were cut each year
# 2018-2020 under PAMA; a drug's ASP falls when generics come), and an NCCI or MUE edit binds only the claims
# of the quarter it is in force. Unpriced is safer for the patient than a ratio the billing office can rebut
# with the right year's rate: the audit's notes say which schedule is missing and how to import it. Only the
# fair-price estimate (the offer's anchor, not a claim of fact) takes the earliest rates for an older line, as a
# whole balance is no fairer an anchor (audit/benchmarks_sql.py `medicare_later`).
DATED_FROM_START = frozenset({"pfs_rvu", "gpci", "opps", "clfs", "asp", "dmepos", "msdrg", "opps_wage_index",
                              "ncci_ptp", "mue", "ncci_aoc"})
# ... save that a schedule CMS sets for a calendar year, whose quarterly files within the year correct and add
# codes (the July RVU24C is the CY 2024 fee schedule), covers its year from January 1st; ASP limits are set
# anew each quarter, NCCI and MUE edits each take effect on their quarter's first day, and the MS-DRG weights'
# year starts on October 1st, the release's own date
CALENDAR_YEAR = frozenset({"pfs_rvu", "gpci", "opps", "clfs", "dmepos", "opps_wage_index"})


def first_covered(r: "Release") -> date:
    """The first date of service the earliest release of its table is used for."""
    if r.table not in DATED_FROM_START:
        return date(1900, 1, 1)
    return r.effective_from.replace(month=1, day=1) if r.table in CALENDAR_YEAR else r.effective_from


def user_home() -> Path:
    env = os.environ.get("BILLADVOCATE_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("billadvocate", appauthor=False)


def user_reference_dir() -> Path:
    return user_home() / "reference"


@dataclass
class Release:
    """One dated edition of one table (for one setting), as listed in a manifest."""

    table: str
    file: Path
    effective_from: date
    effective_to: date | None = None
    setting: str | None = None
    source: str = ""
    licence: str = ""
    rows: int = 0
    origin: str = "shipped"  # shipped | imported
    extra: dict[str, Any] = field(default_factory=dict)
    applies_from: date = date(1900, 1, 1)  # the dates of service this release is used for
    applies_to: date = date(9999, 12, 31)

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "setting": self.setting, "effective_from": self.effective_from.isoformat(),
                "effective_to": self.effective_to.isoformat() if self.effective_to else None,
                "rows": self.rows, "origin": self.origin, "source": self.source, "licence": self.licence,
                "file": self.file.name, **self.extra}


_KNOWN = {"table", "setting", "file", "rows", "effective_from", "effective_to", "source", "licence"}


def read_manifest(folder: Path, origin: str) -> list[Release]:
    path = folder / "manifest.json"
    if not path.is_file():
        return []
    out = []
    for e in json.loads(path.read_text(encoding="utf-8")).get("releases", []):
        out.append(Release(
            table=e["table"], file=folder / e["file"], setting=e.get("setting"),
            effective_from=date.fromisoformat(e["effective_from"]),
            effective_to=date.fromisoformat(e["effective_to"]) if e.get("effective_to") else None,
            source=e.get("source", ""), licence=e.get("licence", ""), rows=int(e.get("rows", 0)),
            origin=origin, extra={k: v for k, v in e.items() if k not in _KNOWN}))
    return out


def all_releases(shipped: Path = SHIPPED_DIR, imported: Path | None = None) -> list[Release]:
    """Shipped and imported releases; an import of the same table, setting and start date wins.
    Each release gets the window of service dates it applies to: from its start to the day before
    the next release's start (the latest has no end: a schedule stays in force until the next one).
    The earliest release of a yardstick or edit table (DATED_FROM_START) covers no older dates: a line
    dated before it is not priced or edited by a later year's table; the audit says why, per line."""
    imported = user_reference_dir() if imported is None else imported
    chosen: dict[tuple, Release] = {}
    others = [r for d in OTHER_SHIPPED_DIRS for r in read_manifest(d, "shipped")] if shipped == SHIPPED_DIR else []
    for r in read_manifest(shipped, "shipped") + others + read_manifest(imported, "imported"):
        chosen[(r.table, r.setting, r.effective_from, r.extra.get("key"))] = r
    releases = sorted(chosen.values(), key=lambda r: (r.table, r.setting or "", r.effective_from))
    groups: dict[tuple, list[Release]] = {}
    for r in releases:
        if r.table != "prices":
            groups.setdefault((r.table, r.setting), []).append(r)
    for group in groups.values():
        for i, r in enumerate(group):
            r.applies_from = first_covered(r) if i == 0 else r.effective_from
            r.applies_to = group[i + 1].effective_from - timedelta(days=1) if i + 1 < len(group) else date(9999, 12, 31)
    return releases


def install(table: str, data: pa.Table, entry: dict[str, Any], folder: Path | None = None) -> Release:
    """Add (or replace) one release in the user's folder, atomically."""
    folder = user_reference_dir() if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / entry["file"]
    tmp = folder / f".{entry['file']}.part"
    try:
        pq.write_table(data, tmp, compression="zstd")
        manifest_path = folder / "manifest.json"
        current = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
        kept = [e for e in current.get("releases", []) if e["file"] != entry["file"]]
        os.replace(tmp, target)
        atomic_write(manifest_path, json.dumps({"releases": kept + [{"table": table, **entry}]}, indent=1) + "\n")
    finally:
        tmp.unlink(missing_ok=True)
    return next(r for r in read_manifest(folder, "imported") if r.file == target)
