"""The FHIR ExplanationOfBenefit reader: Blue Button 2.0, CARIN BB, Synthea; resources and Bundles."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_eob
from billadvocate.ingest.fhir_eob import read_fhir_data
from tests.conftest import ROOT, SHARED_DATA, shared
from tests.ingest.fsh import fsh_to_json

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
D = Decimal


def test_blue_button_carrier_claim_with_coinsurance():
    eob = read_eob(FIXTURES / "eob_read_carrier_v2.json")
    (claim,) = eob.claims
    assert eob.format == "fhir" and claim.claim_id == "22639159481" and claim.kind == "professional"
    assert (claim.billed, claim.allowed, claim.paid, claim.coinsurance, claim.patient_responsibility) == (
        D("250.00"), D("60.00"), D("50.00"), D("10.00"), D("10.00"))
    line = claim.lines[0]
    assert (line.code, line.code_system, line.date) == ("77085", "HC", date(2015, 12, 1))
    assert claim.payer == "Medicare (CMS Blue Button)"


def test_a_stated_zero_total_next_to_charged_lines_is_noted():
    eob = read_eob(FIXTURES / "eob_read_carrier_v2.json")
    assert any("stated total charge is 0" in n for n in eob.notes)


def test_carin_inpatient_claim_out_of_network_with_thirteen_lines():
    eob = read_eob(FIXTURES / "carin" / "EOBInpatient2.json")
    claim = eob.claims[0]
    assert claim.kind == "institutional" and claim.in_network is False and len(claim.lines) == 13
    assert (claim.billed, claim.allowed, claim.paid, claim.patient_responsibility) == (
        D("7147.20"), D("1542.01"), D("1393.57"), D("0.00"))
    assert claim.payer == "UPMC Health Plan"


def test_carin_transportation_claim_lines():
    claim = read_eob(FIXTURES / "carin" / "EOBProfessionalTransportation1.json").claims[0]
    assert [(ln.code, ln.billed, ln.paid) for ln in claim.lines] == [
        ("A0428", D("40.35"), D("40.35")), ("A0428", D("42.62"), D("42.62"))]
    assert claim.billed == D("82.97") and claim.in_network is True


def test_a_bundle_of_carin_claims(tmp_path):
    entries = [{"fullUrl": f"urn:uuid:{n}", "resource": json.loads((FIXTURES / "carin" / f"{n}.json").read_text())}
               for n in ("EOBInpatient2", "EOBOutpatient2")]
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "searchset", "entry": entries}))
    eob = read_eob(path)
    assert len(eob.claims) == 2 and eob.total_billed == D("7147.20") + D("84.40")


CARIN = {  # FSH example: (kind, lines, billed, paid, in network)
    "EOBInpatient1": ("institutional", 1, "2650.00", "620.00", True),
    "EOBInpatient2": ("institutional", 13, "7147.20", "1393.57", False),
    "EOBOral1": ("oral", 2, "410.00", "350.00", True),
    "EOBOral2": ("oral", 1, "150.00", "110.00", True),
    "EOBOutpatient1": ("institutional", 1, "2650.00", "620.00", True),
    "EOBOutpatient2": ("institutional", 2, "84.40", "56.52", True),
    "EOBPharmacy1": ("pharmacy", 1, "2650.00", "620.00", True),
    "EOBProfessional1": ("professional", 1, "250.00", "200.00", True),
    "EOBProfessional2": ("professional", 6, "820.00", "258.91", True),
    "EOBProfessionalTransportation1": ("professional", 2, "82.97", "82.97", True),
}


@pytest.mark.parametrize("name", sorted(CARIN))
def test_every_carin_financial_example_reads_with_its_numbers(name):
    kind, lines, billed, paid, network = CARIN[name]
    text = shared("fhir_eob", "carin-bb", "fsh_examples", f"{name}.fsh").read_text()
    claim = read_fhir_data(fsh_to_json(text), file=name).claims[0]
    assert (claim.kind, len(claim.lines), claim.billed, claim.paid, claim.in_network) == (
        kind, lines, D(billed), D(paid), network)


def test_carin_nonfinancial_examples_read_without_amounts():
    folder = SHARED_DATA / "fhir_eob" / "carin-bb" / "fsh_examples"
    if not folder.exists():
        pytest.skip("shared data not present")
    for path in sorted(folder.glob("EOB*-nonfinancial.fsh")):
        text = path.read_text()
        claim = read_fhir_data(fsh_to_json(text), file=path.name).claims[0]
        assert claim.lines or claim.kind, path.name
        if "amount.value" not in text:
            assert claim.paid is None and claim.billed is None, path.name


def test_carin_reversed_lines_are_not_denials():
    text = shared("fhir_eob", "carin-bb", "fsh_examples", "EOBProfessional2.fsh").read_text()
    claim = read_fhir_data(fsh_to_json(text), file="p2").claims[0]
    assert [ln.denied for ln in claim.lines] == [False, False, False, True, False, False]
    assert claim.status == "partly_denied" and "not covered" in claim.lines[3].denial_reasons[0]


BLUE_BUTTON = {  # file: (claims, lines, billed, paid, patient responsibility)
    "eob_read_carrier_v2.json": (1, 1, "250.00", "50.00", "10.00"),
    "eob_read_in_pt_v2.json": (1, 10, "10000.00", "10000.00", "1000.00"),
    "eob_read_out_pt_v2.json": (1, 5, "300.00", "20.00", "0"),
    "eob_search_v2.json": (10, 10, "920.00", "620.00", "120.00"),
}


@pytest.mark.parametrize("name", sorted(BLUE_BUTTON))
def test_every_blue_button_eob_reads_with_its_numbers(name):
    claims, lines, billed, paid, owed = BLUE_BUTTON[name]
    eob = read_eob(shared("fhir_eob", "bluebutton2", name))
    assert (len(eob.claims), eob.line_count) == (claims, lines)
    assert (eob.total_billed, eob.total_paid, eob.total_patient_responsibility) == (D(billed), D(paid), D(owed))


@pytest.mark.parametrize("name", ["eob_read_in_pt_v2.json", "eob_read_out_pt_v2.json"])
def test_a_revenue_code_0001_total_charge_item_is_the_claims_total_not_a_line(name):
    # NUBC revenue code 0001 'Total charge': the institutional claim's total, sent as its last item.
    # Read as a line it doubled the inpatient claim's charges ($9,370 of lines + $10,000 = $19,370)
    # and repeated the outpatient claim's $70 denial as a $300 one.
    claim = read_eob(shared("fhir_eob", "bluebutton2", name)).claims[0]
    assert "0001" not in [ln.revenue_code for ln in claim.lines]
    assert sum(ln.denied for ln in claim.lines) == (1 if "out_pt" in name else 0)


def test_blue_button_inpatient_total_charge_line_is_the_claims_billed_amount():
    eob = read_eob(shared("fhir_eob", "bluebutton2", "eob_read_in_pt_v2.json"))
    claim = eob.claims[0]
    assert claim.billed == D("10000.00") and sum(ln.billed for ln in claim.lines) == D("9370.00")
    assert any("0001" in n and "9,370.00" in n for n in eob.notes)


def test_blue_button_outpatient_hcpcs_sent_as_a_modifier_is_read_as_the_code():
    claim = read_eob(shared("fhir_eob", "bluebutton2", "eob_read_out_pt_v2.json")).claims[0]
    assert (claim.lines[0].code, claim.lines[0].revenue_code, claim.lines[0].modifiers) == ("80048", "0301", [])


def test_blue_button_inpatient_deductible_comes_from_the_benefit_balance():
    claim = read_eob(shared("fhir_eob", "bluebutton2", "eob_read_in_pt_v2.json")).claims[0]
    assert claim.deductible == D("1000.00") and claim.patient_responsibility == D("1000.00")


@pytest.mark.parametrize("name,payer,claims,lines,billed,paid", [
    ("Temika453_Wuckert783_b37f7960-7e9e-f3f7-f891-79ae4f632406.json", "Medicaid", 30, 102, "16507.83", "10583.59"),
    ("Christeen33_Beier427_edcd074e-b20a-2826-ff28-4677579314b1.json", "Humana", 32, 129, "185762.76", "102056.81"),
])
def test_synthea_bundles(name, payer, claims, lines, billed, paid):
    eob = read_eob(shared("synthea", "jijones12_ma10", "fhir", name))
    assert (eob.payer, len(eob.claims), eob.line_count) == (payer, claims, lines)
    assert (eob.total_billed, eob.total_paid) == (D(billed), D(paid))


@pytest.mark.parametrize("data,words", [
    ({"resourceType": "Patient", "id": "p1"}, "a FHIR Patient, not an ExplanationOfBenefit"),
    ({"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Coverage"}}]}, "holds no ExplanationOfBenefit"),
    ({"claims": []}, "not a FHIR resource"),
    ([1, 2], "not a FHIR resource"),
    ({"resourceType": "ExplanationOfBenefit", "item": [{"adjudication": [{"category": {"coding": [{"code": "submitted"}]},
                                                                          "amount": {"value": "ten"}}]}]}, "unexpected content"),
])
def test_json_that_is_not_an_eob_is_one_clear_line(tmp_path, data, words):
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data))
    with pytest.raises(BadInput) as e:
        read_eob(path)
    assert words in e.value.line() and e.value.file == str(path)


def test_broken_json_names_the_line(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"resourceType": "ExplanationOfBenefit",\n "id": }')
    with pytest.raises(BadInput, match="not valid JSON") as e:
        read_eob(path)
    assert e.value.where.startswith("line 2")
