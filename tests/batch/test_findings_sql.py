"""The batch findings statement: claims keyed by a hash of their id give the same findings, field for
field, as claims keyed by the id itself, and the message names the claim and its lines in order."""

from __future__ import annotations

from datetime import date

import duckdb

from billadvocate.batch.findings_sql import audit_bucket, finding_rows_sql
from billadvocate.batch.inputs import inspect_all
from billadvocate.batch.stage import select_normalised

AS_OF = date(2026, 12, 5)


def _findings(path, keys):
    con = duckdb.connect()
    source = "\nUNION ALL\n".join(select_normalised(f) for f in inspect_all([path]))
    used = audit_bucket(con, source, setting=None, as_of=AS_OF, keys=keys)
    rows = con.execute(f"SELECT * FROM ({finding_rows_sql()}) ORDER BY ALL").fetchall()
    return used, rows


def test_hash_keys_give_the_same_findings_as_text_keys(claims_csv):
    used, by_hash = _findings(claims_csv, None)
    assert used == "hash"  # five claim ids, five different hashes
    assert _findings(claims_csv, "text")[1] == by_hash
    assert {(r[0], r[3]) for r in by_hash} >= {("BILL.DUPLICATE", "C1"), ("BILL.NCCI_PTP", "C2"), ("BILL.MUE", "C3")}


def test_the_message_names_the_claim_and_its_lines_in_order(claims_csv):
    _, rows = _findings(claims_csv, None)
    by_rule = {(r[0], r[3]): r for r in rows}
    duplicate = by_rule[("BILL.DUPLICATE", "C1")]
    assert duplicate[4] == [1, 2]
    assert duplicate[6].endswith("(claim C1, lines 1, 2)")
    mue = by_rule[("BILL.MUE", "C3")]
    assert mue[4] == [1] and mue[6].endswith("(claim C3, line 1)")
    from billadvocate.audit.rules import all_rules

    rule = {r.id: r for r in all_rules()}["BILL.MUE"]
    assert mue[6] == f"{rule.summary} (claim C3, line 1)" and mue[7] == list(rule.citations)
