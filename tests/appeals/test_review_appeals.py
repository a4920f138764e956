"""A denied claim on a real EOB export leads, through `review`, to its route, its deadline, the
appeal letter (read back in English and Spanish) and the hold on the bill."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
import yaml

from billadvocate.casefile import load_case
from billadvocate.errors import BadInput
from billadvocate.ingest import read_eob
from billadvocate.letters import letter_for
from billadvocate.letters.render_txt import render_txt
from billadvocate.review import review_case
from tests.conftest import EXAMPLES, ROOT, run_cli

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def _case(tmp_path, **insurance):
    """Jane's example with the real EOB export (C-1002 denied PR-96, a C-1001 line denied CO-18)."""
    shutil.copytree(EXAMPLES / "er-visit-nonprofit", tmp_path / "case")
    shutil.copy(FIXTURES / "eob-export.csv", tmp_path / "case" / "eob.csv")
    data = yaml.safe_load((tmp_path / "case" / "case.yaml").read_text())
    data["accounts"][0]["eob"] = ["eob.csv"]
    data["accounts"][0]["denial_notice_date"] = "2026-10-20"
    data["insurance"].update(insurance)
    path = tmp_path / "case" / "case.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_a_denied_claim_gets_its_route_deadline_letter_and_hold(tmp_path):
    result = review_case(load_case(_case(tmp_path, plan_type="employer_fully_insured",
                                         appeals_address="Appeals Unit, PO Box 500, Fresno, CA 93702")))
    a = result.accounts[0]
    by_claim = {x["claim_id"]: x for x in a.appeals}
    assert by_claim["C-1002"]["who"] == "patient" and by_claim["C-1002"]["open"]
    assert by_claim["C-1001"]["who"] == "provider" and not by_claim["C-1001"]["deadlines"]
    due = [d for d in a.deadlines if d.kind == "APPEAL_DUE"]
    assert [d.date for d in due] == [date(2027, 4, 18)]  # 180 days after 2026-10-20
    assert "insurer_appeal" in {e["type"] for e in a.letters}
    step = next(s for s in result.actions if s["kind"] == "APPEAL_DENIAL")
    assert step["due"] == "2027-04-18" and step["letter"] == "insurer_appeal" and "hold the bill" in step["why"]
    # the collector chasing the account is asked to hold too, and the appeal comes before any offer
    assert any("hold the account" in n and "Valley Radiology Group and ABC Recovery" in n
               and "no settlement" in n for n in a.notes)
    kinds = [s["kind"] for s in result.actions]
    assert all(kinds.index("APPEAL_DENIAL") < kinds.index(k) for k in ("NEGOTIATE", "PAYMENT_PLAN") if k in kinds)
    assert any("not liable" in n and "$45.00" in n for n in a.notes)  # the CO-18 line is not owed
    assert result.to_json()["accounts"][0]["appeals"][1]["deadlines"][0]["kind"] == "APPEAL_DUE"


# a rule id (EOB.DENIED), a case-file path, a command-line flag: none may reach a letter
FORBIDDEN = [re.compile(r"\b[A-Z][A-Z0-9]+\.[A-Z][A-Z0-9_]+\b"), re.compile(r"\w+\[\d*\]\."),
             re.compile(r"(^|\s)--[a-z]"), re.compile(r"appeals_address|denial_notice_date|plan_type")]


@pytest.mark.parametrize("plan_type,words", [
    ("employer_self_funded", ("Appeal of a denied claim", "2560.503-1(h)(2)(iii)", "April 18, 2027")),
    ("medicare_original", ("redetermination", "42 CFR 405.942", "February 22, 2027")),
    ("medicare_advantage", ("reconsider", "42 CFR 422.582", "December 19, 2026")),
    ("medicaid", ("fair hearing", "42 CFR 431.221", "January 18, 2027")),
])
def test_the_letter_reads_back_clean_in_english_and_spanish(tmp_path, plan_type, words):
    result = review_case(load_case(_case(tmp_path, plan_type=plan_type,
                                         appeals_address="Appeals Unit, PO Box 500, Fresno, CA 93702")))
    en = render_txt(letter_for(result, "insurer_appeal", lang="en"))
    es = render_txt(letter_for(result, "insurer_appeal", lang="es"))
    for w in words:
        assert w in " ".join(en.split()), w  # the text is wrapped
    assert "C-1002" in en and "C-1001" not in en and "$610.00" in en and "non-covered charge" in en
    assert "C-1002" in es and "Atentamente" in es and ("Apel" in es or "Solicit" in es)
    for text in (en, es):
        for pattern in FORBIDDEN:
            assert not pattern.search(text), (pattern.pattern, pattern.search(text).group(0))
        assert "None" not in text and "Blue Valley PPO" in text and "PO Box 500" in text


def test_without_the_appeals_address_the_letter_is_not_written_and_the_note_says_what_to_fill(tmp_path):
    result = review_case(load_case(_case(tmp_path, plan_type="aca_individual")))
    a = result.accounts[0]
    assert "insurer_appeal" not in {e["type"] for e in a.letters}
    assert any("insurance.appeals_address" in n for n in a.notes)


