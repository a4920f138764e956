"""A case file is often somebody else's: every path it names stays inside its folder, and no value
a person can type (a year 20250, $1e30, a megabyte of text) gets past the loader."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from billadvocate.casefile import load_case
from billadvocate.errors import BadInput
from tests.conftest import EXAMPLES

ER = EXAMPLES / "er-visit-nonprofit"


def case_with_bill(tmp_path: Path, bill: str, check_files: bool = True):
    folder = tmp_path / "case"
    folder.mkdir(exist_ok=True)
    (folder / "case.yaml").write_text(f"""\
billadvocate: 1
patient: {{state: CA}}
accounts:
  - id: a1
    provider: {{name: General Hospital}}
    bill: [{json.dumps(bill)}]
""")
    return load_case(folder / "case.yaml", check_files=check_files)


@pytest.mark.parametrize("bill,says", [
    ("/etc/passwd", "absolute path"),
    ("~/secrets.csv", "absolute path"),
    ("C:\\Windows\\win.ini", "absolute path"),
    ("../other-client/bill.csv", "climbs out"),
    ("bills/../../other-client/bill.csv", "climbs out"),
    ("bills\\..\\..\\x.csv", "climbs out"),
    ("bill\n.csv", "control characters"),
])
def test_a_path_that_leaves_the_case_folder_is_refused_even_unchecked(tmp_path, bill, says):
    for check_files in (True, False):
        with pytest.raises(BadInput, match=says) as e:
            case_with_bill(tmp_path, bill, check_files=check_files)
        assert "accounts[0].bill[0]" in e.value.line() and "case.yaml" in e.value.line()


def test_a_link_out_of_the_case_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text("code,charge\n99213,100\n")
    folder = tmp_path / "case"
    folder.mkdir()
    os.symlink(outside, folder / "bill.csv")
    with pytest.raises(BadInput, match="outside the case's folder through a link"):
        case_with_bill(tmp_path, "bill.csv")
    os.symlink(tmp_path, folder / "up")  # a linked folder is the same escape
    with pytest.raises(BadInput, match="through a link"):
        case_with_bill(tmp_path, "up/outside.csv")


def test_a_link_that_stays_inside_the_case_folder_is_fine(tmp_path):
    folder = tmp_path / "case"
    (folder / "bills").mkdir(parents=True)
    (folder / "bills" / "bill.csv").write_text("code,charge\n99213,100\n")
    os.symlink(folder / "bills" / "bill.csv", folder / "latest.csv")
    case = case_with_bill(tmp_path, "latest.csv")
    assert case.accounts[0].bill == ["latest.csv"]


def test_documents_paths_are_held_to_the_same_rule(tmp_path):
    (tmp_path / "case.yaml").write_text("""\
billadvocate: 1
patient: {state: CA}
accounts: [{id: a1, provider: {name: H}}]
documents: [{path: /etc/hostname, kind: notice}]
""")
    with pytest.raises(BadInput, match=r"documents\[0\].path: '/etc/hostname' is an absolute path"):
        load_case(tmp_path / "case.yaml")


def test_review_of_an_escaping_case_exits_2_with_one_line(tmp_path, cli):
    (tmp_path / "case.yaml").write_text("""\
billadvocate: 1
patient: {state: CA}
accounts: [{id: a1, provider: {name: H}, bill: [/etc/passwd]}]
""")
    r = cli("review", tmp_path / "case.yaml")
    assert r.code == 2 and "absolute path" in r.err and len(r.err.strip().splitlines()) == 1
    assert "Traceback" not in r.err


@pytest.mark.parametrize("field,value,says", [
    ("first_bill_date", "2999-01-01", "not between 1900 and 2100"),
    ("first_bill_date", "1899-12-31", "not between 1900 and 2100"),
    ("balance", "100000000.01", "beyond any real amount"),
    ("balance", "1e30", "beyond any real amount"),
    ("account_number", "'" + "7" * 20_001 + "'", "characters long"),
])
def test_values_beyond_any_real_case_are_refused_naming_the_field(tmp_path, field, value, says):
    (tmp_path / "case.yaml").write_text(f"""\
billadvocate: 1
patient: {{state: CA}}
accounts: [{{id: a1, provider: {{name: H}}, {field}: {value}}}]
""")
    with pytest.raises(BadInput, match=says) as e:
        load_case(tmp_path / "case.yaml")
    assert f"accounts[0].{field}" in e.value.line()


def test_values_at_the_edges_still_load(tmp_path):
    (tmp_path / "case.yaml").write_text("""\
billadvocate: 1
patient: {state: CA}
household: {size: 1, annual_income: 100000000}
accounts: [{id: a1, provider: {name: H}, first_bill_date: 1900-01-01, balance: 100000000,
            events: [{at: '2100-12-31T23:59', kind: call, from: collector}]}]
""")
    case = load_case(tmp_path / "case.yaml")
    assert case.household.annual_income == 100_000_000


def test_a_deeply_nested_case_file_is_one_line_not_a_crash(tmp_path):
    (tmp_path / "case.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(BadInput, match="nested"):
        load_case(tmp_path / "case.json")
    (tmp_path / "case.yaml").write_text("a: " + "[" * 5_000 + "]" * 5_000 + "\n")
    with pytest.raises(BadInput):
        load_case(tmp_path / "case.yaml")
