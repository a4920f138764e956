"""The audit's notes (not its findings) in Spanish (report/spanish_audit_notes.py): the setting read from the bill or
left undecided, the NCCI and MUE edits left out and why, the patient's fee-schedule locality or why the amounts are
national, a line with no Medicare yardstick, the hospital's price file and an EOB's MS-DRG that needs its bill. Each
note is the audit's own (a real bill, the shipped tables, an imported ZIP file or price file where the note needs
one); its figures, codes, dates and names are kept and no English is left. The assistance reasons no sweep case
reaches (tests/report/test_spanish_every_state.py) are checked from the real engines here too."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from billadvocate.audit import audit_bills
from billadvocate.model import Bill, Line
from billadvocate.report.spanish_account import sentence

from ..audit.support import audit, line
from ..conftest import shared
from .test_spanish_account import ENGLISH

D = date(2025, 3, 2)
HOSPITAL = {"provider_name": "Valley General Hospital"}  # a hospital's bill without revenue codes: setting undecided


def _es(note: str) -> str:
    """The note's Spanish: every figure and code of the English kept, no English word left."""
    es = sentence(note)
    assert es is not None, note
    assert not ENGLISH.findall(es.replace("--as-of", "")), es  # a command's option keeps its name
    for figure in re.findall(r"[A-Z]?\d[\dA-Z.]*", note):
        if not re.fullmatch(r"Q\d\.?", figure):  # a file's quarter, 2025 Q1, reads 2025 T1 (trimestre)
            assert figure.rstrip(".") in es, (figure, es)
    return es


def _notes(*lines, facts) -> list[str]:
    return audit(*lines, facts=facts).notes


@pytest.mark.parametrize("lines,facts,start", [
    ([line(1, "99214", d=D)], {"state": "NV"}, "Setting: professional"),
    ([line(1, "99284", d=D, rev="0450")], {}, "Setting: outpatient"),
    ([line(1, "99223", d=D, rev="0120", desc="ROOM AND BOARD SEMI-PRIVATE")], {}, "Setting: inpatient"),
    ([line(1, "99223", d=D, rev="0450", desc="ADMISSION H&P")], {}, "Setting: inpatient"),
    ([line(1, None, d=D, desc="SEMI-PRIVATE ROOM & BOARD"), line(2, "85025", d=D)], {}, "Setting: inpatient"),
    ([line(1, "99214"), line(2, "99446")], HOSPITAL, "Setting undecided"),
    ([line(1, None, desc="PHARMACY")], {}, "Setting undecided"),
], ids=["professional", "outpatient", "room-and-board", "admission", "room-and-board-words-only",
        "hospital-no-revenue-codes", "no-codes"])
def test_the_setting_note_reads_in_spanish(lines, facts, start):
    (note,) = [n for n in _notes(*lines, facts=facts) if n.startswith("Setting")]
    assert note.startswith(start), note
    es = _es(note)
    assert es.startswith("Lugar de la atención")


@pytest.mark.parametrize("how", [
    "CPT/HCPCS lines without revenue codes, from a provider that is not a facility",
    "CPT/HCPCS lines without revenue codes, from Front Range Imaging, not a hospital or medical center",
    "CPT/HCPCS lines without revenue codes, and neither the bill nor the case names a hospital or medical center as "
    "the sender",
])
def test_each_wording_of_a_professional_bill_reads_in_spanish(how):
    # audit/setting.infer_setting's words for a professional bill, before and after it named the sender
    assert _es(f"Setting: professional, read from the bill ({how}).").startswith("Lugar de la atención: atención de")


@pytest.mark.parametrize("named", ["", " (Valley General Hospital)"])
def test_each_wording_of_an_undecided_hospital_bill_reads_in_spanish(named):
    es = _es(f"Setting undecided (a hospital's bill{named} whose lines carry no revenue codes could be its facility "
             "or its practitioners' claim): the NCCI and MUE checks report only what the practitioner and the "
             "outpatient hospital tables agree on.")
    assert named.strip(" ()") in es


