"""A small FHIR Shorthand (FSH) instance reader, enough to turn the CARIN BB examples into JSON.

Test helper only (SUSHI and the FHIR packages are not available offline). It understands the rules
the CARIN examples use: `* path = value`, indexes [+] [=] [n], named slices (fixed category filled
from the slice name, as the profile would), indented rules, codes `System#code "display"`,
Reference(X), strings, numbers, booleans. Top-level code elements (status, outcome, use) stay codes;
other `#code` values become CodeableConcepts.
"""

from __future__ import annotations

import re
from typing import Any

PLAIN_CODES = {"status", "outcome", "use", "language", "currency", "gender"}
RULE = re.compile(r"^(\s*)\*\s+(\S+)(?:\s*=\s*(.+))?$")
PART = re.compile(r"([A-Za-z0-9_\-]+)((?:\[[^\]]+\])*)")


def _value(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith('"'):
        return raw.strip('"')
    if raw in ("true", "false"):
        return raw == "true"
    m = re.match(r'^Reference\(([^)]+)\)(?:\s+"([^"]*)")?$', raw)
    if m:
        return {"reference": m.group(1), **({"display": m.group(2)} if m.group(2) else {})}
    m = re.match(r'^([^\s#"]*)#([^\s"]+)(?:\s+"([^"]*)")?$', raw)
    if m:
        coding = {"system": m.group(1) or None, "code": m.group(2)}
        if m.group(3):
            coding["display"] = m.group(3)
        return ("code", {k: v for k, v in coding.items() if v})
    if re.match(r"^-?\d+(\.\d+)?$", raw):
        return float(raw) if "." in raw else int(raw)
    return raw


def _set(node: dict, parts: list[tuple[str, list[str]]], value: Any, cursors: dict) -> None:
    path_key = ""
    for depth, (name, idx) in enumerate(parts):
        last = depth == len(parts) - 1
        path_key += "." + name
        if not idx:
            if last:
                _assign(node, name, value, top=depth == 0)
                return
            node = node.setdefault(name, {})
            continue
        if not isinstance(node.get(name), list):
            node[name] = []
        lst = node[name]
        slice_name = None
        position = None
        for token in idx:
            if token == "+":
                position = "+"
            elif token == "=":
                position = "="
            elif token.isdigit():
                position = int(token)
            else:
                slice_name = token
        key = (id(lst), slice_name)
        members = cursors.setdefault(("members",) + key, [])
        if position == "+" or (position is None and not members) or (isinstance(position, int) and position >= len(members)):
            item: dict = {}
            if slice_name and name in ("adjudication", "total") and slice_name != "adjudicationamounttype":
                item["category"] = {"coding": [{"code": slice_name}]}
            lst.append(item)
            members.append(item)
            cursors[key] = item
        elif position == "=" or position is None:
            item = cursors.get(key) or members[-1]
        else:
            item = members[position]
            cursors[key] = item
        if last:
            if isinstance(value, tuple):
                item.update({"coding": [value[1]]})
            else:
                item.update(value if isinstance(value, dict) else {"value": value})
            return
        node = item


def _assign(node: dict, name: str, value: Any, *, top: bool) -> None:
    if isinstance(value, tuple):
        if top and name in PLAIN_CODES or name in ("currency",):
            node[name] = value[1]["code"]
        else:
            node.setdefault(name, {})["coding"] = [value[1]]
    elif name == "text" or not isinstance(node.get(name), dict):
        node[name] = value
    else:
        node[name].update(value if isinstance(value, dict) else {"value": value})


def fsh_to_json(text: str) -> dict:
    """The first Instance of an FSH file as FHIR JSON (a dict)."""
    resource: dict = {}
    cursors: dict = {}
    stack: list[tuple[int, str]] = []
    kind = None
    for raw in text.splitlines():
        if raw.startswith("InstanceOf:"):
            kind = raw.split(":", 1)[1].strip()
        line = raw.split("//")[0].rstrip() if not raw.strip().startswith("//") else ""
        m = RULE.match(line)
        if not m:
            continue
        indent, path, value = len(m.group(1)), m.group(2).strip(), m.group(3)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        full = ".".join([p for _, p in stack] + [path])
        if value is None:  # a path that indented rules continue
            stack.append((indent, path.replace("[+]", "[=]")))
            parts = [(n, re.findall(r"\[([^\]]+)\]", i)) for n, i in PART.findall(path)]
            _touch(resource, [(n, re.findall(r"\[([^\]]+)\]", i)) for n, i in PART.findall(".".join(p for _, p in stack[:-1]))] + parts, cursors)
            continue
        parts = [(n, re.findall(r"\[([^\]]+)\]", i)) for n, i in PART.findall(full)]
        _set(resource, parts, _value(value), cursors)
    resource["resourceType"] = "ExplanationOfBenefit" if kind and "ExplanationOfBenefit" in kind else kind
    return resource


def _touch(resource: dict, parts, cursors) -> None:
    """Create the element a bare path names (its following indented rules fill it)."""
    node = resource
    for depth, (name, idx) in enumerate(parts):
        if not idx:
            node = node.setdefault(name, {})
            continue
        if not isinstance(node.get(name), list):
            node[name] = []
        lst = node[name]
        slice_name = next((t for t in idx if not t.isdigit() and t not in "+="), None)
        pos = next((t for t in idx if t.isdigit() or t in "+="), None)
        key = (id(lst), slice_name)
        members = cursors.setdefault(("members",) + key, [])
        if pos == "+" or pos is None and not members or pos and pos.isdigit() and int(pos) >= len(members):
            item: dict = {}
            if slice_name and name in ("adjudication", "total") and slice_name != "adjudicationamounttype":
                item["category"] = {"coding": [{"code": slice_name}]}
            lst.append(item)
            members.append(item)
        else:
            item = members[int(pos)] if pos and pos.isdigit() else members[-1]
        cursors[key] = item
        node = item
