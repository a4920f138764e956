"""Event `type`s: one list (model.EVENT_TYPES), the docs agree with it, the code reads nothing else, and a case that
uses a type no rule reads is loaded with one warning line (not an error: the format is free text, extend never break).

How the scan finds the types the code reads (its assumptions): it parses every module of src/billadvocate with `ast`
and takes each comparison (`==`, `!=`, `in`, `not in`) one side of which is an attribute named `type` (`e.type`,
`h.type`, `(e.type or "")`), and each `NAME[x.type]` / `NAME.get(x.type ...)`. The other side's strings count: a
literal, a tuple/list/set/dict of literals, or a module-level constant of the same module (also `A | B`). A type
read any other way (a local variable, a value from law/parameters) is not seen: the cease rule's
`federal.fdcpa.cease.allowed_after` and the letter kinds (`facts.sent(kind)`) are checked separately below.
`.type` of a letter kind (`k.type`) is compared with letter kind names, which are event types too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import yaml

from billadvocate.model import EVENT_TYPES
from tests.conftest import ROOT

SRC = ROOT / "src" / "billadvocate"


def _is_type(node: ast.AST) -> bool:
    if isinstance(node, ast.BoolOp):  # (e.type or "")
        return any(_is_type(v) for v in node.values)
    return isinstance(node, ast.Attribute) and node.attr == "type"


def _strings(node: ast.AST, consts: dict[str, ast.AST]) -> set[str]:
    if isinstance(node, ast.Constant):
        return {node.value} if isinstance(node.value, str) and node.value else set()
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return set().union(*(_strings(e, consts) for e in node.elts)) if node.elts else set()
    if isinstance(node, ast.Dict):
        return set().union(*(_strings(k, consts) for k in node.keys if k is not None)) if node.keys else set()
    if isinstance(node, ast.BinOp):
        return _strings(node.left, consts) | _strings(node.right, consts)
    if isinstance(node, ast.Name) and node.id in consts:
        return _strings(consts[node.id], consts)
    return set()


def read_types(source: str) -> set[str]:
    """The strings a module compares with an event's `.type`."""
    tree = ast.parse(source)
    consts = {t.id: n.value for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign))
              for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_type(s) for s in sides):
                found |= set().union(*(_strings(s, consts) for s in sides if not _is_type(s)))
        elif isinstance(node, ast.Subscript) and _is_type(node.slice):
            found |= _strings(node.value, consts)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and node.args and _is_type(node.args[0])):
            found |= _strings(node.func.value, consts)
    return found


def test_the_scan_sees_the_ways_rules_compare_types():
    src = ('A = ("x1", "x2")\nB = {"y1": 1}\nC = "z1"\n'
           'r = [h for h in hs if h.type == "lit" or "rev" == h.type or h.type in ("t1", "t2") or h.type not in A\n'
           '     or (e.type or "") in A | {"s1"} or h.type == C]\nd = B[h.type], B.get(e.type or "")\n'
           'p = plan.plan_type == "aca"\n')
    assert read_types(src) == {"lit", "rev", "t1", "t2", "x1", "x2", "s1", "y1", "z1"}


def test_every_type_the_code_reads_is_in_the_list():
    missing = {}
    for path in sorted(SRC.rglob("*.py")):
        for t in read_types(path.read_text(encoding="utf-8")) - EVENT_TYPES.keys():
            missing.setdefault(t, []).append(str(path.relative_to(ROOT)))
    assert not missing, f"event types read in the code but not in model.EVENT_TYPES (add them, with docs): {missing}"


def test_the_scan_finds_the_known_rules():
    seen = set().union(*(read_types(p.read_text(encoding="utf-8")) for p in SRC.rglob("*.py")))
    assert {"lawsuit", "judgment", "cease", "no_contact_at_work", "at_work", "asked_to_pay", "eca_notice",
            "bankruptcy_discharge", "fap_application", "sold", "credit_dispute", "appeal_decision"} <= seen


def test_letter_kinds_and_the_cease_exceptions_are_listed():
    from billadvocate import letters as L

    kinds = {k.type for k in L.all_kinds()}  # a sent letter is logged with its kind as type (facts.sent)
    fdcpa = yaml.safe_load((SRC / "law" / "parameters" / "federal" / "fdcpa.yaml").read_text(encoding="utf-8"))
    allowed = {t for v in fdcpa["cease"]["allowed_after"]["values"].values() for t in v["value"]}
    assert kinds - EVENT_TYPES.keys() == set()
    assert allowed - EVENT_TYPES.keys() == set()


def test_every_listed_type_is_documented():
    text = (ROOT / "docs" / "case-format.md").read_text(encoding="utf-8")
    section = text.split("## Event types", 1)[1].split("\n## ", 1)[0]
    assert [t for t in EVENT_TYPES if f"- `{t}`:" not in section] == []
    documented = {line.split("`")[1] for line in section.splitlines() if line.startswith("- `")}
    assert documented - EVENT_TYPES.keys() == set()


CASE = """billadvocate: 1
patient: {{name: Ana Ruiz, state: TX}}
accounts:
  - id: er-visit
    provider: {{name: General Hospital}}
    events:
      - {{at: 2026-10-01, kind: call, from: collector}}
      - {{at: 2026-10-02, kind: letter, from: patient, type: {t1}}}
      - {{at: 2026-10-03, kind: letter, from: patient, type: {t2}}}
"""


def _review(tmp_path: Path, t1: str, t2: str) -> subprocess.CompletedProcess:
    (tmp_path / "case.yaml").write_text(CASE.format(t1=t1, t2=t2), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "billadvocate", "review", str(tmp_path / "case.yaml")],
                          capture_output=True, text=True, cwd=tmp_path, env={**__import__("os").environ,
                                                                             "PYTHONPATH": str(ROOT / "src")})


def test_a_misspelt_type_gives_one_warning_and_the_review_still_runs(tmp_path):
    bad = _review(tmp_path, "no_contact_at_wrok", "no_contact_at_wrok")
    good = _review(tmp_path, "no_contact_at_work", "no_contact_at_work")
    warnings = [line for line in bad.stderr.splitlines() if "unknown event type" in line]
    assert warnings == [f"warning: {tmp_path / 'case.yaml'}: accounts[0].events[1].type: unknown event type "
                        "'no_contact_at_wrok' (did you mean 'no_contact_at_work'?): the event is kept, but no rule "
                        "reads this type (known types: docs/case-format.md, \"Event types\")"], bad.stderr
    assert bad.returncode == good.returncode == 0, bad.stderr
    assert "unknown event type" not in good.stderr and "warning" not in good.stderr, good.stderr
    assert bad.stdout == good.stdout.replace("no_contact_at_work", "no_contact_at_wrok")


def test_a_type_far_from_any_known_one_has_no_guess(tmp_path):
    out = _review(tmp_path, "zzqq", "dispute")
    assert "accounts[0].events[1].type: unknown event type 'zzqq': the event is kept" in out.stderr, out.stderr
    assert out.returncode == 0


def test_the_bundled_examples_and_scenarios_load_without_a_warning():
    """A new user's first run (the README's quick start) and every scenario case: no unknown-type warning."""
    from billadvocate.casefile import load_case, unknown_event_types

    cases = sorted((ROOT / "examples").glob("*/case.yaml")) + sorted((ROOT / "tests" / "scenarios").rglob("case.yaml"))
    assert len(cases) >= 3
    for path in cases:
        assert unknown_event_types(load_case(path), file=path.name) == [], path
