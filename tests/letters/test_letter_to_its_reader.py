"""A letter is the patient speaking to its recipient: it states the patient's position and asks for
something, never the advice the review gives the patient ('get the insurer's EOB', 'check that the
plan applied ...'); its totals agree with the items it lists. Read back from reviewed cases."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from billadvocate import load_case, review_case
from billadvocate.letters import letter_for, render

from ..conftest import EXAMPLES

AS_OF = date(2026, 11, 28)
ER_BILL = (EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv").read_text()
# advice to the reader of a review, which a letter to a hospital, collector or bureau must not carry
PATIENT_ADVICE = re.compile(r"\b(get the|check that|check whether|tell it in writing|ask it to|if they are)\b", re.I)


def reviewed(tmp_path: Path, bill: str = ER_BILL, household: dict | None = None, insurance: dict | None = None,
             **account):
    """The er-visit example's case with `account` fields changed, reviewed on AS_OF."""
    data = yaml.safe_load((EXAMPLES / "er-visit-nonprofit" / "case.yaml").read_text())
    acct = data["accounts"][0]
    provider = {**acct["provider"], **account.pop("provider", {})}
    acct.update(account, provider=provider, bill=["bill.csv"])
    if household is not None:
        data["household"] = household
    if insurance is not None:
        data["insurance"] = insurance
    (tmp_path / "bill.csv").write_text(bill)
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return review_case(load_case(tmp_path / "case.yaml"), AS_OF)


def letter_text(result, kind: str, lang: str = "en") -> str:
    """Every text of the letter in reading order, a table row as its cells joined by ' | ' (the
    rendered text would interleave a table's wrapped columns)."""
    letter = letter_for(result, kind, lang=lang)
    render(letter, "txt", as_of=AS_OF)  # it renders
    return " ".join(" ".join(letter.text_blocks()).split())


ONE_VISIT = "Line,Svc Date,CPT/HCPCS,Description,Qty,Amount\n1,03/02/2025,99223,HOSPITAL CARE,1,$900.00\n"
AIR = "Line,Svc Date,CPT/HCPCS,Description,Qty,Amount\n1,03/02/2025,A0430,AIR AMBULANCE,1,\"$4,830.00\"\n"
HIGH_INCOME = {"size": 3, "annual_income": 400000, "monthly_expenses": 2900}


def test_the_nsa_item_states_the_patients_position_and_request_not_advice_for_emergency_care(tmp_path):
    result = reviewed(tmp_path)  # insured, out-of-network ER, no EOB in the case
    for kind in ("billing_dispute", "dispute", "nsa_dispute"):
        text = letter_text(result, kind)
        assert not PATIENT_ADVICE.search(text), (kind, PATIENT_ADVICE.search(text))
        assert "in-network cost-sharing amount" in text and "300gg-131" in text, kind
    table = letter_text(result, "billing_dispute")
    assert "bill me no more than the in-network cost-sharing amount" in table and "send me the corrected bill" in table
    assert "45 CFR 149.410" in table  # the law column keeps its citations too


def test_the_nsa_item_cites_300gg_132_for_an_out_of_network_doctor_at_an_in_network_facility(tmp_path):
    result = reviewed(tmp_path, ONE_VISIT, household=HIGH_INCOME, balance=900,
                      provider={"kind": "physician", "nonprofit": False, "fap": None},
                      care={"emergency": False, "start": "2025-03-02", "facility_in_network": True})
    text = letter_text(result, "billing_dispute")
    assert not PATIENT_ADVICE.search(text)
    assert "42 U.S.C. 300gg-132; 45 CFR 149.420" in text and "in-network cost-sharing amount" in text
    # the consent exception is the provider's to prove: the patient's letter does not raise it
    assert "unless I signed" not in text and "unless you signed" not in text


def test_the_nsa_item_cites_300gg_135_for_an_air_ambulance(tmp_path):
    result = reviewed(tmp_path, AIR, household=HIGH_INCOME,
                      provider={"kind": "ambulance", "nonprofit": False, "fap": None},
                      care={"emergency": False, "start": "2025-03-02", "ambulance": "air"})
    text = letter_text(result, "billing_dispute")
    assert not PATIENT_ADVICE.search(text)
    assert "42 U.S.C. 300gg-135; 45 CFR 149.440" in text


