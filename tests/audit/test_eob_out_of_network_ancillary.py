"""EOB.OUT_OF_NETWORK_ANCILLARY: out-of-network ancillary work at an in-network facility (45 CFR 149.420(b)),
at its edges: each ancillary kind, the facility's network read from the case or from its own EOB claim,
in-network or non-ancillary lines, patients outside the No Surprises Act, and care before 2022."""

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.audit.tables import eobs_table
from billadvocate.ingest.eob_model import Eob, EobClaim, EobLine
from billadvocate.model import Bill

from .support import audit, found, line

D = date(2024, 10, 15)
AT_IN_NETWORK_FACILITY = {"insurance_status": "insured", "facility_in_network": True}


def claim(code="00790", *, cid="A1", in_network=False, billed="3200", allowed="900", mods=(), kind="professional",
          d=D, provider="Valley Anesthesia"):
    return EobClaim(claim_id=cid, start=d, billed=Decimal(billed), in_network=in_network, kind=kind,
                    provider=provider, status="processed",
                    lines=[EobLine(line=1, date=d, code=code, modifiers=list(mods), billed=Decimal(billed),
                                   allowed=None if allowed is None else Decimal(allowed))])


def ancillary(*claims, facts=AT_IN_NETWORK_FACILITY, d=D):
    lines = [line(1, claims[0].lines[0].code, d=d, charge="3200.00")]
    eobs = eobs_table([Eob(source="e.csv", format="csv-eob", claims=list(claims))], [Bill(source="b.csv", lines=lines)])
    return found("EOB.OUT_OF_NETWORK_ANCILLARY", *lines, eobs=eobs, facts=facts)


def test_out_of_network_anesthesia_at_an_in_network_facility_may_not_be_balance_billed():
    (f,) = ancillary(claim("00790"))
    # billed 3,200 - allowed 900 = 2,300 the provider may not bill the patient
    assert f.severity == "high" and f.amount == Decimal("2300.00") and f.lines == [1]
    assert "Valley Anesthesia" in f.message and "anesthesia (00790)" in f.message and "$2,300.00" in f.message
    assert any("149.420" in c for c in f.citations)


@pytest.mark.parametrize("code, mods, service", [
    ("01999", (), "anesthesia"), ("99140", (), "anesthesia"), ("70450", (), "radiology"),
    ("79999", (), "radiology"), ("88305", (), "pathology"), ("89398", (), "pathology"),
    ("80047", (), "laboratory"), ("87999", (), "laboratory"), ("0001U", (), "laboratory"),
    ("99468", (), "neonatology"), ("99283", (), "emergency medicine"),
    ("99223", (), "hospitalist or intensivist care"), ("99291", (), "hospitalist or intensivist care"),
    ("27447", ("80",), "assistant surgeon"), ("27447", ("AS",), "assistant surgeon"),
])
def test_each_ancillary_kind_is_named(code, mods, service):
    (f,) = ancillary(claim(code, mods=mods))
    assert f"billed {service} ({code})" in f.message


@pytest.mark.parametrize("code", ["00099", "27447", "0100T", "99215", "80046", "99240", "J1100"])
def test_other_services_are_not_ancillary(code):
    assert ancillary(claim(code)) == []


def test_an_in_network_or_unknown_network_provider_is_not_reported():
    assert ancillary(claim(in_network=True)) == []
    assert ancillary(claim(in_network=None)) == []


def test_the_facility_is_in_network_when_its_own_eob_claim_says_so():
    facility = claim("0360", cid="H1", in_network=True, kind="institutional", provider="Mercy Hospital")
    (f,) = ancillary(claim("00790"), facility, facts={"insurance_status": "insured"})
    assert "Valley Anesthesia" in f.message


def test_without_an_in_network_facility_nothing_is_said():
    assert ancillary(claim("00790"), facts={"insurance_status": "insured"}) == []
    assert ancillary(claim("00790"), facts={"insurance_status": "insured", "facility_in_network": False}) == []


@pytest.mark.parametrize("status", ["medicare", "medicaid", "qmb", "uninsured"])
def test_patients_outside_the_no_surprises_act_are_not_reported(status):
    assert ancillary(claim(), facts={**AT_IN_NETWORK_FACILITY, "insurance_status": status}) == []


def test_care_before_2022_is_outside_the_act():
    old = date(2021, 12, 31)
    assert ancillary(claim(d=old), d=old) == []
    assert len(ancillary(claim(d=date(2022, 1, 1)), d=date(2022, 1, 1))) == 1


def test_without_an_allowed_amount_it_asks_for_in_network_cost_sharing_with_nothing_counted():
    (f,) = ancillary(claim(allowed=None))
    assert f.amount == 0 and "in-network cost sharing" in f.message and "$0.00" not in f.message


def test_on_a_bill_of_one_claim_the_figure_is_what_the_bill_asks_above_the_patient_share():
    # one figure with NSA.BALANCE_BILL and EOB.PATIENT_RESP: asked 2,350 - share 250 = 2,100 (not billed - allowed)
    c = claim("01400", billed="3200", allowed="1350")
    c.patient_responsibility = Decimal("250")
    lines = [line(1, "01400", d=D, charge="3200.00")]
    eobs = eobs_table([Eob(source="e.csv", format="csv-eob", claims=[c])], [Bill(source="b.csv", lines=lines)])
    out = {f.rule: f for f in audit(*lines, eobs=eobs, facts={**AT_IN_NETWORK_FACILITY, "balance": Decimal("2350")}
                                    ).findings}
    f = out["EOB.OUT_OF_NETWORK_ANCILLARY"]
    assert f.amount == Decimal("2100.00") and "the $2,100.00 the bill asks above that share" in f.message
    assert out["EOB.PATIENT_RESP"].amount == Decimal("2100.00") and "(1 claim)" in out["EOB.PATIENT_RESP"].message


def test_a_claim_with_no_service_date_reads_without_the_gap():
    (f,) = ancillary(claim("00790", d=None), d=None)
    assert ("Valley Anesthesia is out of your plan's network and billed anesthesia (00790) at an in-network "
            "facility:") in f.message and "  " not in f.message and " on " not in f.message