@pytest.mark.parametrize("which", ["Line 3 has", "Lines 3, 4 have"])
def test_lines_without_a_date_of_service_read_in_spanish(which):
    # audit.undated_note: coded lines without a date, priced by the schedules in force on the as-of date
    its = "its" if which.endswith("has") else "their"
    es = _es(f"{which} no date of service on the bill: {its} Medicare amounts are those of the fee schedules in force "
             "on 2026-11-28 (an earlier year's schedule pays a little less, so the comparison errs toward the "
             "hospital). To compare with the right year, give the dates of care in the case (care.start, care.end) or "
             "audit with --as-of a day of the care.")
    assert "fecha de servicio" in es and "--as-of" in es


def test_the_setting_read_from_a_type_of_bill_reads_in_spanish():
    bill = Bill(source="b.837", lines=[line(1, "99284", d=D, rev="0450")], type_of_bill="0131")
    (note,) = [n for n in audit_bills([bill], as_of=D).notes if n.startswith("Setting")]
    assert "type of bill 0131" in note
    assert "tipo de factura 0131" in _es(note)


@pytest.mark.parametrize("lines,wanted", [
    ([line(1, "99214"), line(2, "99446")], "lines 1 and 2 (99214 with 99446, practitioner table)"),  # an NCCI pair
    ([line(1, "85025", units=3, charge="30.00")], "line 1 (85025, 3 units; practitioner MUE 2)"),  # a unit limit
], ids=["ncci", "mue"])
def test_the_edits_left_out_of_an_undecided_setting_read_in_spanish(lines, wanted):
    (note,) = [n for n in _notes(*lines, facts=HOSPITAL) if n.startswith("Left out")]
    assert wanted in note
    es = _es(note)
    assert es.startswith("Se dejaron fuera") and "--setting o care.setting" in es


@pytest.mark.parametrize("facts,wanted", [
    ({"state": "NV", "setting": "professional"}, "the only locality of NV"),
    ({"state": "CA", "setting": "professional", "patient_address": "2823 Fresno St, Fresno, CA 93721"},
     "from the address (Fresno)"),
    ({"state": "CA", "setting": "professional"}, "national (the patient's fee-schedule locality is unknown)"),
], ids=["one-locality-state", "address", "national"])
def test_the_locality_note_reads_in_spanish(facts, wanted):
    (note,) = [n for n in _notes(line(1, "99214", d=D), facts=facts) if n.startswith("Medicare amounts are")]
    assert wanted in note
    assert _es(note).startswith("Las cantidades de Medicare son las")


@pytest.fixture
def zip_file(tmp_path, monkeypatch):
    from billadvocate.reference.importer import import_release

    from ..reference.test_zip_locality import ZIP5_TXT

    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path / "home"))
    import_release("zip-locality", ZIP5_TXT)


@pytest.mark.parametrize("facts,wanted", [
    ({"state": "CA", "patient_zip": "94103"}, "from ZIP 94103 (CMS ZIP code to carrier locality file, 2025 Q1)"),
    ({"state": "CA", "patient_address": "2823 Fresno St, Fresno, CA 93721"},
     "; ZIP 93721 is not in the CMS ZIP code to carrier locality file, 2025 Q1"),
    ({"state": "CA", "patient_zip": "89501"}, "puts ZIP 89501 in NV, not CA"),
], ids=["zip", "zip-not-in-file", "zip-of-another-state"])
def test_the_locality_found_from_the_zip_or_why_the_zip_was_not_used_reads_in_spanish(zip_file, facts, wanted):
    (note,) = [n for n in _notes(line(1, "99214", d=D), facts={"setting": "professional", **facts})
               if n.startswith("Medicare amounts are")]
    assert wanted in note, note
    es = _es(note)
    assert "código postal" in es and ("2025 T1" in es)


def test_a_zip_split_by_zip_plus_4_and_a_locality_not_in_the_gpci_table_read_in_spanish():
    # reference/locality's other two texts, as tests/reference/test_locality.py has them from the real finder
    for note in ("Medicare amounts are for the fee-schedule locality 05 San Francisco (MAC 01112), from ZIP 94103 (CMS "
                 "ZIP code to carrier locality file, 2025 Q1; the ZIP is split between localities by ZIP+4 (CMS ZIP9 "
                 "file, not read)).",
                 "Medicare amounts are national (the patient's fee-schedule locality is unknown; ZIP 92701's locality "
                 "26 (MAC 01182) in the CMS ZIP code to carrier locality file, 2016 Q4 is not in the GPCI table)."):
        es = _es(note)
        assert "ZIP+4" in es or "tabla GPCI" in es


