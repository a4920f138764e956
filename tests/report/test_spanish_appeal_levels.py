"""A denial taken to each later level of Medicare's appeals (the judge, the Medicare Appeals Council,
federal court), for Original Medicare and a Medicare Advantage plan, reads wholly in Spanish: the route's
notes, the deadlines and the appeal's line of the Spanish text have no English left."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
import yaml
from rich.console import Console

from billadvocate import load_case, review_case
from billadvocate.cli.spanish_text import print_account_es
from billadvocate.report import render_html, spanish
from billadvocate.report.spanish_account import account_es, untranslated
from tests.conftest import EXAMPLES, ROOT

# English words the route notes and deadlines use; none may be left on a Spanish page
ENGLISH = re.compile(r"\b(the|Last day|lawsuit|hearing|judge|Council's|appeal|while|ask|claim|days)\b")


def _case(tmp_path, plan_type, decision, outcome="denied", as_of=date(2026, 11, 28)):
    """Jane's example with the real EOB export (C-1002 denied) and one decision logged on 2026-11-25."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLES / "er-visit-nonprofit", tmp_path / "case")
    shutil.copy(ROOT / "tests" / "fixtures" / "ingest" / "eob-export.csv", tmp_path / "case" / "eob.csv")
    data = yaml.safe_load((tmp_path / "case" / "case.yaml").read_text())
    acct = data["accounts"][0]
    acct.update(eob=["eob.csv"], denial_notice_date="2026-10-20")
    acct["events"].append({"at": "2026-11-25", "kind": "letter", "from": "insurer", "to": "patient",
                           "type": decision, "outcome": outcome})
    data["insurance"].update(plan_type=plan_type, member_id="H1234-567",
                             appeals_address="Appeals Unit, PO Box 500, Fresno, CA 93702")
    path = tmp_path / "case" / "case.yaml"
    path.write_text(yaml.safe_dump(data))
    return review_case(load_case(path), as_of=as_of)


def account_es_notes(account: dict) -> list[str]:
    return account_es(account)["notes"]


@pytest.mark.parametrize("plan_type", ["medicare_original", "medicare_advantage"])
@pytest.mark.parametrize("decision,stage,kind", [
    ("reconsideration_decision", "alj_hearing", "ALJ_HEARING_DUE"),
    ("alj_decision", "council_review", "COUNCIL_REVIEW_DUE"),
    ("council_decision", "judicial_review", "JUDICIAL_REVIEW_DUE"),
])
def test_each_later_level_reads_in_spanish(tmp_path, plan_type, decision, stage, kind):
    result = _case(tmp_path, plan_type, decision)
    account = result.to_json()["accounts"][0]
    appeal = next(a for a in account["appeals"] if a["who"] == "patient")
    assert appeal["stage"] == stage and any(d["kind"] == kind for d in account["deadlines"])
    assert not untranslated(account), untranslated(account)
    for d in account["deadlines"]:
        es = spanish.deadline(d, account)
        assert es["why"] != d["why"] and not ENGLISH.search(es["why"]), (d["kind"], es["why"])
        assert not ENGLISH.search(es["what"]), es["what"]
    c = Console(record=True, width=200)
    print_account_es(c, account, result.as_of.isoformat())
    text = c.export_text()
    assert spanish.STAGE_WORDS_ES[stage] in text
    until = "el tribunal decida" if stage == "judicial_review" else "el plan decida"
    assert any(until in n for n in account_es_notes(account)), account["notes"]
    for line in text.splitlines():
        if line.startswith(("Reclamación", "Nota:")) or re.match(r"\s+\d{4}-\d{2}-\d{2}", line):
            assert not ENGLISH.search(line), line
    page = render_html(result, lang="es")
    assert '<span lang="en">' not in page


@pytest.mark.parametrize("plan_type", ["medicare_original", "medicare_advantage"])
@pytest.mark.parametrize("decision", ["reconsideration_decision", "alj_decision", "council_decision"])
def test_a_reversal_and_a_missed_deadline_at_a_later_level_read_in_spanish(tmp_path, plan_type, decision):
    won = _case(tmp_path / "won", plan_type, decision, outcome="approved").to_json()["accounts"][0]
    assert any("reversed the denial" in n for n in won["notes"]) and not untranslated(won), untranslated(won)
    late = _case(tmp_path / "late", plan_type, decision, as_of=date(2027, 6, 1)).to_json()["accounts"][0]
    assert any("has passed" in n for n in late["notes"]) and not untranslated(late), untranslated(late)
