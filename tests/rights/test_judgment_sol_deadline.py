"""A judgment logged on the debt: the limitations deadline (SOL_EXPIRES) no longer calls the debt 'too old to sue on'.
Before, with a Texas default judgment of 2026-11-01 in the log, the deadline of 2024-07-15 still read 'After this day
the debt is too old to sue on in TX ... Nothing you pay or sign now revives it', titled 'The debt becomes too old to
sue on' (ES 'La deuda ya es demasiado antigua para demandarle') in the review's text and JSON, the HTML report, the
case calendar (.ics) and the web page, while the warning above it said the limit no longer protected her. Once a
judgment is entered it is enforced on its own terms; the expired limit is at most a point for a lawyer (in asking
the court to set the judgment aside)."""

from __future__ import annotations

from datetime import date

from billadvocate import review_case
from billadvocate.ics import deadlines_to_ics
from billadvocate.report import render_html, spanish
from billadvocate.rights import review_rights
from tests.rights.helpers import case

SUED = {"at": "2026-09-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-09-01"}
JUDGMENT = {"at": "2026-11-01", "kind": "legal_action", "from": "collector", "type": "judgment",
            "note": "default judgment entered"}
AS_OF = date(2026, 12, 4)
NOT_EN = ("too old to sue", "revives it", "could revive", "may restart")
NOT_ES = ("demasiado antigua", "la revive", "podría revivir", "puede reiniciarlo", "pueden reiniciarlo")
PASSED = ("The time limit to sue on this debt passed on 2024-07-15 (4 years in Texas), but a judgment was entered on "
          "2026-11-01: until the court sets the judgment aside, it can be enforced whatever the limit was. Only a "
          "lawyer can say whether the expired limit helps you, for example in asking the court to set the judgment "
          "aside.")
PASSED_ES = ("El plazo para demandar por esta deuda terminó el 2024-07-15 (4 años en Texas), pero se dictó una "
             "sentencia el 2026-11-01: mientras el tribunal no la anule, la sentencia se puede ejecutar sin importar "
             "ese plazo. Solo un abogado puede decirle si el plazo vencido le ayuda, por ejemplo al pedir al tribunal "
             "que anule la sentencia.")


def _case(*events, first_bill="2020-07-15"):
    return case(*events, state="TX", account={"first_bill_date": first_bill},
                collector={"name": "Lone Star Receivables LLC", "kind": "debt_buyer"})


def _sol_deadline(*events, **kw):
    c = _case(*events, **kw)
    r = review_rights(c, c.accounts[0], AS_OF)
    (d,) = [d for d in r.deadlines if d.kind == "SOL_EXPIRES"]
    return d, spanish.deadline({"kind": d.kind, "why": d.why, "date": d.date.isoformat()}, {"sol": r.sol})


def test_a_passed_limit_with_a_judgment_is_a_point_for_a_lawyer_not_too_old_to_sue():
    d, es = _sol_deadline(SUED, JUDGMENT)
    assert d.why == PASSED, d.why
    assert not [s for s in NOT_EN if s in d.why], d.why
    assert es["why"] == PASSED_ES, es["why"]
    assert not [s for s in NOT_ES if s in es["why"] + es["what"]], es


def test_a_limit_not_yet_passed_when_the_judgment_was_entered():
    d, es = _sol_deadline(SUED, JUDGMENT, first_bill="2024-01-10")
    assert d.why == ("The time limit to sue on this debt would have passed on 2028-01-10 (4 years in Texas), but a "
                     "judgment was entered on 2026-11-01, before that day: the limit no longer protects you, and the "
                     "judgment can be enforced until the court sets it aside. Ask a lawyer about the judgment now."), d.why
    assert es["why"] == ("El plazo para demandar por esta deuda habría terminado el 2028-01-10 (4 años en Texas), pero "
                         "se dictó una sentencia el 2026-11-01, antes de ese día: el plazo ya no le protege, y la "
                         "sentencia se puede ejecutar mientras el tribunal no la anule. Consulte ahora a un abogado "
                         "sobre la sentencia."), es["why"]


def test_the_deadline_title_never_says_too_old_to_sue():
    # the title is the kind's, judgment or not: it must hold in both cases
    assert "too old" not in spanish.deadline_title("SOL_EXPIRES", "en")
    assert "demasiado antigua" not in spanish.deadline_title("SOL_EXPIRES", "es")


def test_every_output_of_the_review_says_so():
    result = review_case(_case(SUED, JUDGMENT), as_of=AS_OF)
    js = result.to_json()
    (d,) = [d for d in js["accounts"][0]["deadlines"] if d["kind"] == "SOL_EXPIRES"]
    assert d["why"] == PASSED
    for lang, head, bad, said in (("en", "<h3>Deadlines</h3>", NOT_EN, PASSED),
                                  ("es", "<h3>Fechas límite</h3>", NOT_ES, PASSED_ES)):
        table = " ".join(render_html(result, lang).split(head, 1)[1].split("</table>", 1)[0].split())
        assert said in table, table
        assert not [s for s in bad if s in table], (lang, [s for s in bad if s in table])
    ics = deadlines_to_ics([{**x.model_dump(), "account": a.account.id} for a in result.accounts for x in a.deadlines])
    unfolded = ics.decode().replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    assert "too old to sue" not in unfolded and "but a judgment was entered on 2026-11-01" in unfolded


def test_without_a_judgment_the_deadline_is_unchanged():
    d, es = _sol_deadline()
    assert d.why.startswith("After this day the debt is too old to sue on in TX;"), d.why
    assert es["why"].startswith("Después de este día la deuda es demasiado antigua para que le demanden en Texas"), es
