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


def _month_provider(con):
    return con.execute(f"SELECT DISTINCT claim_id, CAST(provider AS VARCHAR), CAST(month AS VARCHAR) "
                       f"FROM ({finding_rows_sql()}) ORDER BY ALL").fetchall()


def test_month_and_provider_are_the_claims_own_text_as_enums_or_not(claims_csv, monkeypatch):
    import billadvocate.batch.findings_sql as findings_sql

    expected = [("C1", "Clinic A", "2025-03"), ("C2", "Lab B", "2025-03"), ("C3", "Clinic A", "2025-04")]
    con = duckdb.connect()
    source = "\nUNION ALL\n".join(select_normalised(f) for f in inspect_all([claims_csv]))
    audit_bucket(con, source, setting=None, as_of=AS_OF)
    assert "bucket_provider" in con.execute("SELECT sql FROM duckdb_views() WHERE view_name = 'claims'").fetchone()[0]
    assert _month_provider(con) == expected
    # more providers than an ENUM takes: the provider stays text, the same strings
    monkeypatch.setattr(findings_sql, "ENUM_VALUES_UP_TO", 1)
    audit_bucket(con, source, setting=None, as_of=AS_OF)  # a second bucket on the same connection
    assert "bucket_provider" not in con.execute("SELECT sql FROM duckdb_views() WHERE view_name = 'claims'").fetchone()[0]
    assert _month_provider(con) == expected


def test_a_provider_name_with_quotes_and_a_tab_is_kept_as_it_is(tmp_path):
    p = tmp_path / "claims.csv"
    p.write_text('patient_id,claim_id,line,service_date,code,units,charge,modifiers,provider\n'
                 'P1,C1,1,2025-03-02,85025,1,45.00,,"St. Mary\'s\tLab ""North"""\n'
                 'P1,C1,2,2025-03-02,85025,1,45.00,,"St. Mary\'s\tLab ""North"""\n')
    con = duckdb.connect()
    audit_bucket(con, select_normalised(inspect_all([p])[0]), setting=None, as_of=AS_OF)
    assert _month_provider(con) == [("C1", "St. Mary's\tLab \"North\"", "2025-03")]


def test_every_rules_rows_are_keyed_as_the_bills_are(claims_csv):
    # one text-keyed rule (the EOB rules read the EOB table) made the union of every rule's rows text:
    # millions of findings' 64-bit keys turned into text and back to find their claims
    from billadvocate.audit.engine import scale_sql

    con = duckdb.connect()
    source = "\nUNION ALL\n".join(select_normalised(f) for f in inspect_all([claims_csv]))
    assert audit_bucket(con, source, setting=None, as_of=AS_OF) == "hash"
    assert con.execute(f"DESCRIBE {scale_sql()}").fetchall()[2][:2] == ("source", "UBIGINT")
    assert audit_bucket(con, source, setting=None, as_of=AS_OF, keys="text") == "text"
    assert con.execute(f"DESCRIBE {scale_sql()}").fetchall()[2][:2] == ("source", "VARCHAR")
