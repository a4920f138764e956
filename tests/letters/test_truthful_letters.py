"""Letters say only what is true on their date: the FAP application period, a late dispute, and the
No Surprises Act dispute (filed with HHS, the right statute for the care)."""

from __future__ import annotations

from datetime import date

from billadvocate.casefile import validate_case
from billadvocate.letters import letter_for, render
from billadvocate.review import review_case


def _case(**account) -> dict:
    acct = {"id": "er", "account_number": "VGH-1", "first_bill_date": "2025-04-01", "balance": 1000,
            "provider": {"name": "Valley General Hospital", "kind": "hospital", "nonprofit": True, "state": "CA",
                         "address": "1 Main St, Fresno, CA 93701"}, **account}
    return {"billadvocate": 1, "patient": {"name": "Ana Ruiz", "address": "2 Elm St, Fresno, CA 93702", "state": "CA"},
            "household": {"size": 3, "annual_income": 30000}, "insurance": {"status": "insured"}, "accounts": [acct]}


def text(data: dict, kind: str, as_of: date, lang: str = "en") -> str:
    result = review_case(validate_case(data, file="test"), as_of)
    return " ".join(render(letter_for(result, kind, lang=lang), "txt", as_of=as_of).decode().split())


def test_the_fap_letter_claims_the_application_period_only_before_it_ends():
    # first bill 2025-04-01 + 240 days = 2025-11-27
    before = text(_case(), "fap_application", date(2025, 11, 27))
    assert "made before the end of the application period" in before
    after = text(_case(), "fap_application", date(2025, 11, 28))
    assert "made before the end of the application period" not in after
    assert "may still accept and process this application" in after and "at least 30 days away" in after
    es = text(_case(), "fap_application", date(2025, 11, 28), lang="es")
    assert "antes de que termine el plazo" not in es and "pueden aceptar y tramitar" in es


def test_a_written_eca_notice_extends_the_application_period_to_its_deadline():
    data = _case(events=[{"at": "2025-11-10", "kind": "letter", "from": "provider", "type": "eca_notice"}])
    # 2025-11-10 + 30 days = 2025-12-10, later than day 240 (2025-11-27)
    assert "made before the end of the application period on December 10, 2025" in text(
        data, "fap_application", date(2025, 12, 1))


COLLECTOR = {"name": "ABC Recovery", "kind": "agency", "address": "PO Box 9, Austin, TX 78701",
             "account_number": "ABC-1", "validation_notice": {"received": "2026-10-01", "amount": 1180}}


def test_a_dispute_after_the_validation_period_does_not_claim_the_collector_must_stop():
    data = _case(collector=COLLECTOR)  # the validation period ends 2026-10-31
    timely = text(data, "dispute", date(2026, 10, 31))
    assert "you must stop collecting" in timely and "within the validation period" in timely
    late = text(data, "dispute", date(2026, 11, 1))
    assert "you must stop collecting" not in late and "after the validation period" in late
    assert "reported as disputed" in late
    late_es = text(data, "dispute", date(2026, 11, 1), lang="es")
    assert "deben suspender el cobro" not in late_es and "después del periodo de validación" in late_es


def _nsa_case(**account) -> dict:
    data = _case(**account)
    data["accounts"][0]["provider"] = {"name": "Bay Anesthesia Group", "kind": "physician", "in_network": False,
                                       "address": "5 Oak St, Fresno, CA 93701"}
    return data


def _with_finding(data: dict, as_of: date, rule: str, severity: str = "medium", amount: str = "0"):
    from decimal import Decimal

    from billadvocate.model import Finding

    result = review_case(validate_case(data, file="test"), as_of)
    result.accounts[0].findings = [Finding(rule=rule, severity=severity, amount=Decimal(amount), lines=[],
                                           message="the bill asks $2,400.00 above the in-network cost sharing",
                                           citations=[])]
    return result


def nsa_text(result, as_of, lang="en") -> str:
    return " ".join(render(letter_for(result, "nsa_dispute", lang=lang), "txt", as_of=as_of).decode().split())


def test_the_nsa_letter_for_an_out_of_network_doctor_at_an_in_network_hospital_cites_300gg_132():
    data = _nsa_case(care={"emergency": False, "start": "2026-05-01", "facility_in_network": True})
    as_of = date(2026, 11, 28)
    t = nsa_text(_with_finding(data, as_of, "NSA.BALANCE_BILL"), as_of)
    assert "42 U.S.C. 300gg-132; 45 CFR 149.420" in t and "300gg-131" not in t and "149.410" not in t
    assert "anesthesiology" in t and "notice and consent" in t


def test_the_nsa_letter_for_emergency_care_cites_the_emergency_rules():
    data = _nsa_case(care={"emergency": True, "start": "2026-05-01"})
    as_of = date(2026, 11, 28)
    t = nsa_text(_with_finding(data, as_of, "NSA.BALANCE_BILL"), as_of)
    assert "42 U.S.C. 300gg-131; 45 CFR 149.410" in t and "300gg-132" not in t


def test_the_nsa_letter_says_the_dispute_is_filed_with_hhs_and_only_while_it_can_be():
    data = _case(gfe_total=1200, first_bill_date="2026-03-02")
    data["insurance"] = {"status": "uninsured"}
    open_day, late_day = date(2026, 6, 30), date(2026, 7, 1)  # 120 days after 2026-03-02: 2026-06-30
    t = nsa_text(_with_finding(data, open_day, "NSA.GFE_EXCEEDED", "high", "800"), open_day)
    assert "with the U.S. Department of Health and Human Services (HHS)" in t and "June 30, 2026" in t
    t = nsa_text(_with_finding(data, late_day, "NSA.GFE_EXCEEDED", "high", "800"), late_day)
    assert "Health and Human Services" not in t and "correct the bill to the amount of the Good Faith Estimate" in t
    es = nsa_text(_with_finding(data, open_day, "NSA.GFE_EXCEEDED", "high", "800"), open_day, "es")
    assert "Departamento de Salud y Servicios Humanos" in es


def test_with_no_notice_in_the_case_the_dispute_letter_asks_and_does_not_claim_a_duty():
    collector = {k: v for k, v in COLLECTOR.items() if k != "validation_notice"}
    t = text(_case(collector=collector), "dispute", date(2026, 11, 1))
    assert "you must stop collecting" not in t and "please stop collecting" in t


def test_the_reason_for_the_nsa_letter_says_to_file_with_hhs_while_the_deadline_is_open():
    from billadvocate.letters.facts import LetterFacts
    from billadvocate.letters.kinds import kind

    data = _case(gfe_total=1200, first_bill_date="2026-03-02")
    data["insurance"] = {"status": "uninsured"}
    for day, says in ((date(2026, 6, 30), True), (date(2026, 7, 1), False)):
        result = _with_finding(data, day, "NSA.GFE_EXCEEDED", "high", "800")
        why = kind("nsa_dispute").when(LetterFacts(result, result.accounts[0]))
        assert ("Department of Health and Human Services" in why and "2026-06-30" in why) is says