def test_the_ancillary_item_asks_the_provider_instead_of_telling_the_patient_to_check():
    result = review_case(load_case(Path(__file__).parent / "cases" / "ancillary" / "case.yaml"))
    for kind in ("billing_dispute", "nsa_dispute"):
        text = letter_text(result, kind)
        assert not PATIENT_ADVICE.search(text), (kind, PATIENT_ADVICE.search(text))
    assert "bill me no more than my in-network cost sharing" in letter_text(result, "billing_dispute")


# ------------------------------------------------------------ the billing dispute's closing sentence

CLEAN_LAB = "Line,Svc Date,CPT/HCPCS,Description,Qty,Amount\n1,03/02/2025,85025,CBC W/AUTO DIFF,1,$5.00\n"


def _money(text: str) -> float:
    return float(text.replace("$", "").replace(",", ""))


def test_free_care_with_errors_says_nothing_is_owed_and_the_errors_must_go_anyway(tmp_path):
    result = reviewed(tmp_path)  # the example: free care at 153% of the guideline, and errors on the bill
    assert [f.rule for f in result.accounts[0].findings][0] == "IRS501R.OVER_AGB"
    en = letter_text(result, "billing_dispute")
    assert "at most $0.00" not in en and "before any financial assistance" not in en
    # the screen is not the hospital's decision: the patient believes and applies; never 'I qualify', never 'I owe'
    assert ("Apart from these errors, under your financial-assistance policy (26 U.S.C. 501(r)(5); 26 CFR "
            "1.501(r)-5(a), (b)) I believe I qualify for free care, and I am applying for it: if you approve it, you "
            "may charge me nothing on this account, so the whole balance of $4,830.00 is in dispute.") in en
    assert not re.search(r"(?<!believe )I qualify|I owe nothing", en)
    assert "they must be corrected whatever the decision on my financial assistance." in en
    es = letter_text(result, "billing_dispute", "es")
    assert "como máximo en $0.00" not in es and "antes de cualquier asistencia financiera" not in es
    assert ("Además de estos errores, conforme a su política de asistencia financiera (26 U.S.C. 501(r)(5); 26 CFR "
            "1.501(r)-5(a), (b)) creo que tengo derecho a atención gratuita, y la estoy solicitando: si la aprueban, no "
            "pueden cobrarme nada en esta cuenta, así que todo el saldo de $4,830.00 está en disputa.") in es
    assert "no debo nada" not in es
    assert "deben corregirse sea cual sea la decisión sobre mi asistencia financiera." in es


def test_free_care_alone_is_not_called_an_error(tmp_path):
    result = reviewed(tmp_path, CLEAN_LAB, insurance={"status": "uninsured"}, balance=5.00, not_received=[])
    assert [f.rule for f in result.accounts[0].findings] == ["IRS501R.OVER_AGB"]
    en = letter_text(result, "billing_dispute")
    assert "found errors" not in en and "these errors" not in en and "errors listed" not in en
    assert "you may charge me nothing on this account, so the whole balance of $5.00 is in dispute." in en
    es = letter_text(result, "billing_dispute", "es")
    assert "he encontrado errores" not in es and "estos errores" not in es and "errores señalados" not in es
    assert "no pueden cobrarme nada en esta cuenta, así que todo el saldo de $5.00 está en disputa." in es


def test_a_discount_with_errors_names_what_is_owed_under_the_policy(tmp_path):
    # 80,000 a year for 3 people is about 293% of the 2026 guideline: the policy's 60% discount, not free care
    result = reviewed(tmp_path, household={"size": 3, "annual_income": 80000, "monthly_expenses": 2900})
    agb = next(f for f in result.accounts[0].findings if f.rule == "IRS501R.OVER_AGB")
    owed = 4830 - float(agb.amount)
    assert 0 < owed < 4830
    en = letter_text(result, "billing_dispute")
    # 'may charge me no more than', never 'I owe': the letter states a limit, not a debt
    assert (f"under your financial-assistance policy (26 U.S.C. 501(r)(5); 26 CFR 1.501(r)-5(a), (b)) I believe I "
            f"qualify for a discount, and I am applying for it: if you approve it, you may charge me no more than "
            f"${owed:,.2f} of the balance of "
            f"$4,830.00, so "
            f"${float(agb.amount):,.2f} is in dispute.") in en
    assert "free care" not in en.split("Attachment A")[0] and "whatever the decision" in en
    es = letter_text(result, "billing_dispute", "es")
    assert (f"conforme a su política de asistencia financiera (26 U.S.C. 501(r)(5); 26 CFR 1.501(r)-5(a), (b)) creo "
            f"que tengo derecho a un descuento, y lo estoy solicitando: si lo aprueban, no pueden cobrarme más de "
            f"${owed:,.2f} del saldo de "
            f"$4,830.00, así que ${float(agb.amount):,.2f} está en disputa.") in es


