"""A lawsuit served after one of two limitation periods that could apply ran out: the answer deadline says to
raise the statute of limitations under that period. New York: a hospital bill for care of 2023-05-20 (first bill
2023-06-15) has 3 years from treatment under CPLR 213-d (ended 2026-05-20) and 3 years under 214-i (the review
keeps the later end, 2026-06-15, as the safe choice for 'too late to sue'). Served on 2026-06-01, the patient
was told nothing about the limit in the answer deadline, so would not raise a defence that 213-d may give."""

from __future__ import annotations

from datetime import date

from billadvocate.report import spanish
from billadvocate.rights import review_rights
from tests.rights.helpers import case

SUED = {"at": "2026-06-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-06-01"}


def _answer(*events):
    c = case(*events, state="NY", collector={"name": "Hudson & Pratt LLP", "kind": "attorney"},
             account={"first_bill_date": "2023-06-15", "care": {"start": "2023-05-20", "end": "2023-05-20"}})
    r = review_rights(c, c.accounts[0], date(2026, 6, 5))
    return next(d for d in r.deadlines if d.kind == "ANSWER_DUE"), r.sol


def test_new_york_213_d_ended_before_service_so_the_answer_raises_it():
    d, sol = _answer(SUED)
    assert sol["time_barred"] is False and str(sol["expires"]) == "2026-06-15"
    said = ("Raise the statute of limitations in the answer anyway: under N.Y. CPLR 213-d (L. 2020 ch. 56) the limit "
            "to sue on this debt may have ended on 2026-05-20, before you were served; a defence not raised can be "
            "lost.")
    assert said in d.why
    es = spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date.isoformat()}, {"sol": sol})["why"]
    assert ("Alegue de todos modos la prescripción: según N.Y. CPLR 213-d (L. 2020 ch. 56) el plazo para demandarle "
            "por esta deuda pudo terminar el 2026-05-20, antes de que le entregaran la demanda; una defensa que no se "
            "alega se puede perder.") in es


def test_served_before_either_period_ended_nothing_is_added():
    early = {**SUED, "at": "2026-05-01", "received": "2026-05-01"}
    d, _ = _answer(early)
    assert "may have ended" not in d.why and "Raise the statute of limitations" not in d.why
