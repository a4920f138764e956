"""A letter that would help but lacks a fact leaves a note: in English it names the letter by its title
(never its type id) and the case field to add; in Spanish (the account's notes, the Spanish text review
and report.es.html) it reads wholly in Spanish, for each common missing fact."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
import yaml
from rich.console import Console

from billadvocate import load_case, review_case
from billadvocate.cli.spanish_text import print_account_es
from billadvocate.letters.compose import labels
from billadvocate.letters.kinds import ORDER, all_kinds
from billadvocate.report import render_html
from billadvocate.report.spanish_account import account_es, untranslated
from tests.conftest import EXAMPLES, ROOT

# English words of the note; none may be left in its Spanish
ENGLISH = re.compile(r"\b(would help|letter|needs|the|add it|field|address|claim|appeal)\b")
ADDRESS = "Appeals Unit, PO Box 500, Fresno, CA 93702"


def _no_field(text: str) -> str:
    """The text without the case field's name (kept for the advocate: 'provider.address')."""
    return re.sub(r"\(campo [^()\s]+\)", "", text)


def test_every_need_of_every_letter_has_its_spanish():
    for k in all_kinds():
        for need in k.needs:
            assert need.what_es and need.what_es != need.what, (k.type, need.what)
            assert not re.search(r"\b(the|your|and|of)\b", need.what_es), (k.type, need.what_es)


def _insurer_appeal(d):
    d["insurance"].update(plan_type="medicare_advantage", member_id="H1234-567")


def _medicare(d):
    d["insurance"].update(plan_type="medicare_original", member_id="1EG4-TE5-MK72")


def _regulator(d):
    d["insurance"].update(plan_type="aca_individual", appeals_address=ADDRESS)
    d["patient"]["state"] = "WY"  # no address found for Wyoming's insurance department
    d["accounts"][0]["events"].append({"at": "2026-09-01", "kind": "letter", "from": "patient", "to": "insurer",
                                       "type": "insurer_appeal"})  # the plan's 60 days ran out unanswered


def _provider(d):
    del d["accounts"][0]["provider"]["address"]


def _expenses(d):
    del d["household"]["monthly_expenses"]  # income is under twice the poverty guideline: hardship


CASES = {  # name: (example, with the denied EOB, edit, the letter, the field)
    "insurer appeals address": ("er-visit-nonprofit", True, _insurer_appeal, "insurer_appeal",
                                "insurance.appeals_address"),
    "Medicare appeals address": ("er-visit-nonprofit", True, _medicare, "medicare_redetermination",
                                 "insurance.appeals_address"),
    "regulator address": ("er-visit-nonprofit", True, _regulator, "insurance_complaint",
                          "insurance.regulator_address"),
    "provider address": ("er-visit-nonprofit", False, _provider, "billing_dispute", "accounts[0].provider.address"),
    "household expenses": ("uninsured-outpatient", False, _expenses, "hardship", "household.monthly_expenses"),
}

WHY_ES = {  # the reason the letter would help, in Spanish (None: the regulator's name has no Spanish yet)
    "insurer appeals address": "ayudaría (el plan negó 1 reclamación ($610.00) por un motivo que usted puede "
                               "impugnar: apele por escrito antes de la fecha límite)",
    "Medicare appeals address": "ayudaría (Medicare negó 1 reclamación y el plazo para apelar sigue abierto: pida a "
                                "Medicare una nueva determinación)",
    "regulator address": None,
    # the errors alone (18) and their own dollars: the free care the patient is likely eligible for is said apart
    "provider address": "ayudaría (la revisión encontró 18 problemas en la factura, $3,686.68 en juego: pida a la "
                        "oficina de facturación que la corrija y que aplique su política de ayuda financiera, para la "
                        "que es probable que usted califique)",
    "household expenses": "ayudaría (dificultad económica: los ingresos son el 194.24% de la línea de pobreza: pida "
                          "una reducción o la cancelación de la deuda)",
}


def _review(tmp_path, example, eob, edit):
    shutil.copytree(EXAMPLES / example, tmp_path / "case")
    data = yaml.safe_load((tmp_path / "case" / "case.yaml").read_text())
    if eob:  # the real EOB export: C-1002 denied on a notice of 2026-10-20
        shutil.copy(ROOT / "tests" / "fixtures" / "ingest" / "eob-export.csv", tmp_path / "case" / "eob.csv")
        data["accounts"][0].update(eob=["eob.csv"], denial_notice_date="2026-10-20")
    edit(data)
    data["patient"]["language"] = "es"
    path = tmp_path / "case" / "case.yaml"
    path.write_text(yaml.safe_dump(data))
    return review_case(load_case(path), as_of=date(2026, 11, 28))


