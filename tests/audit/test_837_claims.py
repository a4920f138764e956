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
