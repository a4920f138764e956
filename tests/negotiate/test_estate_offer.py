"""Never "you owe" to a relative: when the patient has died, a contact who does not handle the estate (or no contact)
gets no offer, no plan and no provider or insurer script, only one line saying any settlement is the estate's and a
collector script in her own name; the executor keeps the numbers, of what the estate owes, paid from the estate's
money only, and calls about the patient's plan and share; a living patient's relative gets no offer either. EN/ES."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from billadvocate import load_case, review_case
from billadvocate.report.spanish_account import account_es

from ..conftest import run_cli

SISTER = Path(__file__).resolve().parents[1] / "scenarios" / "cases" / "deceased_sister_called"
ENGLISH = "<<EN>>"


def _case(tmp_path, change=None) -> Path:
    shutil.copy(SISTER / "bill.csv", tmp_path / "bill.csv")
    data = yaml.safe_load((SISTER / "case.yaml").read_text())
    if change:
        change(data)
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _executor(data):
    data["contact"]["handles_estate"] = True
    data["patient"]["estate"] = {"representative": "Elena Martinez", "address": "1200 Oak Ave, Austin, TX 78701"}


def _living(data):
    del data["patient"]["died_on"], data["patient"]["estate"]


def _no_contact(data):
    del data["contact"]
    data["accounts"][0]["events"][0]["to"] = "patient"


def _text(path) -> str:
    res = run_cli("review", path)
    assert res.code == 0, res.err
    return re.sub(r"\s+", " ", res.out)


def _account(path) -> dict:
    return review_case(load_case(path)).to_json()["accounts"][0]


def _scripts(a) -> dict:
    return {s["to"]: s for s in a["call_scripts"]}


def test_the_sister_is_offered_nothing_and_told_the_settlement_is_the_estates(tmp_path):
    path = _case(tmp_path)
    a = _account(path)
    offer = a["offer"]
    assert offer["opening"] is None and offer["target"] is None and offer["walk_away"] is None and offer["withheld"]
    assert offer["no_offer"] == ("Any settlement of this bill is for whoever handles the estate, to pay from the "
                                 "estate's money: no offer is made in your name.")
    assert offer["terms"] == [] and offer["steps"] == [] and a["plan"] is None
    text = _text(path)
    for never in ("You owe", "you owe at most", "Open at", "1099-C", "Payment plan", "I dispute this debt",
                  "I have a health plan", "my share"):
        assert never not in text, never
    res = run_cli("review", path, "--out", tmp_path / "out")
    assert res.code == 0, res.err
    html = (tmp_path / "out" / "report.html").read_text()
    assert "You owe at most" not in html and "Opening offer" not in html and "Any settlement of this bill" in html
    assert offer["owed"] is None  # the estate's figure, not hers (the web page's "What you owe")
    (tmp_path / "es").mkdir()
    es = _case(tmp_path / "es", lambda d: d["patient"].update(language="es"))
    res = run_cli("review", es, "--out", tmp_path / "out-es")
    assert res.code == 0, res.err
    html = (tmp_path / "out-es" / "report.es.html").read_text()
    assert "debe como máximo" not in html and "Cualquier acuerdo sobre esta factura" in html


def test_the_sisters_collector_script_says_who_she_is_and_asks_them_to_stop(tmp_path):
    scripts = _scripts(_account(_case(tmp_path)))
    for to in ("provider", "insurer"):  # the estate's business: for whoever handles it, of the patient's plan
        assert scripts[to]["say"][:2] == ["(This call is for whoever handles the estate, not for you.)",
                                          "I handle the estate of Rosa Martinez, who died on 2026-03-14."]
    assert "The patient had a health plan" in scripts["provider"]["say"][3]
    assert any("what is the patient's share" in x for x in scripts["insurer"]["ask"])
    s = scripts["collector"]
    assert s["say"] == ["I'm calling about your reference BRS-7730021, for Houston Memorial Hospital's bill.",
                        "My name is Elena Martinez; I am a relative of Rosa Martinez.",
                        "Rosa Martinez died on 2026-03-14.",
                        "No executor or administrator of the estate has been appointed yet.",
                        "I am not responsible for this debt, and I will not pay it.",
                        "Please stop calling me about it, and write to the estate."]
    assert not any("validation" in x for x in s["say"] + s["ask"])
    assert s["never_say"][0].startswith("Do not agree to anything, promise anything or pay anything")


def test_the_sisters_offer_and_script_in_spanish(tmp_path):
    es = account_es(_account(_case(tmp_path)), fallback=lambda t: ENGLISH + t)
    assert es["offer"]["no_offer"].startswith("Cualquier acuerdo sobre esta factura le corresponde a quien administre")
    s = _scripts(es)["collector"]
    assert "Rosa Martinez falleció el 2026-03-14." in s["say"]
    assert _scripts(es)["insurer"]["say"][0] == ("(Esta llamada le corresponde a quien administre el patrimonio, no a "
                                                 "usted.)")
    assert "No soy responsable de esta deuda, y no la voy a pagar." in s["say"]
    assert not any(ENGLISH in x for x in s["say"] + s["ask"] + s["never_say"] + [es["offer"]["no_offer"]])


def test_no_contact_named_gets_no_offer_either(tmp_path):
    a = _account(_case(tmp_path, _no_contact))
    assert a["offer"]["opening"] is None and a["offer"]["no_offer"].startswith("Any settlement of this bill is for "
                                                                                "whoever handles the estate")


def test_the_executor_keeps_the_numbers_of_what_the_estate_owes(tmp_path):
    path = _case(tmp_path, _executor)
    offer = _account(path)["offer"]
    assert offer["opening"] == 319.0 and offer["walk_away"] == 638.0
    # an executor who pays a debt before those the law ranks ahead of it may owe the difference personally
    assert offer["warnings"][0] == ("Any settlement is paid from the estate's money only, never from your own, and only "
                                    "once the estate can also pay the debts the law ranks ahead of this one: an "
                                    "executor who pays out of order may have to make up the difference personally "
                                    "(ask the probate court or a probate lawyer).")
    assert any(s["step"] == "The estate owes at most $2,140.00; a fair amount to pay is $798.31" for s in offer["steps"])
    assert any("1099-C as income of the estate" in t for t in offer["terms"])
    text = _text(path)
    assert "You owe" not in text and "you owe at most" not in text and "If you were insolvent" not in text
    res = run_cli("review", path, "--out", tmp_path / "out")
    assert res.code == 0, res.err
    html = (tmp_path / "out" / "report.html").read_text()
    assert "The estate owes at most" in html and "You owe at most" not in html


def test_the_executors_scripts_speak_of_the_patients_plan_and_share(tmp_path):
    scripts = _scripts(_account(_case(tmp_path, _executor)))
    intro = "I handle the estate of Rosa Martinez, who died on 2026-03-14."
    assert all(s["say"][0] == intro for s in scripts.values())
    assert "The patient had a health plan" in scripts["provider"]["say"][2]
    assert "I have a health plan" not in " ".join(scripts["provider"]["say"])
    assert any("what is the patient's share" in x for x in scripts["insurer"]["ask"])
    assert not any("my share" in x for x in scripts["insurer"]["ask"])


def test_the_executors_offer_in_spanish(tmp_path):
    es = account_es(_account(_case(tmp_path, _executor)), fallback=lambda t: ENGLISH + t)
    offer = es["offer"]
    assert any(s["step"] == "El patrimonio debe como máximo $2,140.00; una cantidad justa a pagar es $798.31"
               for s in offer["steps"])
    assert offer["warnings"][0] == ("Cualquier acuerdo se paga solo con el dinero del patrimonio, nunca con el suyo, y "
                                    "solo cuando el patrimonio pueda pagar también las deudas que la ley pone antes que "
                                    "esta: un albacea que paga fuera de orden puede tener que cubrir la diferencia con "
                                    "su propio dinero (pregunte al tribunal de sucesiones o a un abogado de "
                                    "sucesiones).")
    assert not any(ENGLISH in x for x in offer["warnings"] + offer["terms"] + offer["reasons"])
    assert all(s["say"][0] == "Administro el patrimonio de Rosa Martinez, que falleció el 2026-03-14."
               for s in _scripts(es).values())
    assert not any(ENGLISH in x for s in _scripts(es).values() for x in s["ask"])


def test_a_living_patients_relative_is_not_offered_the_patients_settlement(tmp_path):
    path = _case(tmp_path, _living)
    a = _account(path)
    assert a["offer"]["opening"] is None and a["offer"]["no_offer"] == (
        "Any settlement of this bill is for the patient to make, from the patient's own money: no offer is made in "
        "your name.")
    collector = _scripts(a)["collector"]
    assert "Please stop calling me about it, and write to the patient." in collector["say"]
    assert not any("died" in x for x in collector["say"])
    assert "You owe at most" not in _text(path)


def test_the_bills_problems_speak_of_the_patient_once_she_has_died(tmp_path):
    path = _case(tmp_path)
    [f] = [f for f in _account(path)["findings"] if f["rule"] == "EOB.NOT_BILLED_TO_INSURER"]
    assert f["message"].startswith("The patient had a health plan, but the bill shows no insurance payment and there "
                                   "is no Explanation of Benefits from the patient's plan")
    text = _text(path)
    assert "You have a health plan" not in text and "your insurance" not in text
    es = account_es(_account(path), fallback=lambda t: ENGLISH + t)
    assert not any(ENGLISH in x for s in _scripts(es).values() for x in s["say"])
    living = _account(_case(tmp_path, _living))  # a living patient's bill keeps its words
    assert any(f["message"].startswith("You have a health plan") for f in living["findings"])


def test_the_executor_is_offered_no_monthly_plan_on_a_household_income(tmp_path):
    """An estate pays from what it holds, when probate allows: a monthly plan built on a household's income (or a
    request for that income) is not advice for the executor."""
    a = _account(_case(tmp_path, _executor))
    plan = a["plan"]
    assert plan["monthly"] is None and plan["schedule"] == [] and plan.get("refused")
    assert plan["why"].startswith("An estate pays its debts from what it holds")
    assert "household" not in plan["why"] and "Keep paying" not in str(plan)
    es = account_es(a, fallback=lambda t: ENGLISH + t)
    assert es["plan"]["why"].startswith("Un patrimonio paga sus deudas con lo que tiene") and ENGLISH not in es["plan"]["why"]
