"""Spanish for everything a patient reads of a review: every rule (audit, conduct, credit) has a
plain Spanish title and explanation beside it (its folder's es.yaml), every deadline kind the code
can make has a plain title and a Spanish reason, and the Spanish reads as Spanish."""

from __future__ import annotations

import re
from datetime import date

import pytest

from billadvocate.report import spanish
from tests.conftest import ROOT
from tests.rights.helpers import call, case, rights

ENGLISH = re.compile(r"\b(the|you|your|days|must|before|after|with|which|until|this)\b")


def _rules(engine: str):
    if engine == "audit":
        from billadvocate.audit.rules import all_rules
    elif engine == "conduct":
        from billadvocate.rights.violations import all_rules
    else:
        from billadvocate.credit.rules import all_rules
    return all_rules()


@pytest.mark.parametrize("engine", sorted(spanish.RULE_TABLES))
def test_every_rule_has_its_spanish_title_and_explanation(engine):
    table = spanish.rule_table(engine)
    ids = {r.id for r in _rules(engine)}
    missing = sorted(ids - set(table))
    assert not missing, f"{engine} rules without Spanish in their folder's es.yaml: {missing}"
    for rule_id in ids:
        entry = table[rule_id]
        assert entry.get("title") and entry.get("explanation"), rule_id
        for text in (entry["title"], entry["explanation"]):
            assert not ENGLISH.search(text), f"{rule_id}: {text}"
            assert "_" not in text and not re.search(r"\b[A-Z]+\.[A-Z_]+\b", text), f"{rule_id} shows an id: {text}"


def _deadline_kinds_in_the_code() -> set[str]:
    """Every kind a Deadline is made with anywhere in the package (a state's name stands as *)."""
    kinds = set()
    for path in (ROOT / "src" / "billadvocate").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r'(?:Deadline\(kind=|_dl\((?:ctx, )?)f?"([A-Z][A-Z0-9_.{}\[\]a-z]*)"', text):
            kinds.add(re.sub(r"\{[^}]*\}", "*", m.group(1)))
    kinds.add("REMINDER")
    return kinds


def test_every_deadline_kind_has_a_plain_title_and_a_spanish_reason():
    kinds = _deadline_kinds_in_the_code()
    assert {"VALIDATION_PERIOD_END", "ANSWER_DUE", "APPEAL_DUE", "STATE.*.COLLECTION_WAIT",
            "FCRA_REINVESTIGATION_DUE"} <= kinds  # the scan finds them
    missing = sorted(k for k in kinds if spanish.kind_key(k.replace("*", "XX")) not in spanish.DEADLINE_KINDS)
    assert not missing, f"deadline kinds without a title and Spanish in report/spanish.py: {missing}"
    assert not sorted(k for k in kinds if spanish.kind_key(k.replace("*", "XX")) not in spanish._RENDER)
    for k in kinds:
        title = spanish.deadline_title(k.replace("*", "CA"))
        assert "_" not in title and title != k


def _real_deadlines():
    """Deadlines as the engines make them: a collector calling late (a violation), a lawsuit, a
    nonprofit hospital's first bill in California, an uninsured patient; the appeal routes."""
    from billadvocate.appeals import routes

    c = case(call("2026-03-02T22:30:00"),
             {"at": "2026-09-01", "kind": "legal_action", "type": "lawsuit", "from": "collector"},
             insurance="uninsured",
             account={"collector": {"name": "ABC Recovery", "kind": "agency",
                                    "validation_notice": {"sent": "2026-02-02"}}})
    r = rights(c)
    out = [(d, {"account": c.accounts[0], "sol": r.sol}) for d in r.deadlines]
    notice = date(2026, 3, 1)
    for plan in ("employer_self_funded", "medicare_original", "medicare_advantage", "medicaid", None):
        out.append((routes.appeal_deadline(plan, notice), None))
    out.append((routes.decision_deadline("aca_individual", notice), None))
    out.append((routes.external_review_deadline("aca_individual", notice), None))
    return out


def test_each_real_deadline_reads_in_spanish_with_its_facts():
    seen = set()
    for d, account in _real_deadlines():
        es = spanish.deadline(d, account)
        seen.add(spanish.kind_key(d.kind))
        assert es["what"] == spanish.DEADLINE_KINDS[spanish.kind_key(d.kind)][1]
        assert es["why"] and es["why"] != d.why, d.kind
        assert not ENGLISH.search(es["why"]), f"{d.kind}: {es['why']}"
        for day in set(re.findall(r"\d{4}-\d{2}-\d{2}", d.why)) - {d.date.isoformat()}:  # what it counts from
            assert day in es["why"], f"{d.kind}: {day} not in {es['why']}"
    assert {"FDCPA_CLAIM_END", "ANSWER_DUE", "ECA_EARLIEST", "FAP_APPLICATION_END", "SOL_EXPIRES", "APPEAL_DUE",
            "MEDICARE_REDETERMINATION_DUE", "FAIR_HEARING_DUE", "APPEAL_DECISION_DUE",
            "EXTERNAL_REVIEW_DUE"} <= seen, seen


def test_a_conduct_finding_says_in_spanish_until_when_to_sue():
    c = case(call("2026-03-02T22:30:00"))
    (v,) = [v for v in rights(c).violations if v.rule == "REGF.INCONVENIENT_TIME"]
    es = spanish.finding(v, "conduct")
    assert es["title"].startswith("El cobrador le contactó antes de las 8")
    assert f"demande antes del {v.act_by}" in es["explanation"] and "$1,000" in es["explanation"]
