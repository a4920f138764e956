"""The case-file loader: the examples load; each kind of bad input names the file and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from billadvocate.casefile import load_case
from billadvocate.errors import BadInput
from tests.conftest import EXAMPLES

EXAMPLE_CASES = sorted(EXAMPLES.glob("*/case.yaml"))

MINIMAL = """\
billadvocate: 1
patient: {state: CA}
household: {size: 2, annual_income: 30000}
accounts:
  - id: a1
    provider: {name: General Hospital}
    care: {start: 2025-03-02, end: 2025-03-04}
"""


def write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


@pytest.mark.parametrize("path", EXAMPLE_CASES, ids=lambda p: p.parent.name)
def test_every_example_case_loads(path):
    case = load_case(path)
    assert case.accounts and case.patient.state


def test_minimal_case_loads_with_defaults(tmp_path):
    case = load_case(write(tmp_path, MINIMAL))
    assert case.accounts[0].care.start.isoformat() == "2025-03-02"
    assert case.patient.zone == "America/Los_Angeles"
    assert case.household.annual_income == 30000


def test_json_case_loads(tmp_path):
    data = {"billadvocate": 1, "patient": {"state": "ny"},
            "accounts": [{"id": "x", "provider": {"name": "P"}}]}
    case = load_case(write(tmp_path, json.dumps(data), "case.json"))
    assert case.patient.state == "NY"


def test_a_folder_means_its_case_yaml(tmp_path):
    write(tmp_path, MINIMAL)
    assert load_case(tmp_path).accounts[0].id == "a1"


@pytest.mark.parametrize("old,new,where,words", [
    ("state: CA", "state: ZZ", "patient.state", "unknown state 'ZZ'"),
    ("start: 2025-03-02", "start: 2025-02-30", "accounts[0].care.start", "not a real date"),
    ("annual_income: 30000", "annual_income: -5", "household.annual_income", "cannot be negative"),
    ("  - id: a1\n", "  - account_number: X\n", "accounts[0].id", "required"),
    ("end: 2025-03-04", "end: 2025-03-01", "accounts[0].care", "before start"),
    ("size: 2", "size: 0", "household.size", ""),
    ("billadvocate: 1", "billadvocate: 2", "billadvocate", "not allowed"),
    ("household:", "housheold:", "housheold", "not a field"),
])
def test_bad_field_names_file_and_field(tmp_path, old, new, where, words):
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new, 1))
    with pytest.raises(BadInput) as e:
        load_case(path)
    line = e.value.line()
    assert line.startswith(f"{path}: {where}"), line
    assert words in line
    assert "\n" not in line


def test_missing_bill_file_is_named(tmp_path):
    path = write(tmp_path, MINIMAL + "    bill: [bills/nope.csv]\n")
    with pytest.raises(BadInput) as e:
        load_case(path)
    assert "accounts[0].bill[0]" in e.value.line() and "bills/nope.csv" in e.value.line()


def test_duplicate_account_ids_are_refused(tmp_path):
    text = MINIMAL + "  - id: a1\n    provider: {name: Other}\n"
    with pytest.raises(BadInput, match="used twice"):
        load_case(write(tmp_path, text))


@pytest.mark.parametrize("text,words", [
    ("billadvocate: 1\npatient: [unclosed\n", "not valid YAML"),
    ("{\"billadvocate\": 1,", "not valid JSON"),
    ("just a sentence", "must be a mapping"),
])
def test_not_yaml_is_one_line(tmp_path, text, words):
    with pytest.raises(BadInput, match=words):
        load_case(write(tmp_path, text))


def test_binary_file_is_refused(tmp_path):
    p = tmp_path / "case.yaml"
    p.write_bytes(b"\xff\xfe\x00\x81binary")
    with pytest.raises(BadInput, match="not a text file"):
        load_case(p)


def test_missing_file(tmp_path):
    with pytest.raises(BadInput, match="no such file"):
        load_case(tmp_path / "absent.yaml")


def test_event_bare_date_is_a_date_and_time_keeps_zone(tmp_path):
    text = MINIMAL + ("    events:\n      - {at: 2026-10-25, kind: letter, from: patient, type: dispute}\n"
                      "      - {at: '2026-10-15T07:45:00-07:00', kind: call, from: collector}\n")
    case = load_case(write(tmp_path, text))
    first, second = case.accounts[0].events
    assert type(first.at).__name__ == "date"
    assert second.at.utcoffset().total_seconds() == -7 * 3600