@pytest.mark.parametrize("lines,facts,reason", [
    ([line(1, "A9270", d=D, rev="0270")], {"setting": "outpatient"}, "Medicare does not pay for it"),
    ([line(1, "99999", d=D, rev="0450")], {"setting": "outpatient"}, "no Medicare price for this code"),
    ([line(1, "99223", d=D, rev="0120", desc="ROOM AND BOARD")], {"setting": "inpatient"}, "paid per stay (MS-DRG)"),
    ([line(1, "99999", d=D), line(2, "99998", d=D)], {"setting": "professional"}, "no Medicare price for this code"),
], ids=["not-paid", "no-price", "inpatient", "two-lines"])
def test_a_line_without_a_yardstick_reads_in_spanish(lines, facts, reason):
    (note,) = [n for n in _notes(*lines, facts=facts) if n.startswith("No Medicare price")]
    assert reason in note
    es = _es(note)
    assert es.startswith("No hay precio de Medicare para comparar")
    assert ("las líneas 1, 2" in es and "sus cargos no se juzgaron" in es) if len(lines) == 2 else "la línea 1" in es


def test_every_reason_a_line_has_no_yardstick_has_spanish():
    from billadvocate.audit.benchmarks_sql import __file__ as sql_file
    from billadvocate.report.spanish_audit_notes import NO_YARDSTICK_ES

    text = open(sql_file, encoding="utf-8").read()
    block = text[text.index("END AS yardstick_name"):text.index("END AS no_yardstick")]
    reasons = re.findall(r"THEN '((?:[^']|'')+)'|ELSE '((?:[^']|'')+)'", block)
    assert len(reasons) == 7
    for reason in ((a or b).replace("''", "'") for a, b in reasons):
        assert reason in NO_YARDSTICK_ES, reason
        _es(f"No Medicare price to compare for line 3 ({reason}); its charge was not judged.")


def test_every_schedule_a_line_can_predate_has_spanish():
    # a line dated before the earliest release of the schedule that would price it (audit/benchmarks_sql.py
    # EARLY_SCHEDULES), each way the reason ends: an import adds the year's, or the PFS's factor is missing, or
    # (the ambulance fee schedule, law data with no file) its year's rates are not in the law data
    from billadvocate.audit.benchmarks_sql import EARLY_SCHEDULES

    for _, name, kind in EARLY_SCHEDULES.values():
        ends = [f"billadvocate data import {kind} FILE adds its year's" if kind else
                "the ambulance rates of its year are not in billadvocate's law data"]
        if kind == "pfs-rvu":
            ends.append("the conversion factor of its year is not in billadvocate's law data")
        for end in ends:
            es = _es(f"No Medicare price to compare for lines 3, 4 (dated before 2025-01-01, the start of the earliest "
                     f"{name} loaded; a later year's rates may be higher or lower than those of its date: {end}); "
                     "their charges were not judged.")
            assert es.startswith("No hay precio de Medicare para comparar las líneas 3, 4 (con fecha anterior al "
                                 "2025-01-01"), es


def test_the_hospital_price_file_note_reads_in_spanish(tmp_path, monkeypatch):
    from billadvocate.reference.importer import import_release

    monkeypatch.setenv("BILLADVOCATE_HOME", str(tmp_path))
    import_release("prices", shared("price_transparency", "v3", "V3.0.0_Tall_CSV_Format_Example.csv"))
    bill = Bill(source="b", lines=[Line(line=1, date=date(2026, 5, 1), code="70551", charge=Decimal("1500"))])
    facts = {"setting": "outpatient", "insurance_status": "uninsured", "provider_name": "West Mercy Hospital"}
    (note,) = [n for n in audit_bills([bill], facts=facts, as_of=date(2026, 11, 28)).notes
               if n.startswith("Hospital prices")]
    assert "West Mercy Hospital" in _es(note)


