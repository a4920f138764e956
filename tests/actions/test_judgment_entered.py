"""A judgment logged on the lawsuit (a legal_action of type judgment, as tests/rights/test_judgment_entered.py sets
it up): the plan's steps say what the answer deadline and the limitations warning say. Before, the lawsuit step
still began 'call the court clerk today to ask whether a default judgment was entered' (it was entered, and the
log says so), its Spanish dropped the judgment and told her to answer, and the do-not-pay step ended 'if it sues,
answer and say the debt is too old to sue on' - a patient following it would wait to be sued in a case already
decided, or file an answer nobody reads, while the short time to ask the court to set the judgment aside runs."""

from __future__ import annotations

from datetime import date

from billadvocate.actions.spanish import in_spanish

from .helpers import review, write_case

SUED = {"at": "2026-09-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-09-01"}
JUDGMENT = {"at": "2026-11-01", "kind": "legal_action", "from": "collector", "type": "judgment",
            "note": "default judgment entered"}
AS_OF = date(2026, 12, 4)


def _judged(tmp_path, first_bill="2020-07-15"):
    return review(write_case(tmp_path, state="TX", first_bill=first_bill, events=[SUED, JUDGMENT]), AS_OF)


def _step(result, kind, lang="en"):
    steps = in_spanish(result) if lang == "es" else result.actions
    return next(s for s in steps if s["kind"] == kind)


def test_the_lawsuit_step_says_the_judgment_was_entered_not_to_ask_whether_it_was(tmp_path):
    s = _step(_judged(tmp_path), "ANSWER_LAWSUIT")
    assert s["step"] == 1 and "Answer the lawsuit" not in s["title"] and "set aside" in s["title"]
    assert s["why"].startswith("A judgment was entered on 2026-11-01 in the lawsuit ABC Recovery served on 2026-09-01: "
                               "the time to answer has passed.")
    assert "ask whether a default judgment was entered" not in s["why"]
    for words in ("copy of the judgment", "set aside", "can be enforced", "lawhelp.org"):
        assert words in s["why"]
    assert s["due"] == AS_OF.isoformat()  # act now: not the answer date that passed in September


def test_the_lawsuit_step_in_spanish_keeps_the_judgment(tmp_path):
    s = _step(_judged(tmp_path), "ANSWER_LAWSUIT", "es")
    assert "Responda" not in s["title"] and "anul" in s["title"]
    assert s["why"].startswith("Se dictó una sentencia el 2026-11-01 en la demanda que le entregaron el 2026-09-01: "
                               "el plazo para responder ya pasó.")
    assert "pregunte si se dictó" not in s["why"] and "Si no responde por escrito" not in s["why"]
    for words in ("copia de la sentencia", "anular", "se puede ejecutar", "lawhelp.org"):
        assert words in s["why"]


def test_the_do_not_pay_step_says_the_judgment_stands_not_if_it_sues_answer(tmp_path):
    s = _step(_judged(tmp_path), "DO_NOT_PAY")
    assert "if it sues, answer" not in s["why"] and "could then sue" not in s["why"]
    assert ("A judgment was entered on 2026-11-01: the time to answer has passed, and the statute of limitations can "
            "be raised now only if the court sets the judgment aside.") in s["why"]
    for words in ("copy of the judgment from the court clerk", "talk to a lawyer quickly", "can be enforced"):
        assert words in s["why"]


def test_the_do_not_pay_step_in_spanish_says_the_same(tmp_path):
    s = _step(_judged(tmp_path), "DO_NOT_PAY", "es")
    assert "si le demanda, responda" not in s["why"] and "podría entonces demandar" not in s["why"]
    assert ("Se dictó una sentencia el 2026-11-01: el plazo para responder ya pasó, y la prescripción solo se puede "
            "alegar ahora si el tribunal anula la sentencia.") in s["why"]
    for words in ("copia de la sentencia al secretario del tribunal", "hable rápido con un abogado",
                  "se puede ejecutar"):
        assert words in s["why"]


def test_without_a_judgment_the_steps_still_say_answer(tmp_path):
    result = review(write_case(tmp_path, state="TX", first_bill="2020-07-15", events=[SUED]), date(2026, 9, 5))
    assert _step(result, "ANSWER_LAWSUIT")["title"].startswith("Answer the lawsuit by")
    assert "if it sues, answer and say the debt is too old to sue on" in _step(result, "DO_NOT_PAY")["why"]
    late = review(write_case(tmp_path / "late", state="TX", first_bill="2020-07-15", events=[SUED]), AS_OF)
    assert "ask whether a default judgment was entered" in _step(late, "ANSWER_LAWSUIT")["why"]


def test_a_judgment_logged_without_the_lawsuit_still_comes_first(tmp_path):
    # the log may hold only the judgment (the patient learned of the suit from it): the plan said nothing of it
    result = review(write_case(tmp_path, state="TX", first_bill="2024-07-15", events=[JUDGMENT]), AS_OF)
    s = result.actions[0]
    assert s["kind"] == "ANSWER_LAWSUIT" and "set aside" in s["title"] and s["due"] == AS_OF.isoformat()
    assert s["why"].startswith("A judgment was entered on 2026-11-01 in the lawsuit over this debt: the time to "
                               "answer has passed.") and "can be enforced" in s["why"]
    es = _step(result, "ANSWER_LAWSUIT", "es")["why"]
    assert es.startswith("Se dictó una sentencia el 2026-11-01 en la demanda: el plazo para responder ya pasó.")


def test_the_do_not_pay_step_leads_with_the_judgment_not_the_limit_to_sue(tmp_path):
    # before, it opened 'The limit to sue on this debt ran out on ...' and only then said a judgment was entered: the
    # limit no longer decides anything once a judgment is entered (rights/sol.py leads with it too)
    result = _judged(tmp_path)
    s = _step(result, "DO_NOT_PAY")
    assert s["why"].startswith("A judgment was entered on 2026-11-01:"), s["why"]
    assert s["why"].endswith("Tell the lawyer that the limit to sue on this debt ran out on "
                             f"{result.accounts[0].sol['expires']} (4 years in Texas)."), s["why"]
    es = _step(result, "DO_NOT_PAY", "es")
    assert es["why"].startswith("Se dictó una sentencia el 2026-11-01:"), es["why"]
    assert es["why"].endswith("Dígale al abogado que el plazo para demandar por esta deuda venció el "
                              f"{result.accounts[0].sol['expires']} (4 años en Texas)."), es["why"]
