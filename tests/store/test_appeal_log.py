"""An appeal's log kept in the store: the letter sent, the decision and its outcome logged with
`case log`, kept through export, and read by the review (the external review's clock starts from the
final denial logged)."""

from __future__ import annotations

import shutil
from datetime import date

import yaml

from billadvocate.casefile import load_case
from tests.conftest import EXAMPLES, ROOT


def ok(r):
    assert r.code == 0, r.err
    return r.json()


def _denied_case(tmp_path):
    shutil.copytree(EXAMPLES / "er-visit-nonprofit", tmp_path / "case")
    shutil.copy(ROOT / "tests" / "fixtures" / "ingest" / "eob-export.csv", tmp_path / "case" / "eob.csv")
    path = tmp_path / "case" / "case.yaml"
    data = yaml.safe_load(path.read_text())
    data["accounts"][0].update(eob=["eob.csv"], denial_notice_date="2026-10-20")
    data["insurance"].update(plan_type="employer_fully_insured", appeals_address="PO Box 500, Fresno, CA 93702")
    path.write_text(yaml.safe_dump(data))
    return path


def test_the_appeal_s_sent_and_decided_dates_and_outcome_are_kept_and_read(sqlite_store, tmp_path):
    store = sqlite_store
    cid = str(ok(store.cli("case", "import", _denied_case(tmp_path), "--json"))["id"])
    ok(store.cli("case", "log", cid, "--kind", "letter", "--from", "patient", "--to", "insurer",
                 "--type", "insurer_appeal", "--at", "2026-10-25", "--json"))
    decided = ok(store.cli("case", "log", cid, "--kind", "letter", "--from", "insurer", "--to", "patient",
                           "--type", "appeal_decision", "--outcome", "denied", "--at", "2026-11-10", "--json"))
    assert decided["outcome"] == "denied" and decided["type"] == "appeal_decision"
    r = store.cli("case", "log", cid, "--kind", "letter", "--from", "insurer", "--outcome", "lost")
    assert r.code == 2 and "Traceback" not in r.err

    ok(store.cli("case", "export", cid, "-o", tmp_path / "out", "--json"))
    case = load_case(tmp_path / "out" / "case.yaml")
    logged = [(e.type, e.at, e.outcome) for e in case.accounts[0].events if e.type in ("insurer_appeal",
                                                                                      "appeal_decision")]
    assert logged == [("insurer_appeal", date(2026, 10, 25), None), ("appeal_decision", date(2026, 11, 10), "denied")]

    from billadvocate.review import review_case

    a = review_case(case, as_of=date(2026, 11, 28)).accounts[0]
    c1002 = next(x for x in a.appeals if x["claim_id"] == "C-1002")
    assert c1002["stage"] == "external_review" and c1002["next_due"]["date"] == "2027-03-10"  # 4 months
    assert c1002["letter"] == "external_review_request"
