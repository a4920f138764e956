"""A case reviewed with an EOB joins its bill and EOB as `billadvocate audit BILL --eob EOB` does (ingest/match.py):
an undated bill line takes its EOB line's date, the bill says which lines met the EOB by something else than their
code, and the EOB findings name the same bill lines. Before, the review audited the statement's lines undated."""

from __future__ import annotations

import re

import yaml

from billadvocate.casefile import load_case
from billadvocate.review import review_case
from tests.ingest.test_printed_eob import _pdf

# a statement whose dates of service are not printed, and its remittance page: the ER visit paid in part, the
# pharmacy line (J3490 on the bill, revenue code 0250 alone on the remittance) denied as bundled
BILL = ["Valley General Hospital", "Date Code Description Amount", "0450 99283 ER VISIT LEVEL 3 200.00",
        "0250 J3490 PHARMACY 27.50", "TOTAL CHARGES 227.50", "Date Description Amount", "Wed 03/20/2024 Payments -100.00"]
REMITTANCE = ["ACME HEALTH PLAN OF OHIO", "CLM#: 2024-88812", "227.50=REPORTED 0.00=DRG AMOUNT",
              "100.00=ALLOW/REIM 100.00=NET REIM AMT", "REV DATE HCPCS MODS QTY CHARGES ALLOW/REIM GC RSN AMOUNT",
              "0450 03/02 99283 25 1 200.00 100.00 CO 45 100.00", "0250 03/02 1 27.50 0.00 CO 97 27.50"]


def _case(tmp_path):
    _pdf(tmp_path / "statement.pdf", [BILL, REMITTANCE])
    case = {"billadvocate": 1, "as_of": "2024-06-01", "patient": {"name": "Jane Doe", "state": "OH"},
            "accounts": [{"id": "er", "provider": {"name": "Valley General Hospital"},
                          "bill": ["statement.pdf"], "eob": ["statement.pdf"]}]}
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(case))
    return load_case(tmp_path / "case.yaml")


def _eob_findings(findings) -> list[tuple]:
    return sorted((f["rule"], f["lines"], f["amount"]) for f in findings if f["rule"].startswith("EOB."))


def test_review_and_audit_join_the_bill_and_its_eob_alike(tmp_path, cli):
    account = review_case(_case(tmp_path)).accounts[0]
    path = tmp_path / "statement.pdf"
    audited = cli("audit", path, "--eob", path, "--as-of", "2024-06-01", "--json").json()
    reviewed = [(ln.line, ln.code, ln.date.isoformat() if ln.date else None) for ln in account.audit.lines]
    assert reviewed == [(ln["line"], ln["code"], ln["date"]) for ln in audited["lines"]]
    assert reviewed == [(1, "99283", "2024-03-02"), (2, "J3490", "2024-03-02")]  # dated by the remittance
    findings = _eob_findings(account.to_json()["findings"])
    assert findings == _eob_findings(audited["findings"])
    assert ("EOB.DENIED", [2], 27.5) in findings  # the denied pharmacy line names the bill's line 2
    # the bill's notes say which lines took their dates and how line 2 met the EOB, as `audit --eob` says
    notes = account.bills[0].notes
    assert "line(s) 1, 2: no date of service on the bill; each takes the date of the EOB line it matches (03/02/2024)" in notes
    assert any(n.startswith("line 2: the EOB line it matches (revenue code 0250, charge 27.50) has no procedure code")
               for n in notes)


def test_the_review_tells_the_patient_how_the_bill_met_its_eob_in_english_and_spanish(tmp_path):
    from billadvocate.report.spanish_account import sentence
    from tests.report.test_spanish_account import ENGLISH

    notes = review_case(_case(tmp_path)).accounts[0].notes
    joined = [n for n in notes if n.startswith(("line(s) 1, 2: no date of service", "line 2: the EOB line"))]
    assert joined == ["line(s) 1, 2: no date of service on the bill; each takes the date of the EOB line it matches "
                      "(03/02/2024)",
                      "line 2: the EOB line it matches (revenue code 0250, charge 27.50) has no procedure code where the "
                      "bill reads J3490; matched by revenue code and charge"]
    for note in [*joined, "line 4: the bill reads code 72126 where the EOB line it matches (revenue code 0350, charge "
                          "2,203.00) has 72125: a misread or a changed code; check it on the paper",
                 "line(s) 1, 10: no date of service on the bill; each takes the date of the EOB line it matches "
                 "(11/09/2023 to 11/10/2023)",
                 "line 1: the EOB line it matches (revenue code 0250) has no procedure code where the bill reads J3490; "
                 "matched by revenue code"]:
        es = sentence(note)
        assert es is not None and not ENGLISH.findall(es), (note, es)
        for figure in re.findall(r"[A-Z]?\d[\dA-Z.,/]*\d|\d", note):
            assert figure in es, (figure, es)
