"""The X12 835 reader: claims, lines, adjustments with plain meanings, patient responsibility, denials."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_eob
from billadvocate.ingest.x12_835 import read_835
from tests.conftest import ROOT, shared

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
D = Decimal
LFH = ("x12", "linuxforhealth", "835_005010X221A1")


def test_managed_care_claims_split_the_deductible():
    eob = read_eob(FIXTURES / "managed-care.835")
    assert eob.format == "x12-835" and eob.payer == "RUSHMORE LIFE" and eob.payment_total == D("945.00")
    assert [c.claim_id for c in eob.claims] == ["5554555444", "8765432112"]
    first, second = eob.claims
    assert (first.billed, first.paid, first.patient_responsibility, first.deductible) == (
        D("800.00"), D("450.00"), D("300.00"), D("300.00"))
    assert first.patient == "WILLIAM BUDD" and first.start == date(2002, 3, 1) and first.end == date(2002, 3, 4)
    assert first.lines[0].code == "99211" and first.lines[0].billed == D("800.00")
    assert second.lines[0].adjustments[1].key == "CO-45"
    assert "allowed amount" in second.lines[0].adjustments[1].meaning
    assert eob.total_patient_responsibility == D("900.00") and eob.total_paid == D("945.00")


def test_an_unreadable_payment_date_is_a_note_and_the_production_date_stands_in():
    eob = read_eob(FIXTURES / "managed-care.835")
    assert eob.payment_date == date(2002, 3, 14) and any("payment date" in n for n in eob.notes)


def test_secondary_payment_lines_with_modifiers_and_coinsurance():
    eob = read_eob(FIXTURES / "secondary-payment.835")
    claim = eob.claims[1]
    assert claim.claim_id == "0001000053" and claim.payer_order == "secondary"
    assert [(ln.code, ln.modifiers) for ln in claim.lines] == [("12345", ["26"]), ("66543", ["26"])]
    line = claim.lines[1]
    assert (line.billed, line.allowed, line.paid) == (D("585.00"), D("500.00"), D("280.00"))
    assert (line.deductible, line.coinsurance, line.patient_responsibility) == (D("150.00"), D("70.00"), D("220.00"))
    assert claim.patient_responsibility == D("220.00") and not claim.denied


def test_every_linuxforhealth_835_reads_with_its_numbers():
    expect = {  # file: (claims, lines, billed, paid, patient responsibility)
        "cob-contractural-adjustment.835": (1, 1, "541.00", "34.00", "0"),
        "managed-care.835": (2, 2, "2000.00", "945.00", "900.00"),
        "medicare-part-a.835": (2, 0, "226366.97", "149998.73", "0"),
        "secondary-payment.835": (2, 2, "11075.14", "1222.00", "220.00"),
        "tertiary-payment.835": (1, 1, "1766.50", "187.50", "0"),
    }
    for name, (claims, lines, billed, paid, pr) in expect.items():
        eob = read_eob(shared(*LFH, name))
        assert (len(eob.claims), eob.line_count) == (claims, lines), name
        assert (eob.total_billed, eob.total_paid, eob.total_patient_responsibility) == (D(billed), D(paid), D(pr)), name


def test_a_code_split_from_its_qualifier_is_read_with_a_note():
    eob = read_eob(shared(*LFH, "tertiary-payment.835"))
    line = eob.claims[0].lines[0]
    assert (line.code, line.billed, line.paid, line.allowed) == ("24599", D("1766.50"), D("187.50"), D("1700.00"))
    assert any("not joined" in n for n in eob.notes)


def test_medicare_part_a_claim_without_lines_is_institutional():
    eob = read_eob(shared(*LFH, "medicare-part-a.835"))
    claim = eob.claims[0]
    assert claim.kind == "institutional" and claim.allowed == D("138018.40")
    assert claim.adjustments[0].key == "CO-45" and claim.adjustments[0].amount == D("73348.57")


ISA = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~"


def _835(body: str) -> str:
    return (ISA + "GS*HP*S*R*20240101*1200*1*X*005010X221A1~ST*835*0001~BPR*I*0*C*CHK~"
            "N1*PR*ACME HEALTH PLAN~N1*PE*CITY CLINIC*XX*1234567893~" + body + "SE*9*0001~GE*1*1~IEA*1*000000001~")


def test_a_denied_claim_carries_its_reasons_in_plain_words(tmp_path):
    text = _835("CLP*C1*4*300*0*0*12*P1~CAS*CO*50*300~SVC*HC:70450*300*0**1~DTM*472*20240105~")
    eob = read_835(tmp_path / "d.835", text=text)
    claim = eob.claims[0]
    assert claim.denied and claim.status == "denied" and claim.lines[0].denied
    assert "medically necessary" in claim.lines[0].denial_reasons[0]


def test_a_line_paid_nothing_for_a_covered_reason_is_denied_but_deductible_is_not(tmp_path):
    text = _835("CLP*C2*1*500*0*200*12*P2~SVC*HC:99213*200*0**1~CAS*PR*1*200~"
                "SVC*HC:97110*300*0**1~CAS*CO*197*300~")
    claim = read_835(tmp_path / "d.835", text=text).claims[0]
    assert [ln.denied for ln in claim.lines] == [False, True]
    assert claim.status == "partly_denied" and not claim.denied
    assert "authorization" in claim.lines[1].denial_reasons[0]


@pytest.mark.parametrize("text,words", [
    (ISA + "GS*HP*S*R*20240101*1200*1*X*005010X221A1~ST*835*0001~BPR*I*0*C*CHK~CLP*C1*1*10*10",
     "truncated X12 interchange"),
    (ISA.replace(":~", ":\n") + "GS*HP*S*R*20240101*1200*1*X*005010X221A1~ST*835*0001~", "segment terminator"),
    (ISA + "GS*HP*S*R*20240101*1200*1*X*005010X221A1\nST*835*0001\nSE*2*0001\nGE*1*1\nIEA*1*1\n",
     "segment terminator"),
    (ISA[:60], "truncated X12 interchange"),
    ("", "empty"),
])
def test_broken_interchanges_are_one_clear_line(tmp_path, text, words):
    with pytest.raises(BadInput) as e:
        read_835(tmp_path / "x.835", text=text)
    assert words in e.value.line() and e.value.file.endswith("x.835")


def test_an_837_given_as_an_eob_is_refused():
    with pytest.raises(BadInput, match="not an EOB"):
        read_eob(FIXTURES / "demo.example1.837")


def test_an_835_given_as_a_bill_says_how_to_give_it_as_the_eob_where_a_bill_is_read_alone(cli):
    # read_bill reads the bills of a case file, a stored case's documents (case add-document --as bill) and the web's
    # upload; `--eob` belongs to `audit`, which reads either kind itself: the note named a flag none of them has
    from billadvocate.ingest import read_bill

    with pytest.raises(BadInput) as e:
        read_bill(FIXTURES / "managed-care.835")
    said = e.value.problem
    assert said.startswith("this is an EOB (x12-835), not a bill:") and "pass it with --eob" not in said
    assert "under eob: in the case file" in said and "`--as eob`" in said
    assert "--as [bill|eob|" in cli("case", "add-document", "--help").out