def test_errors_alone_give_the_balance_left_once_they_are_removed(tmp_path):
    result = reviewed(tmp_path, household=HIGH_INCOME)  # over the policy's limits: no assistance finding
    review = result.accounts[0]
    assert all(f.rule != "IRS501R.OVER_AGB" for f in review.findings)
    x = float(review.in_dispute)
    assert 0 < x < 4830
    en = letter_text(result, "billing_dispute")
    assert (f"These errors put ${x:,.2f} of the balance of $4,830.00 in dispute, each dollar counted once. With them "
            f"removed, the balance would be at most ${4830 - x:,.2f}, before any financial assistance or insurance "
            "payment.") in en
    es = letter_text(result, "billing_dispute", "es")
    assert (f"Estos errores ponen en disputa ${x:,.2f} del saldo de $4,830.00, contando cada dólar una sola vez. Una "
            "vez eliminados, el saldo quedaría como máximo en") in es


def test_free_care_alone_asks_for_the_policy_not_for_lines_to_be_removed(tmp_path):
    result = reviewed(tmp_path, CLEAN_LAB, insurance={"status": "uninsured"}, balance=5.00, not_received=[])
    en = letter_text(result, "billing_dispute")
    assert "remove or correct each charge in error" not in en
    assert "apply your financial-assistance policy to this account, and send me a corrected bill" in en
    es = letter_text(result, "billing_dispute", "es")
    assert "eliminen o corrijan cada cargo erróneo" not in es
    assert "apliquen su política de asistencia financiera a esta cuenta" in es
    # the policy's paragraph says free care, in Spanish too (not 'more than AGB'), and no row calls it an error
    assert "creo que tengo derecho a atención gratuita" in es and "AGB" not in es and "Errores en la factura" not in es


COLLECTOR = {"name": "ABC Recovery", "address": "PO Box 9, Austin, TX 78701", "account_number": "ABC-554120",
             "kind": "agency", "validation_notice": {"received": "2026-10-20", "amount": 5.00}}


def test_the_collector_dispute_does_not_call_free_care_an_error(tmp_path):
    result = reviewed(tmp_path, CLEAN_LAB, insurance={"status": "uninsured"}, balance=5.00, not_received=[],
                      collector=COLLECTOR)
    en = letter_text(result, "dispute")
    assert "has errors" not in en
    assert ("I believe I qualify for free care, and I am applying for it: if the hospital approves it, nothing can be "
            "charged to me on this account.") in en
    assert "I owe nothing" not in en
    assert "under that policy (26 U.S.C. 501(r)(5); 26 CFR 1.501(r)-5(a), (b))" in en  # its law, in its sentence
    es = letter_text(result, "dispute", "es")
    assert "contiene errores" not in es
    assert ("creo que tengo derecho a atención gratuita, y la estoy solicitando: si el hospital la aprueba, no se me "
            "puede cobrar nada en esta cuenta.") in es


# ------------------------------------------------------------ a time-barred debt: nothing that revives it

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios" / "cases"
NO_DEBT_EN = ("Nothing in this letter acknowledges that I owe this debt or any part of it or promises to pay it, "
              "and I keep every defense, including that the time to sue on it has run out.")
NO_DEBT_ES = ("Nada en esta carta reconoce que debo esta deuda ni parte alguna de ella ni promete pagarla, y "
              "mantengo todas mis defensas, incluida la de que ha vencido el plazo para demandar por ella.")


