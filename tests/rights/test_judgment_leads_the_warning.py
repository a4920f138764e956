"""A judgment logged on the debt: the limitations warning leads with the judgment and never says the debt
cannot be sued on. Before, with a Texas default judgment of 2026-11-01 in the log, every output (the review's
text, the JSON, the HTML report, the web page, and their Spanish) opened with 'The 4-year limit to sue ran
out on 2026-11-01: a collector may still ask, but may not sue or threaten to', then 'nothing you pay or sign
now revives it' and 'This debt's owner may not sue on it at all under state law', and only in the middle
said a judgment had been entered. Once a judgment is entered the limit to sue no longer decides anything: the
judgment is enforced on its own, much longer, terms. A patient told 'may not sue' may ignore a garnishment
or a bank levy."""

from __future__ import annotations

from datetime import date

from billadvocate import review_case
from billadvocate.report import render_html
from billadvocate.report.spanish_account import sol_warning
from billadvocate.rights import review_rights
from tests.rights.helpers import case

SUED = {"at": "2026-09-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-09-01"}
JUDGMENT = {"at": "2026-11-01", "kind": "legal_action", "from": "collector", "type": "judgment",
            "note": "default judgment entered"}
AS_OF = date(2026, 12, 4)
NOT_AFTER_A_JUDGMENT = ("may not sue", "may still ask", "revives it", "could revive", "may not be collected",
                        "restart the", "too old to sue")
NO_ES = ("no puede demandarle", "la revive", "podría revivir", "no se puede cobrar", "no permite que el dueño")


def _case(*events, first_bill="2020-07-15", collector=None):
    return case(*events, state="TX", account={"first_bill_date": first_bill},
                collector=collector or {"name": "Lone Star Receivables LLC", "kind": "debt_buyer"})


def _warning(*events, **kw) -> str:
    c = _case(*events, **kw)
    return review_rights(c, c.accounts[0], AS_OF).sol


def test_a_time_barred_debt_with_a_judgment_leads_with_the_judgment():
    sol = _warning(SUED, JUDGMENT)
    w = sol["warning"]
    assert w.startswith("A judgment was entered on 2026-11-01: the limit to sue no longer protects you. The judgment "
                        "can be enforced for many years"), w
    assert "unless the court sets it aside" in w and "legal aid" in w
    assert not [s for s in NOT_AFTER_A_JUDGMENT if s in w], w
    # the limit that ran out is kept as what it is now: a defence the court hears only once the judgment is set aside
    assert ("The 4-year limit to sue ran out on 2024-07-15: if the lawsuit was filed after that day, tell the lawyer; "
            "it is a defence the court can hear only if the judgment is set aside.") in w
    es = sol_warning({**sol, "judgment": "2026-11-01"})
    assert es and es.startswith("Se dictó una sentencia el 2026-11-01: el plazo para demandar ya no le protege."), es
    assert not [s for s in NO_ES if s in es], es
    assert es.endswith("La ley de Texas además prohíbe al dueño de esta deuda demandar una vez terminado el plazo: "
                       "dígaselo también al abogado."), es


def test_a_running_limit_with_a_judgment_says_nothing_of_restarting_the_clock():
    sol = _warning(SUED, JUDGMENT, first_bill="2024-01-10")
    assert sol["status"] == "running"
    w = sol["warning"]
    assert w.startswith("A judgment was entered on 2026-11-01: the limit to sue no longer protects you."), w
    assert not [s for s in NOT_AFTER_A_JUDGMENT if s in w] and "ran out" not in w, w
    assert sol_warning({**sol, "judgment": "2026-11-01"}).startswith("Se dictó una sentencia el 2026-11-01")


def test_the_html_report_and_its_spanish_lead_with_the_judgment():
    c = _case(SUED, JUDGMENT)
    result = review_case(c, as_of=AS_OF)
    en = render_html(result, "en").split("<h3>Statute of limitations</h3>", 1)[1].split("</p>", 1)[0]
    es = render_html(result, "es").split("<h3>Plazo para demandar</h3>", 1)[1].split("</p>", 1)[0]
    assert " ".join(en.split()).startswith("<p> A judgment was entered on 2026-11-01: the limit to sue no longer protects you."), en
    assert "may not sue or threaten" not in en and "may not sue on it at all" not in en
    assert " ".join(es.split()).startswith("<p>Se dictó una sentencia el 2026-11-01: el plazo para demandar ya no le protege."), es
    assert "no puede demandarle ni amenazar" not in es


def test_without_a_judgment_the_time_barred_warning_is_unchanged():
    w = _warning()["warning"]
    assert w.startswith("The 4-year limit to sue ran out on 2024-07-15: a collector may still ask, but may not sue or "
                        "threaten to."), w
