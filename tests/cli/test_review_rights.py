"""`review` explains protections, violations, deadlines and the statute of limitations, and writes deadlines.ics."""

from __future__ import annotations

from icalendar import Calendar

from tests.conftest import EXAMPLES

ER = EXAMPLES / "er-visit-nonprofit" / "case.yaml"


def test_the_er_example_shows_protections_violations_deadlines_and_sol(cli):
    acct = cli("review", ER, "--json").json()["accounts"][0]
    prot = {p["id"]: p for p in acct["protections"]}
    assert prot["FDCPA"]["applies"] and "not cover Valley General Hospital itself" in prot["FDCPA"]["why"]
    assert prot["IRS501R"]["applies"] and prot["NSA"]["applies"] and "STATE.CA" in prot
    rules = {v["rule"] for v in acct["violations"]}
    assert {"REGF.INCONVENIENT_TIME", "REGF.CALL_FREQUENCY", "REGF.AMOUNT_UNEXPLAINED",
            "REGF.COLLECTION_DURING_DISPUTE"} <= rules
    for v in acct["violations"]:
        assert set(v) >= {"rule", "severity", "lines", "amount", "message", "citations", "events", "act_by"}
    kinds = {d["kind"] for d in acct["deadlines"]}
    assert {"VALIDATION_PERIOD_END", "FAP_APPLICATION_END", "ECA_EARLIEST", "SOL_EXPIRES", "FDCPA_CLAIM_END"} <= kinds
    assert acct["sol"]["status"] == "running" and "restart" in acct["sol"]["warning"]


def test_review_out_writes_a_calendar_of_the_deadlines(cli, tmp_path):
    r = cli("review", ER, "--out", tmp_path)
    assert r.code == 0, r.err
    assert "Laws that protect you here" in r.out and "VALIDATION_PERIOD_END" in r.out
    cal = Calendar.from_ical((tmp_path / "deadlines.ics").read_bytes())
    assert any("VALIDATION_PERIOD_END" in str(e["summary"]) for e in cal.walk("VEVENT"))
    html = (tmp_path / "report.html").read_text()
    assert "Laws that protect you here" in html and "contact at an inconvenient time" in html.lower()