def test_every_letter_about_a_time_barred_debt_acknowledges_none_of_it():
    # Texas: a signed written acknowledgment of the debt revives it (the scenario's limit ran out)
    result = review_case(load_case(SCENARIOS / "tx_debt_buyer" / "case.yaml"))
    assert result.accounts[0].sol["time_barred"]
    for kind in ("billing_dispute", "fap_application", "itemized_request"):
        en = letter_text(result, kind)
        assert NO_DEBT_EN in en, kind
        assert "the amount I owe" not in en and "or pay anything" not in en, kind
        assert "not an acknowledgment that I owe the amount billed" not in en, kind  # 'the amount billed' only
        assert NO_DEBT_ES in letter_text(result, kind, "es"), kind


def test_a_debt_still_in_time_keeps_the_short_wording(tmp_path):
    result = reviewed(tmp_path)
    assert not (result.accounts[0].sol or {}).get("time_barred")
    assert NO_DEBT_EN not in letter_text(result, "billing_dispute")
    fap = letter_text(result, "fap_application")
    assert "the amount I owe" not in fap  # a refund is asked for above what the policy allows, never 'what I owe'
    assert "refund anything I have paid above what your policy allows you to charge me" in fap


# ------------------------------------------------------------ the collector's conduct, as the letter alleges it

def test_the_cease_letter_alleges_no_conditional_violation_and_gives_no_advice(tmp_path):
    # the example (insured, CA): the hospital reported 105 days after the first bill; California's 180-day wait
    # covers an insured patient only with high medical costs the hospital was told of, which the case cannot show
    result = reviewed(tmp_path)
    rules = [v.rule for v in result.accounts[0].violations]
    assert "STATE.CA.COLLECTION_WAIT" in rules and "STATE.REPORTED_DEBT_VOID" in rules
    en = letter_text(result, "cease")
    assert not PATIENT_ADVICE.search(en), PATIENT_ADVICE.search(en)
    assert "this applies if" not in en.lower() and "usually does" not in en and ".)." not in en
    # the allegation stays, in the statute's words; the advice to the patient (raise it if sued) is the review's
    assert 'California law (Civil Code 1785.27(b)) says: "A medical debt is void and unenforceable' in en
    assert "defence" not in en and "if I am sued" not in en
    # the hospital's reporting is not the collector's conduct: the lead does not say 'Your conduct'
    assert "Your conduct so far" not in en and "The collection of this account has broken the rules" in en
    es = letter_text(result, "cease", "es")
    assert "Su conducta hasta ahora" not in es and "El cobro de esta cuenta ha infringido las normas" in es


def test_the_cease_letter_says_your_conduct_when_every_row_is_the_collectors(tmp_path):
    data_events = [{"at": "2026-10-15T07:45:00-07:00", "kind": "call", "from": "collector", "conversation": False,
                    "note": "voicemail before 8 am"}]
    result = reviewed(tmp_path, events=data_events)
    result.accounts[0].violations = [v for v in result.accounts[0].violations if v.rule.startswith(("REGF.", "FDCPA."))]
    assert result.accounts[0].violations
    assert "Your conduct so far has broken the rules that protect me" in letter_text(result, "cease")
    assert "Su conducta hasta ahora ha infringido las normas que me protegen" in letter_text(result, "cease", "es")


# ------------------------------------------------------------ offers: terms, never a statement of what the care is worth

def test_the_payment_plan_does_not_say_its_total_is_the_fair_amount_for_the_care():
    # 'which I consider the fair amount for this care' is the patient's own word on what the care is worth, which a
    # collector could use against the patient; the plan states its terms: the total against the amount billed
    for case in (EXAMPLES / "uninsured-outpatient" / "case.yaml", SCENARIOS / "ga_time_barred_pay" / "case.yaml"):
        result = review_case(load_case(case))
        # the plan pays less than the balance in both: the Georgia case's 2020 care, older than every shipped Medicare
        # schedule, is anchored on their earliest rates (7f86e6f), not offered in full as it was after dbe4eb0
        assert result.accounts[0].plan["amount"] < result.accounts[0].account.balance, case
        en = letter_text(result, "payment_plan_offer")
        assert "fair amount" not in en, case
        assert "the rest of the balance would be forgiven when the plan is complete" in en, case
        es = letter_text(result, "payment_plan_offer", "es")
        assert "importe justo" not in es, case
        assert "el resto del saldo quedaría condonado al completar el plan" in es, case


# ------------------------------------------------------------ no word of the case file, no condition left to the reader

