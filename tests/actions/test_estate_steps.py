"""A dead patient's bill, or a relative's: the plan opens with "Don't pay this from your own money yet" and the
notice of death, in English and Spanish, and never offers a settlement or a payment plan in the relative's name."""

from __future__ import annotations

from datetime import date

import yaml

from billadvocate.actions.spanish import in_spanish

from .helpers import kinds, letters, review, write_case

AS_OF = date(2024, 9, 1)
ASKED = {"at": "2024-08-01T17:00:00", "kind": "call", "from": "collector", "to": "contact", "type": "asked_to_pay"}


def dead_case(tmp_path, *, relationship="other_relative", signed=False, died="2022-05-01", chose_to_pay=False,
              state="CA", **kw):
    path = write_case(tmp_path, state=state, first_bill="2022-04-01", events=[ASKED], chose_to_pay=chose_to_pay, **kw)
    data = yaml.safe_load(path.read_text())
    if died:
        data["patient"]["died_on"] = died
    data["contact"] = {"name": "Luis Diaz", "address": "8 Elm St, Springfield, CA 90003",
                       "relationship": relationship, "signed_to_pay": signed}
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_a_relative_who_is_not_liable_is_told_first_not_to_pay_and_to_send_the_notice(tmp_path):
    result = review(dead_case(tmp_path), AS_OF)
    steps = result.actions
    assert [s["kind"] for s in steps[:2]] == ["DONT_PAY_OWN_MONEY", "TELL_OF_DEATH"]
    assert steps[0]["title"] == "Don't pay this from your own money yet" and steps[0]["step"] == 1
    assert steps[0]["why"].startswith("You are not personally liable for this bill")
    assert steps[1]["title"] == "Tell the collector in writing that the patient has died and who handles the estate"
    assert steps[1]["letter"] == "death_notice" and "acknowledges no debt" in steps[1]["why"]
    assert not {"NEGOTIATE", "PAYMENT_PLAN"} & set(kinds(result))
    assert letters(result) == {"death_notice"}  # nothing else in the dead patient's name
    notes = result.accounts[0].notes
    assert any(n.startswith("Only the notice that the patient has died is written") for n in notes)


def test_a_spouse_may_be_liable_and_is_told_to_get_advice_not_that_he_owes_nothing(tmp_path):
    result = review(dead_case(tmp_path, relationship="spouse"), AS_OF)
    first = result.actions[0]
    assert first["kind"] == "DONT_PAY_OWN_MONEY"
    assert "You may be liable under California law; get legal advice before you pay or refuse" in first["why"]
    assert "not personally liable" not in first["why"] and "owe nothing" not in first["why"]
    assert not {"NEGOTIATE", "PAYMENT_PLAN"} & set(kinds(result))


def test_choosing_to_pay_does_not_put_an_offer_in_the_relatives_name(tmp_path):
    result = review(dead_case(tmp_path, chose_to_pay=True), AS_OF)
    assert not {"settlement_offer", "payment_plan_offer", "hardship"} & letters(result)
    assert not {"NEGOTIATE", "PAYMENT_PLAN"} & set(kinds(result))
    for script in result.accounts[0].call_scripts or []:
        if script.get("to") == "collector":
            assert any("not personally liable" in line for line in script.get("never_say", []))


def test_a_living_patients_spouse_gets_the_first_step_but_no_notice_of_death(tmp_path):
    result = review(dead_case(tmp_path, relationship="spouse", died=None), AS_OF)
    assert kinds(result)[0] == "DONT_PAY_OWN_MONEY" and "TELL_OF_DEATH" not in kinds(result)
    assert "death_notice" not in letters(result) and "settlement_offer" not in letters(result)
    assert any(n.startswith("no offer to settle the account is written: whether you are personally liable")
               for n in result.accounts[0].notes)


