"""Loading and checking parameter files: the citation guard lives here."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import LawDataError

# libyaml's C loader when the wheel has it: the law loads on every command
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_META_KEYS = {"description", "unit", "label", "last_checked", "note", "documentation"}


class LawNotInForce(KeyError):
    """A date before the law data begins (a review --as-of long ago): the user can choose a later date."""

    def __init__(self, path: str, as_of: date, first: date):
        self.path, self.as_of, self.first = path, as_of, first
        super().__init__(f"{path}: no value in force on {as_of} (first from {first})")

    def line(self) -> str:
        return (f"billadvocate's law data for {self.path} begins on {self.first.isoformat()}, after {self.as_of.isoformat()}: "
                f"review as of {self.first.isoformat()} or later (--as-of), or leave --as-of out")


@dataclass(frozen=True)
class Citation:
    title: str
    href: str | None = None

    def __str__(self) -> str:
        return self.title


@dataclass(frozen=True)
class DatedValue:
    start: date
    value: Any
    reference: tuple[Citation, ...]
    unconfirmed: bool = False
    note: str | None = None
    quote: str | None = None  # the words of the source that state the value (two sentences at most)
    source: str | None = None  # where the quote was read: official URLs or owner/repo/path@commit (" ; " between several)
    derived: str | None = None  # arithmetic from quoted figures, "28215 / 1.5 = 18810"
    proves: tuple[str, ...] = ()  # phrases of the quote that prove a value that is not a number
    policy: str | None = None  # why billadvocate chose this threshold (not a legal number)

    @property
    def citations(self) -> list[str]:
        return [c.title for c in self.reference]


@dataclass
class Parameter:
    path: str
    description: str
    values: list[DatedValue]
    unit: str | None = None
    last_checked: date | None = None
    file: str = ""
    meta: dict = field(default_factory=dict)

    def at(self, as_of: date) -> DatedValue:
        starts = [v.start for v in self.values]
        i = bisect_right(starts, as_of)
        if i == 0:
            raise LawNotInForce(self.path, as_of, starts[0])
        return self.values[i - 1]

    def in_force(self, as_of: date) -> bool:
        try:
            return self.at(as_of).value is not None
        except KeyError:
            return False


def _as_date(key: Any, where: str) -> date:
    if isinstance(key, date):
        return key
    try:
        return date.fromisoformat(str(key))
    except ValueError:
        raise LawDataError(f"{where}: {key!r} is not an effective date (YYYY-MM-DD)")


def _citations(raw: Any, where: str) -> tuple[Citation, ...]:
    if not raw or not isinstance(raw, list):
        raise LawDataError(f"{where}: no citation; every value needs reference: [{{title, href}}]")
    out = []
    for item in raw:
        if isinstance(item, str) and item.strip():
            out.append(Citation(item.strip()))
        elif isinstance(item, dict) and str(item.get("title", "")).strip():
            out.append(Citation(str(item["title"]).strip(), item.get("href")))
        else:
            raise LawDataError(f"{where}: a reference needs a title (the pinpoint citation)")
    return tuple(out)


_ENTRY_KEYS = {"value", "reference", "unconfirmed", "note", "quote", "source", "derived", "proves", "policy"}
# a source is an official web address or a file of a public repository at a commit
_SOURCE = re.compile(r"^(https?://\S+|[\w.-]+/[\w.-]+/\S.*@[0-9a-f]{7,40})$")


def _proof(entry: dict, where: str) -> dict:
    """The quote, its source and how it proves the value; the quote test checks they agree."""
    out: dict[str, Any] = {}
    for key in ("quote", "source", "derived", "policy"):
        raw = entry.get(key)
        if raw is None:
            continue
        if key == "source" and isinstance(raw, list) and raw and all(isinstance(r, str) for r in raw):
            bad = [r for r in raw if not _SOURCE.match(" ".join(r.split()))]
            if bad:
                raise LawDataError(f"{where}: source must be an https:// address or owner/repo/path@commit, "
                                   f"not {bad[0]!r}")
            raw = " ; ".join(" ".join(r.split()) for r in raw)
        if not isinstance(raw, str) or not raw.strip():
            raise LawDataError(f"{where}: {key} must be text")
        out[key] = " ".join(raw.split())
    if "source" in out and " ; " not in out["source"] and not _SOURCE.match(out["source"]):
        raise LawDataError(f"{where}: source must be an https:// address or owner/repo/path@commit, "
                           f"not {out['source']!r}")
    if ("quote" in out) != ("source" in out):
        raise LawDataError(f"{where}: a quote needs its source, and a source its quote")
    proves = entry.get("proves")
    if proves is not None:
        proves = [proves] if isinstance(proves, str) else proves
        if not isinstance(proves, list) or not all(isinstance(p, str) and p.strip() for p in proves):
            raise LawDataError(f"{where}: proves must be a phrase of the quote, or a list of them")
        out["proves"] = tuple(" ".join(p.split()) for p in proves)
    return out


def parse_parameter(path: str, node: dict, file: str) -> Parameter:
    raw_values = node.get("values")
    if not isinstance(raw_values, dict) or not raw_values:
        raise LawDataError(f"{file}: {path}: values must map effective dates to values")
    values = []
    for key, entry in raw_values.items():
        start = _as_date(key, f"{file}: {path}")
        where = f"{file}: {path} @ {start}"
        if not isinstance(entry, dict) or "value" not in entry:
            raise LawDataError(f"{where}: write each value as {{value: ..., reference: [...]}}")
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise LawDataError(f"{where}: unknown keys {sorted(unknown)}")
        unconfirmed = bool(entry.get("unconfirmed", False))
        if unconfirmed and not entry.get("note"):
            raise LawDataError(f"{where}: an unconfirmed value needs a note saying what is unconfirmed")
        values.append(DatedValue(start, entry["value"], _citations(entry.get("reference"), where),
                                 unconfirmed, entry.get("note"), **_proof(entry, where)))
    values.sort(key=lambda v: v.start)
    if not str(node.get("description", "")).strip():
        raise LawDataError(f"{file}: {path}: a parameter needs a description")
    last = node.get("last_checked")
    return Parameter(
        path=path,
        description=str(node["description"]).strip(),
        values=values,
        unit=node.get("unit"),
        last_checked=_as_date(last, f"{file}: {path}") if last else None,
        file=file,
        meta={k: v for k, v in node.items() if k not in _META_KEYS | {"values"}},
    )


def _walk(node: Any, prefix: str, file: str, out: dict[str, Parameter]) -> None:
    if not isinstance(node, dict):
        raise LawDataError(f"{file}: {prefix or '(top)'}: expected a mapping")
    if "values" in node:
        out[prefix] = parse_parameter(prefix, node, file)
        return
    for key, child in node.items():
        if key in _META_KEYS or key == "metadata":
            continue
        _walk(child, f"{prefix}.{key}" if prefix else str(key), file, out)


def _yaml(text: str):
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - safe loaders


def load_file(root: Path, file: Path, out: dict[str, Parameter]) -> None:
    """The parameters of one file under `root` (its path names their prefix) into `out`."""
    rel = file.relative_to(root).with_suffix("")
    try:
        data = _yaml(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise LawDataError(f"{file}: not valid YAML: {e}")
    if data is not None:
        _walk(data, ".".join(rel.parts), str(file.relative_to(root)), out)


def load_tree(root: Path) -> dict[str, Parameter]:
    """Every parameter under `root`; raises LawDataError on the first malformed value."""
    out: dict[str, Parameter] = {}
    for file in sorted(root.rglob("*.yaml")):
        load_file(root, file, out)
    return out