def test_the_credit_dispute_does_not_speak_of_the_case_file(tmp_path):
    result = reviewed(tmp_path)  # TransUnion and Equifax show ABC Recovery's $5,010.00 against the $4,830.00 bill
    for bureau in ("equifax", "transunion"):
        letter = letter_for(result, "credit_dispute", bureau=bureau)
        text = " ".join(" ".join(letter.text_blocks()).split())
        assert "in the case" not in text, bureau
        assert "nothing I have received explains the difference" in text, bureau


def test_an_estimate_the_case_does_not_show_is_asked_for_not_left_to_the_reader(tmp_path):
    data = yaml.safe_load((Path(__file__).parent / "cases" / "gfe_missing" / "case.yaml").read_text())
    del data["accounts"][0]["gfe_given"]  # the case does not say whether an estimate was given
    (tmp_path / "bill.csv").write_text((Path(__file__).parent / "cases" / "gfe_missing" / "bill.csv").read_text())
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    result = review_case(load_case(tmp_path / "case.yaml"))
    assert any(f.rule == "NSA.GFE_MISSING" for f in result.accounts[0].findings)
    text = letter_text(result, "billing_dispute")
    assert "add its total" not in text and "to the case" not in text and "if I got none" not in text
    assert ("I ask you to send me a copy of the Good Faith Estimate you gave me, or to tell me in writing that you "
            "did not give me one") in text


def test_the_cease_letter_leaves_out_a_violation_the_case_cannot_establish(tmp_path):
    # without the collector's validation notice, whether the dispute came within the validation period (and so
    # whether collecting after it broke 15 U.S.C. 1692g(b)) cannot be told: the review asks for the date
    data_collector = {"name": "ABC Recovery", "address": "PO Box 9, Austin, TX 78701", "account_number": "ABC-554120",
                      "kind": "agency"}
    result = reviewed(tmp_path, collector=data_collector)
    during = [v for v in result.accounts[0].violations if v.rule == "REGF.COLLECTION_DURING_DISPUTE"]
    assert during and "cannot be told" in during[0].message
    text = letter_text(result, "cease")
    assert "to the case" not in text and "cannot be told" not in text and "kept collecting" not in text


def test_charges_not_sent_to_the_insurer_are_a_request_to_bill_it_not_a_guess():
    result = review_case(load_case(SCENARIOS / "wa_charity_250" / "case.yaml"))
    text = letter_text(result, "billing_dispute")
    assert "may never have been billed" not in text and "there is no Explanation of Benefits" not in text
    assert ("I have a health plan, but the bill shows no insurance payment and I have received no Explanation of "
            "Benefits for it: I ask you to bill my insurance for the $24,038.00") in text


def test_errors_that_take_the_whole_balance_say_nothing_is_left_not_at_most_zero():
    result = review_case(load_case(SCENARIOS / "medicare_qmb" / "case.yaml"))
    review = result.accounts[0]
    assert review.in_dispute == review.account.balance
    en = letter_text(result, "billing_dispute")
    assert "at most $0.00" not in en
    assert f"These errors put the whole balance of ${review.account.balance:,.2f} in dispute: with them removed" in en
    es = letter_text(result, "billing_dispute", "es")
    assert "como máximo en $0.00" not in es
    assert f"ponen en disputa todo el saldo de ${review.account.balance:,.2f}: una vez eliminados, no quedaría" in es


def test_the_estimate_paragraph_states_whether_the_patient_was_uninsured_or_paid_alone():
    result = review_case(load_case(EXAMPLES / "uninsured-outpatient" / "case.yaml"))  # uninsured
    en = letter_text(result, "nsa_dispute")
    assert "(or paying for myself)" not in en
    assert "I had no health insurance, and you gave me a Good Faith Estimate of" in en
    es = letter_text(result, "nsa_dispute", "es")
    assert "(o pagaba por mi cuenta)" not in es
    assert "No tenía seguro médico, y ustedes me entregaron un presupuesto de buena fe de" in es


def test_a_collector_is_not_asked_to_rebill_what_only_the_provider_can(tmp_path):
    # the collector's dispute lists the bill's problems as the patient's position; the requests to re-bill the
    # insurer or to bill no more than the in-network cost sharing go to the provider, in the billing dispute
    ny = review_case(load_case(SCENARIOS / "ny_lawsuit" / "case.yaml"))
    assert "I ask you to bill my insurance" not in letter_text(ny, "dispute")
    assert "I ask you to bill my insurance" in letter_text(ny, "billing_dispute")
    er = reviewed(tmp_path)
    dispute = letter_text(er, "dispute")
    assert "I ask you to bill me" not in dispute and "in-network cost-sharing amount (42 U.S.C. 300gg-131" in dispute
    assert "I ask you to bill me no more than the in-network cost-sharing amount" in letter_text(er, "billing_dispute")


