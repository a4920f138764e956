"""A small claim extract whose findings are known, as CSV and as Parquet."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

HEADER = ["patient_id", "claim_id", "line", "service_date", "code", "units", "charge", "modifiers", "provider"]
ROWS = [
    # C1: CBC twice on one day, no modifier -> BILL.DUPLICATE lines 1, 2
    ["P1", "C1", 1, "2025-03-02", "85025", 1, "45.00", "", "Clinic A"],
    ["P1", "C1", 2, "2025-03-02", "85025", 1, "45.00", "", "Clinic A"],
    # C2: CMP with a creatinine on the same day (NCCI column 2 of 80053, indicator 1, no modifier)
    ["P1", "C2", 1, "2025-03-05", "80053", 1, "14.00", "", "Lab B"],
    ["P1", "C2", 2, "2025-03-05", "82565", 1, "7.00", "", "Lab B"],
    # C3: venipuncture x5 on one day (MUE 2) -> BILL.MUE
    ["P2", "C3", 1, "2025-04-10", "36415", 5, "15.00", "", "Clinic A"],
    # C4: the same CBC twice but the second with modifier 91 -> nothing
    ["P2", "C4", 1, "2025-04-11", "85025", 1, "9.00", "", "Clinic A"],
    ["P2", "C4", 2, "2025-04-11", "85025", 1, "9.00", "91", "Clinic A"],
    # C5: the CMP/creatinine pair with modifier 59 on the column-2 code -> nothing
    ["P3", "C5", 1, "2025-05-01", "80053", 1, "14.00", "", "Lab B"],
    ["P3", "C5", 2, "2025-05-01", "82565", 1, "7.00", "59", "Lab B"],
]
EXPECTED = {("BILL.DUPLICATE", "C1", (1, 2)), ("BILL.NCCI_PTP", "C2", (1, 2)), ("BILL.MUE", "C3", (1,))}


@pytest.fixture
def claims_csv(tmp_path: Path) -> Path:
    p = tmp_path / "in" / "claims.csv"
    p.parent.mkdir()
    with p.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(ROWS)
    return p


@pytest.fixture
def claims_parquet(claims_csv: Path, tmp_path: Path) -> Path:
    p = tmp_path / "pq" / "claims.parquet"
    p.parent.mkdir()
    duckdb.sql(f"COPY (SELECT * FROM read_csv('{claims_csv}', header = true, all_varchar = true)) "
               f"TO '{p}' (FORMAT parquet)")
    return p


def keyed(findings_path: Path) -> set[tuple]:
    rows = duckdb.sql(f"SELECT rule, claim_id, lines FROM read_parquet('{findings_path}')").fetchall()
    return {(r, c, tuple(ls)) for r, c, ls in rows}
