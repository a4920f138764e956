"""A judgment logged on a lawsuit (a legal_action of type judgment): the review no longer tells the patient to
answer and raise the statute of limitations as if the case were open. Before, with a Texas default judgment
of 2026-11-01 in the log, the answer deadline still said 'File a written answer ... Raise the statute of
limitations in the answer' and the warning 'a collector may still ask, but may not sue': a patient following
it would file an answer in a case already decided, and miss the short time to ask the court to set the
judgment aside - the only way the limitations defence can still be heard (it is waived once judgment is
entered on a default)."""

from __future__ import annotations

from datetime import date

from billadvocate.report import spanish
from billadvocate.report.spanish_account import sol_warning
from billadvocate.rights import review_rights
from tests.rights.helpers import case

SUED = {"at": "2026-09-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-09-01"}
JUDGMENT = {"at": "2026-11-01", "kind": "legal_action", "from": "collector", "type": "judgment",
            "note": "default judgment entered"}


def _review(*events):
    c = case(*events, state="TX", account={"first_bill_date": "2020-07-15"})
    return review_rights(c, c.accounts[0], date(2026, 12, 4))


def test_the_answer_deadline_says_a_judgment_was_entered_and_what_can_still_be_done():
    r = _review(SUED, JUDGMENT)
    (d,) = [d for d in r.deadlines if d.kind == "ANSWER_DUE"]
    assert d.why.startswith("A judgment was entered on 2026-11-01 in the lawsuit ABC Recovery served on 2026-09-01: "
                            "the time to answer has passed.")
    assert "File a written answer" not in d.why and "Raise the statute of limitations in the answer" not in d.why
    assert "set aside" in d.why and "lawhelp.org" in d.why
    es = spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date.isoformat()}, {"sol": r.sol})["why"]
    assert es.startswith("Se dictó una sentencia el 2026-11-01 en la demanda que le entregaron el 2026-09-01: el "
                         "plazo para responder ya pasó.")
    assert "Presente una respuesta escrita" not in es and "anular" in es


def test_the_limitations_warning_says_the_judgment_stands_until_set_aside():
    r = _review(SUED, JUDGMENT)
    assert str(r.sol["judgment"]) == "2026-11-01"
    # the warning now leads with the judgment (tests/rights/test_judgment_leads_the_warning.py has the whole text)
    assert r.sol["warning"].startswith("A judgment was entered on 2026-11-01: the limit to sue no longer protects you.")
    assert "unless the court sets it aside" in r.sol["warning"]
    es = sol_warning({**r.sol, "judgment": "2026-11-01"})
    assert es and es.startswith("Se dictó una sentencia el 2026-11-01: el plazo para demandar ya no le protege.")
    assert "a menos que el tribunal la anule" in es


def test_without_a_judgment_the_answer_deadline_is_unchanged():
    r = _review(SUED)
    (d,) = [d for d in r.deadlines if d.kind == "ANSWER_DUE"]
    assert d.why.startswith("Last day to answer the lawsuit ABC Recovery served on 2026-09-01")
    assert r.sol["judgment"] is None and "judgment was entered" not in r.sol["warning"]