def test_without_an_address_for_the_writer_the_step_says_what_to_add(tmp_path):
    path = dead_case(tmp_path)
    data = yaml.safe_load(path.read_text())
    del data["contact"]["address"]
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    result = review(path, AS_OF)
    notice = next(s for s in result.actions if s["kind"] == "TELL_OF_DEATH")
    assert notice["letter"] is None and notice["why"].startswith("Write to them: say that the patient died on 2022-05-01")
    assert "the mailing address of the person writing" in notice["why"]
    es = next(s for s in in_spanish(result) if s["kind"] == "TELL_OF_DEATH")
    assert es["why"].startswith("Escríbales: diga que el paciente falleció") and "Para escribirla" in es["why"]


def test_the_steps_read_in_spanish(tmp_path):
    for rel in ("other_relative", "spouse"):
        result = review(dead_case(tmp_path / rel, relationship=rel), AS_OF)
        es = in_spanish(result)
        assert es[0]["title"] == "No pague esto con su propio dinero todavía"
        assert es[1]["title"].startswith("Diga por escrito al cobrador que el paciente falleció")
        for s in es[:2]:
            assert " the " not in s["why"] and "You " not in s["why"], s["why"]
        assert ("no es personalmente responsable" in es[0]["why"]) == (rel == "other_relative")


def _insured(path, **contact):
    data = yaml.safe_load(path.read_text())
    data["insurance"] = {"status": "insured"}
    data["contact"].update(contact)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_the_estates_steps_are_addressed_to_whoever_handles_it_not_to_the_sister(tmp_path):
    result = review(_insured(dead_case(tmp_path, bill=False)), AS_OF)
    by_kind = {s["kind"]: s for s in result.actions}
    ask = by_kind["ASK_INSURER"]
    assert ask["title"] == "For whoever handles the estate: ask the insurer how it processed the claim"
    assert "what the patient's share is" in ask["why"] and "your share" not in ask["why"]
    assert by_kind["REQUEST_ITEMIZED_BILL"]["title"].startswith("For whoever handles the estate: ")
    for kind in ("COMPLAIN", "SEE_A_LAWYER"):  # the collector's conduct toward her: her own steps
        assert not by_kind[kind]["title"].startswith("For whoever"), by_kind[kind]
    es = {s["kind"]: s for s in in_spanish(result)}
    assert es["ASK_INSURER"]["title"] == "Para quien administre el patrimonio: pregunte al seguro cómo procesó el reclamo"
    assert "cuánto le toca pagar al paciente" in es["ASK_INSURER"]["why"] and "a usted" not in es["ASK_INSURER"]["why"]
    assert es["REQUEST_ITEMIZED_BILL"]["title"].startswith("Para quien administre el patrimonio: pida la factura")
    assert es["COMPLAIN"]["title"] == "Presente una queja"


def test_the_executor_is_spoken_to_as_the_estates_representative(tmp_path):
    result = review(_insured(dead_case(tmp_path), handles_estate=True), AS_OF)
    ask = next(s for s in result.actions if s["kind"] == "ASK_INSURER")
    assert ask["title"] == "Ask the insurer how it processed the claim"
    assert "what the patient's share is" in ask["why"] and "your share" not in ask["why"]
    es = next(s for s in in_spanish(result) if s["kind"] == "ASK_INSURER")
    assert "cuánto le toca pagar al paciente" in es["why"]


def test_a_living_patients_own_steps_are_unchanged(tmp_path):
    result = review(_insured(dead_case(tmp_path, relationship="spouse", died=None)), AS_OF)
    ask = next(s for s in result.actions if s["kind"] == "ASK_INSURER")
    assert ask["title"] == "Ask the insurer how it processed the claim" and "your share" in ask["why"]


def test_a_relative_who_received_from_the_estate_is_not_told_flatly_he_is_not_liable(tmp_path):
    path = dead_case(tmp_path)
    data = yaml.safe_load(path.read_text())
    data["contact"]["received_from_estate"] = True
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    result = review(path, AS_OF)
    first = result.actions[0]
    assert first["kind"] == "DONT_PAY_OWN_MONEY" and "not personally liable" not in first["why"]
    assert first["why"].startswith("You received money or property from the estate: you may be liable for this bill "
                                   "up to what you received")
    assert "under California law" not in first["why"]  # no state rule is known to make her liable otherwise
    es = in_spanish(result)[0]
    assert es["why"].startswith("Usted recibió dinero o bienes del patrimonio: podría ser responsable")
