"""The appeal hold (negotiate/hold.py) in Spanish: the review's step says what the patient owes after the held
amount ('the other $250.00 you owe'), and the call script says it as what is still asked, never as a debt the
patient admits ('the other $250.00 still asked': 'que todavía me reclaman', not 'que debo'). The case: a
collector chasing a radiology bill whose x-ray the plan denied (tests/negotiate/test_appeal_hold.py)."""

from __future__ import annotations

from billadvocate.report.spanish_account import account_es, untranslated
from tests.negotiate.test_appeal_hold import _case


def _hold_texts(account: dict) -> tuple[str, list[str]]:
    step = next(s["step"] for s in account["offer"]["steps"] if s["kind"] == "appeal_hold")
    said = [line for cs in account["call_scripts"] for line in cs.get("say") or [] if "C-1002" in line]
    return step, said


def test_the_hold_and_the_rest_asked_read_in_spanish(tmp_path):
    data = _case(tmp_path).accounts[0].to_json()
    step_en, said_en = _hold_texts(data)
    assert "the other $250.00 you owe" in step_en and said_en
    assert all("the other $250.00 still asked" in line for line in said_en)  # the English as it is said now
    left = untranslated(data)
    assert not [t for t in left if "C-1002" in t], [t for t in left if "C-1002" in t]
    step, said = _hold_texts(account_es(data))
    assert step == ("Los $610.00 que su plan negó (reclamación C-1002) esperan la decisión del plan: su apelación "
                    "todavía se puede presentar (hasta el 2027-04-18) o está pendiente, así que no se ofrece ningún "
                    "acuerdo ni plan de pagos sobre esa cantidad; la oferta y el plan son sobre los otros $250.00 que "
                    "usted debe.")
    for line in said:  # said on the phone: what is still asked, no debt admitted
        assert "mi plan negó (reclamación C-1002)" in line and "debo" not in line, line
        assert "los otros $250.00 que todavía me reclaman" in line, line


def test_a_hold_of_the_whole_balance_reads_in_spanish(tmp_path):
    data = _case(tmp_path, balance=610).accounts[0].to_json()
    assert not [t for t in untranslated(data) if "C-1002" in t]
    x = account_es(data)
    assert x["offer"]["no_offer"].endswith("; no se debe nada más en esta cuenta, así que por ahora no hay oferta "
                                           "ni plan de pagos.")


def test_an_eob_only_account_leaves_no_english_in_its_spanish(tmp_path):
    # the same case has EOBs and no itemized bill: the note that the EOBs were audited alone, and the warnings that
    # no offer is made before the bill is in hand (the scripts' and the letters'), had no Spanish
    data = _case(tmp_path).accounts[0].to_json()
    assert any("the EOBs were audited on their own" in n for n in data["notes"])
    assert untranslated(data) == []
    notes = account_es(data)["notes"]
    assert ("el caso no tiene factura detallada: las EOB se revisaron por sí solas; pida al proveedor la factura "
            "detallada para revisar cada cargo") in notes
    assert any(n.endswith("todavía no tiene la factura detallada: pídala antes de ofrecer o prometer nada.")
               for n in notes)