@pytest.mark.parametrize("name", list(CASES))
def test_a_missing_fact_note_names_the_letter_plainly_and_reads_wholly_in_spanish(tmp_path, name):
    example, eob, edit, letter_type, field = CASES[name]
    result = _review(tmp_path, example, eob, edit)
    account = result.to_json()["accounts"][0]
    kind = next(k for k in all_kinds() if k.type == letter_type)
    notes = [n for n in account["notes"] if n.startswith(f'The letter "{kind.title}" would help')]
    assert notes, account["notes"]
    for note in notes:
        # no type id shows ('hardship' is also a word)
        assert not any(t in note for t in ORDER if "_" in t) and f"a {kind.type} letter" not in note, note
        assert f"add it to the case (field {field})." in note, note
    left = untranslated(account)
    assert not [t for t in left if "would help" in t], left
    # without expense figures the money engine's offer and plan sentences have no Spanish yet (not this note)
    assert not left or name == "household expenses", left
    title_es = labels("es")["titles"][letter_type]
    need = next(n for n in kind.needs if not callable(n.field) and n.field.replace("{i}", "0") == field)
    notes_es = [n for n in account_es(account)["notes"] if f"«{title_es}»" in n]
    assert len(notes_es) == len(notes), account_es(account)["notes"]
    assert (WHY_ES[name] or "ayudaría,") in notes_es[0], notes_es[0]  # the reason in Spanish, or none
    for n in notes_es:
        assert need.what_es in n and f"(campo {field})" in n and not ENGLISH.search(_no_field(n)), n
    c = Console(record=True, width=400)
    print_account_es(c, account, result.as_of.isoformat())
    text = c.export_text()
    for line in text.splitlines():
        if f"«{title_es}»" in line:
            assert line.startswith("Nota: La carta") and not ENGLISH.search(_no_field(line)), line
    page = render_html(result, lang="es")
    assert f"«{title_es}»" in page and "would help" not in page
    assert '<span lang="en">' not in page or name == "household expenses"


def test_a_why_without_spanish_leaves_it_out_rather_than_show_english():
    from billadvocate.report.spanish_account import sentence

    note = ('The letter "Appeal of an insurance denial" would help (some reason no pattern knows), but it needs '
            "the address where the plan takes appeals (printed on the denial notice): add it to the case "
            "(field insurance.appeals_address).")
    es = sentence(note)
    assert es and es.startswith("La carta «Apelación de una denegación del seguro» ayudaría, pero necesita ")
    assert "(campo insurance.appeals_address)" in es and not ENGLISH.search(_no_field(es)), es


@pytest.mark.parametrize("why,es", [
    ("the plan upheld its denial of 2 claims: ask for an independent external review, whose decision the plan must "
     "follow", "el plan mantuvo su negación de 2 reclamaciones: pida una revisión externa independiente"),
    ("The judge upheld the Medicare Advantage plan's denial of 1 claim and the time to appeal is open: ask the "
     "Medicare Appeals Council to review the judge's decision", "el juez mantuvo la negación del plan Medicare "
     "Advantage de 1 reclamación y el plazo para apelar sigue abierto: pida al Consejo de Apelaciones de Medicare"),
    ("Medicaid denied 3 claims: ask the state for a fair hearing in writing before the date on the notice",
     "Medicaid negó 3 reclamaciones: pida por escrito al estado una audiencia imparcial"),
    ("ask the plan for its file on the 2 denied claims and the criteria it used: the law gives you a free copy, and "
     "the appeal answers what is in it", "pida al plan su expediente sobre las 2 reclamaciones negadas"),
    ("financial hardship: income is 150% of the poverty guideline; after essential costs 40.00 dollars a month are "
     "left, less than a year's payments on 3,140.00: ask for a reduction or write-off",
     "después de los gastos esenciales quedan 40.00 dólares al mes, menos que un año de pagos sobre 3,140.00"),
])
def test_each_letter_s_reason_reads_in_spanish_inside_the_note(why, es):
    from billadvocate.report.spanish_account import sentence

    note = (f'The letter "Appeal of an insurance denial" would help ({why}), but it needs the address where the '
            "plan takes appeals (printed on the denial notice): add it to the case (field insurance.appeals_address).")
    done = sentence(note)
    assert done and f"ayudaría ({es[:1]}" in done and es in done and not ENGLISH.search(_no_field(done)), done
