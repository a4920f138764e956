"""The No Surprises Act letter names each out-of-network ancillary claim at an in-network facility
(45 CFR 149.420(a), (b), (i)) and, for a self-pay patient booked ahead with no Good Faith Estimate,
asks for it and says when the patient-provider dispute applies (45 CFR 149.620(a)(2)(ii), (b)(1)).
Read back from cases reviewed by the engines (tests/letters/cases), in English and Spanish; golden
files in golden/nsa/ (BILLADVOCATE_UPDATE_GOLDEN=1 rewrites them, as test_golden.py does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from billadvocate import load_case, review_case
from billadvocate.letters import letter_for
from billadvocate.letters.facts import LetterFacts
from billadvocate.letters.kinds import kind
from billadvocate.letters.render_txt import render_txt

from .test_golden import UPDATE, normalise

CASES = Path(__file__).parent / "cases"
GOLDEN = Path(__file__).parent / "golden" / "nsa"


def reviewed(name: str, **account):
    case = load_case(CASES / name / "case.yaml")
    for k, v in account.items():
        setattr(case.accounts[0], k, v)
    return review_case(case)


def words(result, lang: str) -> str:
    return " ".join(render_txt(letter_for(result, "nsa_dispute", lang=lang)).split())


def test_each_out_of_network_ancillary_claim_is_named_with_its_date_service_and_amount():
    t = words(reviewed("ancillary"), "en")
    # claim C26-0411-88: billed 3,200 - allowed 1,350 = 1,850; claim C26-0411-90 has no allowed amount
    assert ("April 8, 2026: anesthesia (01400), by Sunshine Anesthesia Partners: $1,850.00 billed above the "
            "amount my plan allowed.") in t
    assert "April 8, 2026: anesthesia (99140), by Sunshine Anesthesia Partners: my plan's Explanation of " \
           "Benefits shows no allowed amount." in t
    assert "42 U.S.C. 300gg-132(a); 45 CFR 149.420(a)" in t and "under 45 CFR 149.420(b) the notice and consent criteria \"do not apply\"" in t
    assert "\"will always be subject to the prohibitions\"" in t and "45 CFR 149.420(i)" in t
    assert "anesthesiology" in t and "Please bill me only the in-network cost sharing" in t
    assert "Copy of my health plan's Explanation of Benefits" in t
    # the ancillary paragraph replaces the general one on care at an in-network facility (said once)
    assert "unless I signed a valid notice and consent form" not in t
    assert t.count("Sunshine Anesthesia Partners is out of") == 0  # the engine's sentence is not repeated


def test_the_spanish_letter_names_the_same_claims_in_spanish():
    t = words(reviewed("ancillary"), "es")
    assert ("8 de abril de 2026: anestesia (01400), de Sunshine Anesthesia Partners: $1,850.00 facturados por "
            "encima del importe que permitió mi plan.") in t
    assert "anestesia (99140)" in t and "no indica el importe permitido" in t
    assert "45 CFR 149.420(b)" in t and "45 CFR 149.420(i)" in t and "costo compartido de la red" in t
    assert " the " not in t


def test_a_self_pay_patient_with_no_estimate_asks_for_it_and_learns_when_the_dispute_applies():
    result = reviewed("gfe_missing")
    t = words(result, "en")
    # booked 2026-07-01 for 2026-07-15: 10 business days ahead, due 3 business days later (2026-07-06)
    assert ("I had no health insurance. The care on July 15, 2026 was booked on July 1, 2026, 10 business days "
            "ahead, so you had to give me a written Good Faith Estimate of the expected charges by July 6, 2026") in t
    assert "45 CFR 149.610(b)(1)(vi)" in t and "Please send me the Good Faith Estimate for this care" in t
    # the regulation's own words, from the law data
    assert ("45 CFR 149.620(a)(2)(ii) says: \"Substantially in excess means, with respect to the total billed "
            "charges by a provider or facility, an amount that is at least $400 more than the total amount of "
            "expected charges listed on the good faith estimate for the provider or facility.\"") in t
    assert "45 CFR 149.620(b)(1)" in t
    es = words(result, "es")
    assert "No tenía seguro médico" in es and "a más tardar el 6 de julio de 2026" in es
    assert "al menos $400.00 más" in es and "45 CFR 149.620(a)(2)(ii)" in es and " the " not in es


def test_an_insured_patient_paying_for_the_care_is_called_self_pay():
    result = reviewed("gfe_missing")
    result.case.insurance.status = "insured"
    assert "I chose to pay for this care myself instead of using my insurance" in words(result, "en")


@pytest.mark.parametrize("gfe_given", [None, True])
def test_the_letter_does_not_claim_a_missing_estimate_the_case_does_not_state(gfe_given):
    # gfe_given unknown: the finding only asks (not_shown); given: no finding at all
    result = reviewed("gfe_missing", gfe_given=gfe_given)
    facts = LetterFacts(result, result.accounts[0])
    assert kind("nsa_dispute").when(facts) is None
    assert "nsa_dispute" not in [x["type"] for x in result.accounts[0].letters]


@pytest.mark.parametrize("name", ["ancillary", "gfe_missing"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_letter_matches_its_golden_file(name, lang):
    path = GOLDEN / f"{name}-nsa_dispute.{lang}.txt"
    text = normalise(render_txt(letter_for(reviewed(name), "nsa_dispute", lang=lang)))
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with BILLADVOCATE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed"


def test_other_letters_name_the_two_findings_in_words_not_as_insurance_errors():
    from billadvocate.letters.compose import rule_name

    assert "servicio auxiliar fuera de la red" in rule_name("EOB.OUT_OF_NETWORK_ANCILLARY", "es")
    assert rule_name("EOB.OUT_OF_NETWORK_ANCILLARY", "en", short=True).startswith("Out-of-network anesthesia")
    assert rule_name("NSA.GFE_MISSING", "es") == "Sin presupuesto de buena fe para una atención programada con antelación"
    assert rule_name("NSA.GFE_MISSING", "en", short=True) == "No Good Faith Estimate for care booked ahead"


def test_an_undated_ancillary_claim_is_read_back_without_a_date():
    from datetime import date as day
    from decimal import Decimal

    from billadvocate.audit import audit_bills
    from billadvocate.audit.tables import eobs_table
    from billadvocate.ingest.eob_model import Eob, EobClaim, EobLine
    from billadvocate.letters.kinds.nsa_dispute import ancillary_lines
    from billadvocate.model import Bill, Line

    def findings(d):
        ln = Line(line=1, date=d, code="01400", description="anesthesia", units=Decimal(1), charge=Decimal("3200"))
        c = EobClaim(claim_id="A1", start=d, billed=Decimal("3200"), in_network=False, provider="Sunshine Anesthesia",
                     lines=[EobLine(line=1, date=d, code="01400", billed=Decimal("3200"), allowed=Decimal("1350"))])
        bill = Bill(source="b.csv", lines=[ln])
        eobs = eobs_table([Eob(source="e.pdf", format="pdf-eob", claims=[c])], [bill])
        return audit_bills([bill], facts={"insurance_status": "insured", "facility_in_network": True}, eobs=eobs,
                           as_of=day(2026, 11, 28)).findings

    for d in (None, day(2026, 4, 8)):
        (a,) = ancillary_lines(findings(d))
        assert a == {"date": d, "provider": "Sunshine Anesthesia", "services": ["anesthesia"], "codes": "01400",
                     "amount": Decimal("1850.00")}
