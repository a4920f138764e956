"""Load a case file (YAML or JSON, spec/case-format.md) into the canonical model.

Every problem becomes one BadInput line naming the file and the field, e.g.
`case.yaml: accounts[0].care.start: '2025-02-30' is not a real date (day is out of range)`.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import BadInput
from .model import EVENT_TYPES, Case


class _CaseYamlLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so pydantic parses them and names the field."""


_CaseYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_document(text: str, *, file: str) -> Any:
    """YAML (of which JSON is a subset) to Python data, or one clear BadInput."""
    stripped = text.lstrip()
    if stripped.startswith("{") or stripped.startswith("["):
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise BadInput(f"not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})", file=file)
        except RecursionError:
            raise BadInput(_TOO_DEEP, file=file)
    try:
        return yaml.load(text, Loader=_CaseYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise BadInput(f"not valid YAML: {problem}", file=file, where=where)
    except RecursionError:
        raise BadInput(_TOO_DEEP, file=file)


_TOO_DEEP = "is nested far deeper than any case file: check that it is the case file, not another document"


def field_path(loc: tuple) -> str:
    """('accounts', 0, 'care', 'start') -> 'accounts[0].care.start'"""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = "from" if part == "from_" else str(part)
            out += f".{name}" if out else name
    return out or "(top level)"


def _friendly(err: dict) -> str:
    kind = err.get("type", "")
    value = err.get("input")
    msg = err.get("msg", "invalid")
    if kind == "missing":
        return "is required but missing: add it to the case file"
    if kind == "extra_forbidden":
        return "is not a field of the case format (spec/case-format.md): check the spelling"
    if kind.startswith("date") or kind.startswith("datetime"):
        detail = msg.split(",", 1)[-1].strip() if "," in msg else msg
        return f"{value!r} is not a real date ({detail}); write it as YYYY-MM-DD"
    if kind == "greater_than_equal" and isinstance(value, (int, float, str)):
        return f"{value!r} cannot be negative"
    if kind == "literal_error":
        return f"{value!r} is not allowed: {msg.replace('Input should be ', 'use ')}"
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    return f"{value!r}: {msg}" if value is not None and not isinstance(value, (dict, list)) else msg


# the field a whole-case check names at the start of its message ('accounts[0].care.start: ...', 'contact.relationship: ...')
_WHOLE_CASE_FIELD = re.compile(r"^(accounts|contact|patient)(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*: ")


def validate_case(data: Any, *, file: str) -> Case:
    if not isinstance(data, dict):
        raise BadInput("a case file must be a mapping with billadvocate, patient and accounts", file=file)
    try:
        return Case.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = err.get("loc", ())
        msg = _friendly(err)
        if loc == () and _WHOLE_CASE_FIELD.match(msg):  # raised by a whole-case check: 'accounts[1].id: ...'
            where, _, msg = msg.partition(": ")
            raise BadInput(msg, file=file, where=where)
        raise BadInput(msg, file=file, where=field_path(loc))


def load_case(path: str | Path, *, check_files: bool = True) -> Case:
    """Read and validate a case file. Bill and EOB paths must exist, relative to the file."""
    path = Path(path)
    file = str(path)
    if not path.exists():
        raise BadInput("no such file: check the path to the case file", file=file)
    if path.is_dir():
        for name in ("case.yaml", "case.yml", "case.json"):
            if (path / name).exists():
                return load_case(path / name, check_files=check_files)
        raise BadInput("is a folder without a case.yaml in it", file=file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("is not a text file: a case file is YAML or JSON", file=file)
    data = parse_document(text, file=file)
    case = validate_case(data, file=file)
    case_dir = path.parent
    for rel, where in _named_files(case):
        target = inside_case(case_dir, rel, file=file, where=where)
        if check_files and not target.is_file():
            raise BadInput(f"file not found: {rel} (paths are relative to the case file)", file=file, where=where)
    case._dir = case_dir
    warn_unknown_event_types(case, file=file)
    return case


def unknown_event_types(case: Case, *, file: str) -> list[str]:
    """One line per event `type` no rule reads (first place it occurs), with the closest known type if one is close.
    Such an event is kept: the format is free text, so this is a warning, not an error."""
    events = [(f"accounts[{i}].events[{j}].type", e) for i, a in enumerate(case.accounts) for j, e in enumerate(a.events)]
    if case.credit_report is not None:
        events += [(f"credit_report.events[{j}].type", e) for j, e in enumerate(case.credit_report.events)]
    seen: dict[str, str] = {}
    for where, e in events:
        if e.type and e.type not in EVENT_TYPES and e.type not in seen:
            seen[e.type] = where
    lines = []
    for value, where in seen.items():
        close = difflib.get_close_matches(value, EVENT_TYPES, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        lines.append(f"warning: {file}: {where}: unknown event type '{value}'{hint}: the event is kept, "
                     "but no rule reads this type (known types: docs/case-format.md, \"Event types\")")
    return lines


def warn_unknown_event_types(case: Case, *, file: str) -> None:
    for line in unknown_event_types(case, file=file):
        print(line, file=sys.stderr)


def _named_files(case: Case):
    """Every (path, field) a case file names: bills, EOBs and documents."""
    for i, account in enumerate(case.accounts):
        for kind in ("bill", "eob"):
            for j, rel in enumerate(getattr(account, kind)):
                yield rel, f"accounts[{i}].{kind}[{j}]"
    for j, doc in enumerate(case.documents):
        yield doc.path, f"documents[{j}].path"


def inside_case(base: Path, rel: str, *, file: str | None = None, where: str | None = None) -> Path:
    """The file `rel` names, resolved after links, only when it stays inside the case's folder.

    A case file is often somebody else's (an emailed archive, a web upload): it must not make
    billadvocate read /etc/passwd or another client's files into the case (and then serve them)."""
    fix = "name a file inside the case's folder, relative to the case file"
    if any(ord(c) < 32 for c in rel):
        raise BadInput(f"{rel!r} has control characters: {fix}", file=file, where=where)
    if PurePosixPath(rel).is_absolute() or PureWindowsPath(rel).is_absolute() or PureWindowsPath(rel).drive \
            or rel.startswith("~"):
        raise BadInput(f"{rel!r} is an absolute path: {fix}", file=file, where=where)
    parts = PureWindowsPath(rel).parts  # splits on / and \\ alike
    if ".." in parts:
        raise BadInput(f"{rel!r} climbs out of the case's folder with '..': {fix}", file=file, where=where)
    root = base.resolve()
    target = (root / rel).resolve()
    if not target.is_relative_to(root):
        raise BadInput(f"{rel!r} leads outside the case's folder through a link: {fix}", file=file, where=where)
    return target


def case_dir(case: Case) -> Path:
    """The folder a loaded case's relative paths start from."""
    return case._dir or Path(".")
