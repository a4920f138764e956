"""837 claims as the audit sees them: dental SV3 lines, several patients in one file, the setting."""

from decimal import Decimal
from pathlib import Path

from billadvocate.audit.setting import infer_setting
from billadvocate.ingest.x12_837 import read_837

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def dental_837() -> str:
    """The real 837P demo rewritten in the dental layout (005010X224A2): SV3*AD:code*charge****count."""
    text = (FIXTURES / "demo.example1.837").read_text().replace("005010X222A2", "005010X224A2")
    for cpt, ada in (("HC:99213*40.00*UN*1.00***1", "AD:D0120*40.00****1"),
                     ("HC:87070*15.00*UN*1.00***1", "AD:D1110*15.00****1"),
                     ("HC:99214*35.00*UN*1.00***2", "AD:D0274*35.00****1"),
                     ("HC:86663*10.00*UN*1.00***2", "AD:D1206*10.00****2")):
        text = text.replace("SV1*" + cpt, "SV3*" + ada)
    assert "SV1*" not in text
    return text


def test_a_dental_837_is_read_line_by_line_not_as_an_empty_bill():
    bill = read_837("dental.837", text=dental_837())
    assert [ln.code for ln in bill.lines] == ["D0120", "D1110", "D0274", "D1206"]
    assert [ln.charge for ln in bill.lines] == [Decimal("40.00"), Decimal("15.00"), Decimal("35.00"), Decimal("10.00")]
    assert bill.lines[3].units == Decimal("2") and bill.stated_total == Decimal("100.00")
    assert infer_setting([bill]).setting == "professional"


def test_an_837_holding_several_patients_says_so():
    bill = read_837(FIXTURES / "two-claims-single-provider.837i")
    note = next(n for n in bill.notes if "patients" in n)
    assert "2 patients (JON DOE; JOE SMITH)" in note


def test_one_patient_with_a_subscriber_is_one_patient():
    # demo.example1: subscriber JANE SMITH, patient TED SMITH (NM1*QC): one patient
    bill = read_837(FIXTURES / "demo.example1.837")
    assert not [n for n in bill.notes if "patients" in n]


def test_an_837s_lines_without_descriptions_are_named_by_their_codes_in_findings():
    # the real 4010 837I automobile-accident claim: SV2 lines carry codes, never descriptions, and the
    # findings read 'Line 3,  (86225), is billed at' and ' (86225) is billed for 2 units'
    from billadvocate.audit import audit_bills

    from tests.conftest import shared

    bill = read_837(shared("x12", "linuxforhealth", "837_004010X096A1", "automobile-accident.837"))
    assert bill.lines[2].code == "86225" and not bill.lines[2].description
    result = audit_bills([bill])
    messages = [f.message for f in result.findings]
    assert any(m.startswith("Line 4, the service (99283), is dated 1994-03-18") for m in messages)
    assert not [m for m in messages if "  " in m or m.startswith(" ") or ",  (" in m]
    # its lines of 1994 predate every Medicare schedule and edit shipped: no price or MUE finding, and the notes
    # say so (before, 86225 x2 was held to the 2024 MUE and the 2025 lab fee schedule: tests/audit/test_dated_schedules.py)
    assert not [f for f in result.findings if f.rule in ("BILL.MUE", "BILL.PRICE_OUTLIER")]
    assert any(n.startswith("Lines 1, 2, 3, 4 are dated before 2024-07-01, the start of the earliest NCCI and MUE")
               for n in result.notes)


def test_the_audit_says_when_its_one_bill_holds_several_patients_claims():
    # two-claims-single-provider.837i: JON DOE's and JOE SMITH's claims; the reader said so only to `read`,
    # and `audit` showed its findings as one person's bill
    from billadvocate.audit import audit_bills

    result = audit_bills([read_837(FIXTURES / "two-claims-single-provider.837i")])
    (note,) = [n for n in result.notes if "patients" in n]
    assert note.startswith("This file holds the claims of 2 patients, audited here as one bill")
    one = read_837(FIXTURES / "demo.example1.837")
    assert not [n for n in audit_bills([one]).notes if "patients" in n]


def test_a_synthea_ledger_of_eleven_patients_warns_that_repeats_may_be_two_peoples_care():
    # the real Synthea claims_transactions.csv: 11 patients; the flu shots of three of them on 2015-02-20
    # (lines 9, 642, 1261) are one 'duplicate' when the file is audited as one bill
    from billadvocate.audit import audit_bills
    from billadvocate.ingest.synthea_csv import read_ledger_bill

    from tests.conftest import shared

    bill = read_ledger_bill(shared("synthea", "jijones12_ma10", "csv", "claims_transactions.csv"))
    notes = audit_bills([bill]).notes
    assert any(n.startswith("This file holds the claims of 11 patients") and "duplicate" in n for n in notes)


def test_lines_dated_outside_the_claims_statement_period_are_found_without_care_dates():
    # the real 4010 837I automobile-accident claim: statement period (DTP*434) 1997-03-18, three of its four
    # lines dated 1994 (DTP*472): Medicare's rule, every date of service within the statement period
    from billadvocate.audit import audit_bills
    from tests.conftest import shared

    bill = read_837(shared("x12", "linuxforhealth", "837_004010X096A1", "automobile-accident.837"))
    assert (str(bill.statement_from), str(bill.statement_to)) == ("1997-03-18", "1997-03-18")
    result = audit_bills([bill])
    outside = [f for f in result.findings if f.rule == "BILL.DATE_OUTSIDE_CARE"]
    assert sorted(f.lines[0] for f in outside) == [1, 3, 4]
    assert any(n.startswith("The care's dates are the claim's statement period, 1997-03-18 to 1997-03-18")
               for n in result.notes)
    # the case's own care dates win over the statement period
    given = audit_bills([bill], facts={"care_start": __import__("datetime").date(1994, 3, 18),
                                       "care_end": __import__("datetime").date(1997, 3, 18)})
    assert not [f for f in given.findings if f.rule == "BILL.DATE_OUTSIDE_CARE"]
    assert not any("statement period" in n for n in given.notes)


def test_claims_with_different_statement_periods_give_the_bill_none():
    # 2005-03-15 and 2005-04-01: no period stands for both claims
    bill = read_837(FIXTURES / "two-claims-single-provider.837i")
    assert (bill.statement_from, bill.statement_to) == (None, None)