def test_an_unknown_plan_type_asks_who_issued_the_card(tmp_path):
    result = review_case(load_case(_case(tmp_path)))
    a = result.accounts[0]
    due = next(d for d in a.deadlines if d.kind == "APPEAL_DUE")
    assert due.date == date(2026, 12, 19) and due.unconfirmed  # the earliest any plan could set: 60 days
    assert any("insurance card" in n for n in a.notes)


def test_a_bad_plan_type_is_refused_in_one_line(tmp_path):
    path = _case(tmp_path, plan_type="cadillac")
    with pytest.raises(BadInput):
        load_case(path)
    r = run_cli("review", str(path))
    assert r.code == 2 and "plan_type" in r.err and "Traceback" not in r.err and len(r.err.strip().splitlines()) == 1


def test_the_eob_export_s_date_processed_is_the_notice_date(tmp_path):
    text = (FIXTURES / "eob-export.csv").read_text().splitlines()
    rows = [text[0] + ",Date Processed"] + [ln + ",10/01/2026" for ln in text[1:-1]]
    (tmp_path / "eob.csv").write_text("\n".join(rows) + "\n")
    eob = read_eob(tmp_path / "eob.csv")
    assert {c.processed for c in eob.claims} == {date(2026, 10, 1)}
    from billadvocate.appeals import denials

    assert [d.notice_date for d in denials([eob])] == [date(2026, 10, 1), date(2026, 10, 1)]


def test_an_835_denial_is_dated_by_the_remittance_s_production_date(tmp_path):
    """The real managed-care 835 with its second claim turned into a denial (PR-204, nothing paid)."""
    text = (FIXTURES / "managed-care.835").read_text()
    text = (text.replace("CLP*8765432112*1*1200.00*495.00*600.00", "CLP*8765432112*4*1200.00*0*1200.00")
                .replace("SVC*HC:93555*1200.00*550.00", "SVC*HC:93555*1200.00*0")
                .replace("CAS*PR*1*600.00", "CAS*PR*204*1200.00").replace("CAS*CO*45*50.00~", ""))
    (tmp_path / "denied.835").write_text(text)
    eob = read_eob(tmp_path / "denied.835")
    from billadvocate.appeals import denials

    found = denials([eob])
    assert [(d.claim_id, d.who, d.notice_date) for d in found] == [("8765432112", "patient", date(2002, 3, 14))]


def test_an_appeal_logged_as_sent_starts_the_plan_s_decision_clock(tmp_path):
    path = _case(tmp_path, plan_type="aca_individual", appeals_address="Appeals Unit, PO Box 500, Fresno, CA 93702")
    data = yaml.safe_load(path.read_text())
    data["accounts"][0]["events"].append({"at": "2026-11-02", "kind": "letter", "from": "patient", "to": "insurer",
                                          "type": "insurer_appeal"})
    data["accounts"][0]["final_denial_date"] = "2026-10-30"
    path.write_text(yaml.safe_dump(data))
    a = review_case(load_case(path)).accounts[0]
    got = {d.kind: d.date for d in a.deadlines if d.kind in ("APPEAL_DECISION_DUE", "EXTERNAL_REVIEW_DUE")}
    assert got == {"APPEAL_DECISION_DUE": date(2027, 1, 1), "EXTERNAL_REVIEW_DUE": date(2027, 3, 1)}
    assert "insurer_appeal" not in {e["type"] for e in a.letters}  # sent already: not suggested again
    assert "external_review_request" in {e["type"] for e in a.letters}  # the final denial is logged


def test_the_external_review_request_reads_back_clean(tmp_path):
    path = _case(tmp_path, plan_type="employer_self_funded", appeals_address="Appeals Unit, PO Box 500, Fresno, CA 93702")
    data = yaml.safe_load(path.read_text())
    data["accounts"][0]["final_denial_date"] = "2026-10-30"
    path.write_text(yaml.safe_dump(data))
    result = review_case(load_case(path))
    for lang in ("en", "es"):
        text = render_txt(letter_for(result, "external_review_request", lang=lang))
        flat = " ".join(text.split())
        assert "C-1002" in flat and "45 CFR 147.136" in flat and ("March 1, 2027" in flat or "1 de marzo de 2027" in flat)
        for pattern in FORBIDDEN:
            assert not pattern.search(text), pattern.pattern
    step = next(s for s in result.actions if s["kind"] == "APPEAL_DENIAL")
    assert step["title"] == "Ask for an external review" and step["due"] == "2027-03-01"
    late = review_case(load_case(path), as_of=date(2027, 3, 2)).accounts[0]
    assert "external_review_request" not in {e["type"] for e in late.letters}
    assert any("external review of claim C-1002" in n and "has passed" in n for n in late.notes)


def test_an_out_of_network_denial_cites_the_no_surprises_act_only_for_plans_it_reaches(tmp_path):
    csv = (FIXTURES / "eob-export.csv").read_text().replace("PR-96", "PR-242")  # not provided by a network provider
    for plan_type, cited in (("aca_individual", True), ("medicare_advantage", False)):
        path = _case(tmp_path / plan_type, plan_type=plan_type, appeals_address="PO Box 500, Fresno, CA 93702")
        (path.parent / "eob.csv").write_text(csv)
        text = " ".join(render_txt(letter_for(review_case(load_case(path)), "insurer_appeal")).split())
        assert "out of network" in text and ("300gg-111" in text) is cited
