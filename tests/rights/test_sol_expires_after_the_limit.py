"""The SOL_EXPIRES deadline of a limit that already ran out says what could REVIVE the debt now, in the
state's terms, the same as the review's warning. Before, it said what restarts a running clock ('A payment or
a signed written acknowledgment may restart it') beside a New York warning that nothing revives a barred debt
(CPLR 214-i) and a Georgia one that a payment does not (O.C.G.A. 9-3-110, 9-3-112: only a signed writing)."""

from __future__ import annotations

from datetime import date

from billadvocate.report import spanish
from billadvocate.rights import review_rights
from tests.rights.helpers import case


def _sol_deadline(state: str, as_of: date, **account):
    c = case(state=state, account=account)
    r = review_rights(c, c.accounts[0], as_of)
    return next(d for d in r.deadlines if d.kind == "SOL_EXPIRES"), r.sol


def test_new_york_after_the_limit_nothing_revives_it():
    d, sol = _sol_deadline("NY", date(2026, 12, 4), first_bill_date="2022-06-15", care={"start": "2022-06-01"})
    assert sol["time_barred"] is True and sol["revives_on_payment"] is False and sol["revives_on_writing"] is False
    assert "may restart it" not in d.why
    assert d.why.endswith("Nothing you pay or sign now revives it.")
    es = spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date.isoformat()}, {"sol": sol})["why"]
    assert es.endswith("Nada que usted pague o firme ahora la revive.")


def test_georgia_after_the_limit_only_a_signed_writing_could_revive_it():
    d, sol = _sol_deadline("GA", date(2026, 12, 4), first_bill_date="2020-07-15")
    assert sol["time_barred"] is True
    assert d.why.endswith("A signed written acknowledgment now could revive it.")
    es = spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date.isoformat()}, {"sol": sol})["why"]
    assert es.endswith("Un reconocimiento firmado por escrito ahora podría revivirla.")


def test_pennsylvania_after_the_limit_a_payment_or_a_writing_could_revive_it():
    d, sol = _sol_deadline("PA", date(2026, 12, 4), first_bill_date="2020-07-15")
    assert d.why.endswith("A payment or a signed written acknowledgment now could revive it.")
    es = spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date.isoformat()}, {"sol": sol})["why"]
    assert es.endswith("Un pago o un reconocimiento firmado por escrito ahora podrían revivirla.")


def test_a_running_limit_still_speaks_of_restarting():
    d, sol = _sol_deadline("GA", date(2022, 1, 4), first_bill_date="2020-07-15")
    assert sol["time_barred"] is False and d.why.endswith("A signed written acknowledgment may restart it.")


def test_the_spanish_names_the_payment_that_moved_the_clock():
    # the Texas debt buyer scenario: the clock started at the first bill (2022-10-05) and a $50 payment on 2022-11-01
    # moved it, so it ran out on 2026-11-01; the Spanish said only 'contados desde el 2022-10-05', four years from
    # which is not the date shown
    c = case({"at": "2022-11-01", "kind": "payment", "from": "patient", "amount": 50}, state="TX",
             account={"first_bill_date": "2022-10-05", "care": {"start": "2022-09-10", "end": "2022-09-10"}})
    r = review_rights(c, c.accounts[0], date(2026, 12, 4))
    d = next(d for d in r.deadlines if d.kind == "SOL_EXPIRES")
    assert d.date == date(2026, 11, 1) and "restarted by the payment on 2022-11-01" in d.why
    es = spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date.isoformat()}, {"sol": r.sol})["why"]
    assert "contados desde el 2022-10-05, reiniciado por el pago del 2022-11-01" in es