def test_an_eob_s_ms_drg_that_needs_the_bill_reads_in_spanish(tmp_path):
    from billadvocate.audit.stay_drg import drg_needs_bill_notes
    from billadvocate.ingest import read_eob

    isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~"
    (tmp_path / "r.835").write_text(isa + "GS*HP*S*R*20260401*1200*1*X*005010X221A1~ST*835*0001~BPR*I*9000*C*CHK~"
                                    "N1*PR*ACME HEALTH PLAN~N1*PE*CITY HOSPITAL*XX*1234567893~"
                                    "CLP*C1*1*58400*9000*1600*MA*P1*11*1*01*871~SE*6*0001~GE*1*1~IEA*1*000000001~")
    (note,) = drg_needs_bill_notes([read_eob(tmp_path / "r.835")])
    assert "reclamación C1: MS-DRG 871" in _es(note)


# assistance reasons the every-state sweep does not reach, from the real engines
def _programs(**sit) -> dict[str, str]:
    from billadvocate.assist import assistance
    from billadvocate.assist.situation import Situation

    s = Situation(**{"household_size": 1, "annual_income": Decimal(20000), **sit})
    out = assistance(state=s.state, household_size=1, annual_income=s.annual_income, as_of=date(2026, 11, 28),
                     situation=s)
    return {p["id"]: p["why"] for p in out["programs"]}


@pytest.mark.parametrize("sit,pid,wanted", [
    ({"state": "TX", "insurance": "medicare"}, "MEDICAID", "Medicare Savings Programs"),
    ({"state": "NV", "provider_state": "NV", "kind": "hospital", "setting": "outpatient", "insurance": "uninsured"},
     "STATE.NV.UNINSURED_INPATIENT_DISCOUNT", "covers inpatient care; this care was outpatient"),
    ({"state": "OR", "provider_state": "OR", "kind": "hospital", "nonprofit": False, "insurance": "uninsured"},
     "STATE.OR.HOSPITAL_FINANCIAL_ASSISTANCE", "binds nonprofit hospitals"),
    ({"state": "TX", "provider_state": "ME", "kind": "hospital", "insurance": "uninsured"},
     "STATE.ME.CHARITY_CARE", "covers ME residents; the patient lives in TX"),
    ({"state": "NJ", "provider_state": "NJ", "kind": "hospital", "insurance": "medicaid"},
     "STATE.NJ.UNINSURED_CHARGE_CAP", "covers uninsured patients only, and the case says medicaid"),
], ids=["medicare", "nv-setting", "or-for-profit", "me-residents", "nj-medicaid"])
def test_a_program_s_reason_the_sweep_does_not_reach_reads_in_spanish(sit, pid, wanted):
    why = _programs(**sit)[pid]
    assert wanted in why, why
    es = sentence(why)
    assert es is not None, why
    assert not ENGLISH.findall(re.sub(r"\([^()]*\)", " ", es)), es  # a program's official name stays in parentheses
    for figure in re.findall(r"\d[\d.]*%?", why):
        assert figure.rstrip(".") in es, (figure, es)


def test_a_price_finding_for_several_units_keeps_its_units_in_spanish():
    from billadvocate.report.spanish import _price_es

    es = _price_es("Line 4, Ceftriaxone 250mg x4 (J0696), is billed at $150.00, 84.3x the Medicare Part B drug "
                   "payment limit (ASP) per 250 mg ($1.78 for 4 units)")
    assert es == ("Línea 4 (J0696): se cobra $150.00, 84.3 veces el límite de pago de Medicare Parte B para el "
                  "medicamento (ASP) por 250 mg, $1.78 por 4 unidades.")


def test_the_statement_period_note_reads_in_spanish():
    from billadvocate.audit import audit_bills
    from billadvocate.ingest.x12_837 import read_837
    from tests.conftest import shared

    bill = read_837(shared("x12", "linuxforhealth", "837_004010X096A1", "automobile-accident.837"))
    (note,) = [n for n in audit_bills([bill]).notes if "statement period" in n]
    assert _es(note) == ("Las fechas de la atención son el período de facturación de la reclamación, del 1997-03-18 al "
                         "1997-03-18 (el caso no indica ninguna).")
