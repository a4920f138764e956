"""A claims extract's ambulance lines are priced by the ambulance fee schedule as the single-bill audit prices
them (the same yardstick and amount), and an air ambulance line or a ride before the earliest
conversion factor is not judged."""

from __future__ import annotations

from datetime import date

import duckdb

from billadvocate.audit import audit_bills
from billadvocate.ingest.csv_bill import read_csv_text
from billadvocate.batch.run import run_batch

AS_OF = date(2026, 11, 28)
AMBULANCE_CLAIMS = ("patient_id,claim_id,line,service_date,code,revenue_code,units,charge\n"
                    "P1,A1,1,2026-03-02,A0427,0540,1,2400.00\n"
                    "P1,A1,2,2026-03-02,A0425,0540,10,700.00\n"
                    "P2,A2,1,2026-03-02,A0431,0540,1,40000.00\n"
                    "P3,A3,1,2023-06-01,A0429,0540,1,3000.00\n")


def test_a_claims_extract_prices_ambulance_lines_as_the_single_bill_audit_does(tmp_path):
    src = tmp_path / "in" / "rides.csv"
    src.parent.mkdir()
    src.write_text(AMBULANCE_CLAIMS)
    run_batch([src], tmp_path / "out", as_of=AS_OF)
    batch = sorted(duckdb.sql(f"SELECT claim_id, lines, amount, message FROM read_parquet('{tmp_path}/out/findings.parquet') "
                              "WHERE rule = 'BILL.PRICE_OUTLIER'").fetchall(), key=lambda r: r[1])
    assert [(r[0], list(r[1])) for r in batch] == [("A1", [1]), ("A1", [2])]
    bill = read_csv_text("line,date,code,revenue code,units,charge\n1,2026-03-02,A0427,0540,1,2400.00\n"
                         "2,2026-03-02,A0425,0540,10,700.00\n", file="A1")
    single = sorted((f for f in audit_bills([bill], as_of=AS_OF).findings if f.rule == "BILL.PRICE_OUTLIER"),
                    key=lambda f: f.lines)
    assert [f.amount for f in single] == [r[2] for r in batch]  # a batch finding's message is the rule's summary
    assert "ambulance fee schedule base rate" in single[0].message and "ground mileage rate" in single[1].message
