"""In Spanish too, the financial-assistance finding is likely, not decided, and the No Surprises Act limit is what
may be charged, not a debt: the finding's Spanish title, the call scripts' Spanish lines, and the list of errors
read aloud (which leaves the assistance out, as the English does). Read back from the er-visit example."""

from __future__ import annotations

from billadvocate import load_case, review_case
from billadvocate.report import spanish
from billadvocate.report.spanish_account import account_es, untranslated

from ..conftest import EXAMPLES


def _account():
    return review_case(load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml")).to_json()["accounts"][0]


def test_the_assistance_finding_is_likely_in_spanish():
    a = _account()
    over = next(f for f in a["findings"] if f["rule"] == "IRS501R.OVER_AGB")
    title = spanish.finding(over, "audit")["title"]
    assert title == ("Es probable que califique para atención gratuita según la política de ayuda financiera del "
                     "hospital, si el hospital aprueba su solicitud")


def test_the_assistance_findings_explanation_is_likely_in_spanish_too():
    # the generic explanation said 'nunca puede cobrar a quien califica' beside the patient's case, read as decided
    over = next(f for f in _account()["findings"] if f["rule"] == "IRS501R.OVER_AGB")
    explanation = spanish.finding(over, "audit")["explanation"]
    assert "a quien califica" not in explanation
    assert "si el hospital aprueba su solicitud" in explanation and "es probable que califique" in explanation


def test_the_spanish_scripts_say_the_belief_the_application_and_the_limit():
    a = _account()
    assert not untranslated(a)
    said = {s["to"]: " ".join(s["say"]) for s in account_es(a)["call_scripts"]}
    assert ("Creo que tengo derecho a atención gratuita según su política de ayuda financiera, y estoy solicitando "
            "ayuda financiera (") in said["provider"]
    head = said["provider"].split("están en disputa: ", 1)[1].split(".", 1)[0]  # the errors read aloud
    assert "ayuda" not in head and "El mismo servicio cobrado dos veces el mismo día" in head
    assert ("Según la Ley Sin Sorpresas no me pueden cobrar más que mi costo compartido dentro de la red"
            in said["insurer"])
    assert "solo debo" not in " ".join(said.values())


def test_the_offer_owes_nothing_in_spanish_only_once_the_hospital_approves():
    a = account_es(_account())
    assert a["offer"]["no_offer"].startswith("Si el hospital aprueba su solicitud, usted debe $0.00: ")
    assert any(s["step"].endswith("Así que, si el hospital aprueba su solicitud, usted debe $0.00")
               for s in a["offer"]["steps"])
    said = {s["to"]: s["say"] + s["ask"] for s in a["call_scripts"]}
    for to in ("provider", "collector"):
        assert any(x.startswith("Si el hospital aprueba mi solicitud, debo $0.00: ") for x in said[to]), said[to]
    assert any(q.startswith("Estoy solicitando la ayuda financiera del hospital, que da atención gratuita con mis "
                            "ingresos: ¿dejarán de cobrar") for q in said["collector"])


def test_a_discount_reads_wholly_in_spanish_and_is_owed_once_the_hospital_approves(tmp_path):
    import yaml

    from billadvocate import load_case as load

    data = yaml.safe_load((EXAMPLES / "er-visit-nonprofit" / "case.yaml").read_text())
    data["household"]["annual_income"] = 80000  # the policy's discount, never above AGB: $779.04
    data.pop("credit_report")
    (tmp_path / "bill.csv").write_text((EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv").read_text())
    data["accounts"][0]["bill"] = ["bill.csv"]
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    a = review_case(load(tmp_path / "case.yaml")).to_json()["accounts"][0]
    assert not untranslated(a)
    steps = [s["step"] for s in account_es(a)["offer"]["steps"]]
    assert "Si el hospital aprueba su solicitud, usted debe como máximo $779.04" in steps
    assert any("nunca más que los montos generalmente facturados (AGB) del hospital: el 38% de $5,908.00 menos "
               "$1,466.00 pagados = $779.04" in s for s in steps), steps
    over = next(f for f in a["findings"] if f["rule"] == "IRS501R.OVER_AGB")
    assert spanish.finding(over, "audit")["title"].startswith("Es probable que califique para un descuento")