def _professional(**care):
    return {"provider": {"in_network": True, "kind": "physician", "nonprofit": False, "fap": None},
            "care": {"emergency": False, "start": "2025-03-02", "setting": "professional", **care}}


TOP_LEVEL_VISIT = ("Line,Svc Date,CPT/HCPCS,Description,Qty,Amount,Modifiers\n"
                   "1,03/02/2025,99285,ER VISIT LEVEL 5,1,\"$2,150.00\",\n2,03/02/2025,85025,CBC W/AUTO DIFF,1,$45.00,\n")
VISIT_WITH_25 = ("Line,Svc Date,CPT/HCPCS,Description,Qty,Amount,Modifiers\n"
                 "1,03/02/2025,99213,OFFICE VISIT,1,$200.00,25\n2,03/02/2025,11200,REMOVAL SKIN TAGS,1,$150.00,\n")


def test_a_record_the_review_tells_the_patient_to_ask_for_is_asked_of_the_provider(tmp_path):
    top = reviewed(tmp_path, TOP_LEVEL_VISIT, household=HIGH_INCOME, not_received=[], provider={"in_network": True})
    assert any(f.rule == "BILL.UPCODING_SUSPECT" for f in top.accounts[0].findings)
    text = letter_text(top, "billing_dispute")
    assert "; ask for the record" not in text
    assert "I ask you to send me the record supporting it (the next level is 99284)" in text
    (tmp_path / "m25").mkdir()
    visit = reviewed(tmp_path / "m25", VISIT_WITH_25, household=HIGH_INCOME, not_received=[], **_professional())
    assert any(f.rule == "BILL.MODIFIER_25_UNSUPPORTED" for f in visit.accounts[0].findings)
    text = letter_text(visit, "billing_dispute")
    assert ": ask for the visit note" not in text and ": I ask you to send me the visit note" in text


def test_the_dollars_in_dispute_are_not_called_a_sum_of_items_that_add_up_to_more():
    # the QMB scenario lists $58.40, $505.00 and $81.33 against a balance of $58.40: the dollars in dispute are
    # counted once and capped at the balance, so the letters must not call them the items' total
    result = review_case(load_case(SCENARIOS / "medicare_qmb" / "case.yaml"))
    review = result.accounts[0]
    assert sum(f.amount for f in review.findings) > review.in_dispute == review.account.balance
    dispute = letter_text(result, "dispute")
    assert "totalling" not in dispute
    assert "The itemized bill shows these problems, which put the whole balance of $58.40 in dispute:" in dispute
    billing = letter_text(result, "billing_dispute")
    assert "Together these errors come to" not in billing
    assert ("These errors put the whole balance of $58.40 in dispute: with them removed, nothing would be left "
            "of it.") in billing
    es = letter_text(result, "dispute", "es")
    assert "que suman" not in es and "que ponen en disputa todo el saldo de $58.40:" in es
    es = letter_text(result, "billing_dispute", "es")
    assert "En conjunto" not in es
    assert "Estos errores ponen en disputa todo el saldo de $58.40: una vez eliminados, no quedaría nada de él." in es


def test_the_spanish_billing_dispute_makes_the_same_requests_as_the_english_table(tmp_path):
    # the Spanish table names each problem by its rule's name; the requests the English rows carry are bullets
    er = letter_text(reviewed(tmp_path), "billing_dispute", "es")
    assert ("me facturen como máximo el costo compartido dentro de la red por la atención protegida por la Ley Sin "
            "Sorpresas (42 U.S.C. 300gg-131; 45 CFR 149.410) y me envíen la factura corregida") in er
    ny = letter_text(review_case(load_case(SCENARIOS / "ny_lawsuit" / "case.yaml")), "billing_dispute", "es")
    assert "facturen a mi seguro médico los cargos que no le han enviado" in ny
    assert "facturen a mi seguro médico" not in er  # no such finding there
