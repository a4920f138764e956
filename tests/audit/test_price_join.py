"""The price rules read each line's yardstick from one shared join (audit/benchmarks_sql.py): the
findings, the fair prices and the no-yardstick notes must stay exactly what they were before it, on
the bundled examples and on bills covering every line type in every setting, for one case and at
scale (`audit_at_scale`).

The expected values are tests/audit/data/price_join_golden.json, written by the engine before the
shared join (`python -m tests.audit.test_price_join` rewrites it: only when a change of findings is
meant)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from billadvocate import load_case, review_case
from billadvocate.audit import audit_bills
from billadvocate.audit.engine import audit_at_scale
from billadvocate.audit.tables import bills_table, lines_table
from billadvocate.model import Bill, Line

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "data" / "price_join_golden.json"
AS_OF = date(2026, 11, 28)
D = date(2025, 3, 2)


def _line(n, code, charge, units=1, mods=(), rev=None, desc=None, d=D):
    return Line(line=n, date=d, code=code, description=desc or f"service {code}", units=Decimal(str(units)),
                charge=Decimal(charge), modifiers=list(mods), revenue_code=rev)


# every line type: an ED visit (OPPS), a packaged code (N), an OPPS status-A code (PFS), a lab (CLFS),
# drugs (ASP), equipment with and without a modifier (DMEPOS), a professional visit, the professional
# and technical parts of an image (26 / TC), a code with no price, a line without a code, zero units,
# a charge below the yardstick, a room-and-board line
EVERY_TYPE = [
    _line(1, "99284", "1320.00", rev="0450"),
    _line(2, "G0378", "1364.00", units=22, rev="0762"),
    _line(3, "97110", "300.00"),
    _line(4, "85025", "180.00", units=2, rev="0300"),
    _line(5, "80053", "310.00", rev="0301"),
    _line(6, "J1100", "90.00", units=10, rev="0636"),
    _line(7, "J2405", "40.00", units=4),
    _line(8, "E0114", "400.00", mods=["NU"]),
    _line(9, "E0114", "400.00", mods=["RR"]),
    _line(10, "E0114", "400.00"),
    _line(11, "99213", "900.00"),
    _line(12, "71046", "200.00", mods=["26"]),
    _line(13, "71046", "600.00", mods=["TC"]),
    _line(14, "ZZZ99", "500.00"),
    _line(15, None, "3000.00", rev="0120", desc="ROOM AND BOARD SEMI"),
    _line(16, "36415", "20.00", units=0),
    _line(17, "99285", "100.00"),
    _line(18, "74177", "2400.00"),
    _line(19, "A4253", "150.00"),
    _line(20, "93005", "120.00", d=date(2024, 8, 14)),
]

SETTINGS = {
    "outpatient": {"setting": "outpatient", "state": "CO"},
    "professional": {"setting": "professional", "state": "CO", "pfs_mac": "01112", "pfs_locality": "56"},
    "inpatient": {"setting": "inpatient", "state": "CO"},
    "undecided": {"provider_name": "Valley General Hospital", "state": "CO"},
    "medicare_nonpar": {"setting": "professional", "insurance_status": "medicare", "medicare_participating": False,
                        "provider_kind": "physician"},
}


def _finding(f) -> list:
    return [f.rule, f.severity, list(f.lines), str(f.amount), f.message]


def _bench(b: dict) -> dict:
    return {str(k): ({kk: str(vv) for kk, vv in v.items()} if isinstance(v, dict) else str(v)) for k, v in b.items()}


# a bill whose setting cannot be read from it: no revenue codes, no room and board, a hospital's name
UNDECIDED = [Line(**{**ln.__dict__, "revenue_code": None}) for ln in EVERY_TYPE if ln.line != 15]


def one_case(setting: str) -> dict:
    bill = Bill(source="every-type.csv", lines=list(UNDECIDED if setting == "undecided" else EVERY_TYPE))
    result = audit_bills([bill], facts=dict(SETTINGS[setting]), as_of=AS_OF)
    return {"findings": [_finding(f) for f in result.findings], "benchmarks": _bench(result.benchmarks),
            "notes": list(result.notes)}


def at_scale() -> list:
    """Every setting's bill as one claim of a claims table, audited by `audit_at_scale`."""
    con = duckdb.connect()
    pairs, bills = [], []
    facts_cols = {"setting", "state", "pfs_mac", "pfs_locality", "insurance_status", "medicare_participating",
                  "provider_kind"}
    tables = []
    for name, facts in SETTINGS.items():
        bill = Bill(source=name, lines=list(EVERY_TYPE))
        pairs = [(name, ln) for ln in EVERY_TYPE]
        tables.append((lines_table(pairs), bills_table([bill], {k: v for k, v in facts.items() if k in facts_cols})))
    import pyarrow as pa

    con.register("lines", pa.concat_tables([t[0] for t in tables]))
    con.register("bills", pa.concat_tables([t[1] for t in tables]))
    audit_at_scale(con, as_of=AS_OF)
    rows = con.execute("SELECT rule, severity, source, list_sort(lines), CAST(amount AS VARCHAR) FROM findings "
                       "ORDER BY ALL").fetchall()
    return [[r, s, src, list(ls), a] for r, s, src, ls, a in rows]


def examples() -> dict:
    out = {}
    for case_file in sorted((ROOT / "examples").glob("*/case.yaml")):
        review = review_case(load_case(case_file), as_of=AS_OF)
        out[case_file.parent.name] = [
            {"findings": [_finding(f) for f in a.audit.findings], "benchmarks": _bench(a.audit.benchmarks)}
            for a in review.accounts if a.audit is not None]
    return out


def everything() -> dict:
    return {"cases": {s: one_case(s) for s in SETTINGS}, "scale": at_scale(), "examples": examples()}


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text())


@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_every_line_type_gives_the_same_findings_and_fair_prices_as_before(golden, setting):
    assert one_case(setting) == golden["cases"][setting]


def test_at_scale_every_line_type_gives_the_same_findings_as_before(golden):
    assert at_scale() == golden["scale"]


def test_the_examples_give_the_same_findings_and_fair_prices_as_before(golden):
    assert examples() == golden["examples"]


def test_the_golden_file_prices_every_yardstick():
    """The file is not vacuous: each schedule names at least one finding, some lines have none."""
    text = GOLDEN.read_text()
    for name in ("APC", "Clinical Laboratory", "ASP", "DMEPOS", "Physician Fee Schedule", "packaged"):
        assert name in text, name


if __name__ == "__main__":
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps(everything(), indent=1, sort_keys=True) + "\n")
    print(f"wrote {GOLDEN}")
