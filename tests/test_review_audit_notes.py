"""The review carries the audit's notes that qualify its findings, for each account, in the review's language:
lines with no date priced by the schedules of the as-of date, a setting left undecided (and what that leaves
out), a file holding several patients' claims. Only `audit` printed them, in English. They read in the patient's
words: no command-line options or case-file field names, and not the routine notes (the fee-schedule locality,
the setting read from the bill)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import yaml
from click.testing import CliRunner

from billadvocate import load_case, review_case
from billadvocate.cli.main import cli
from billadvocate.report.spanish_account import account_es, untranslated

AS_OF = date(2026, 11, 28)
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
# CPT lines with no revenue codes and no dates, on a hospital's bill: setting undecided, priced as of AS_OF
UNDATED = ("Line,CPT/HCPCS,Description,Qty,Amount\n1,99285,ER VISIT LEVEL 5,1,\"$2,150.00\"\n"
           "2,71046,CHEST X-RAY 2 VIEWS,1,$610.00\n")
INTERNAL = re.compile(r"--[a-z]|\bcare\.(?:start|end|setting)\b|\bMAC \d|PATIENTID|\b[A-Z]{3,}\.[A-Z_]{3,}\b")


def _case(tmp_path: Path, bill_name: str, *, language: str = "en") -> Path:
    data = {"billadvocate": 1, "as_of": AS_OF.isoformat(),
            "patient": {"name": "Jane Doe", "address": "12 Elm St, Fresno, CA 93701", "state": "CA",
                        "language": language},
            "household": {"size": 1, "annual_income": 150000, "monthly_expenses": 3000},
            "insurance": {"status": "uninsured"},
            "accounts": [{"id": "visit", "account_number": "VGH-1", "balance": 2760,
                          "provider": {"name": "Valley General Hospital", "address": "PO Box 100, Fresno, CA 93702",
                                       "kind": "hospital", "state": "CA"},
                          "first_bill_date": "2026-10-01", "bill": [bill_name]}]}
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _undated(tmp_path: Path, language: str = "en") -> Path:
    (tmp_path / "bill.csv").write_text(UNDATED, encoding="utf-8")
    return _case(tmp_path, "bill.csv", language=language)


def test_the_review_says_which_lines_had_no_date_and_that_the_setting_was_undecided(tmp_path):
    review = review_case(load_case(_undated(tmp_path)), AS_OF).accounts[0]
    audit = review.audit.notes
    assert any(n.startswith("Lines 1, 2 have no date of service") for n in audit)  # the audit's own notes
    notes = review.notes
    undated = [n for n in notes if n.startswith("Lines 1, 2 have no date of service on the bill")]
    assert len(undated) == 1 and AS_OF.isoformat() in undated[0] and "give the dates of the care" in undated[0]
    assert any(n.startswith("Setting undecided (") for n in notes)
    assert not [n for n in notes if INTERNAL.search(n)], [n for n in notes if INTERNAL.search(n)]
    # the routine notes stay in `audit`: where the Medicare amounts come from
    assert any("fee-schedule locality" in n or "Medicare amounts are" in n for n in audit)
    assert not [n for n in notes if n.startswith("Medicare amounts are")]


def test_the_audit_notes_read_in_spanish(tmp_path):
    data = review_case(load_case(_undated(tmp_path, "es")), AS_OF).accounts[0].to_json()
    assert not [t for t in untranslated(data) if "date of service" in t or "Setting" in t]
    notes = account_es(data)["notes"]
    undated = [n for n in notes if n.startswith("Las líneas 1, 2 no tienen fecha de servicio en la factura")]
    assert len(undated) == 1 and "indique las fechas de la atención" in undated[0]
    assert any(n.startswith("Lugar de la atención sin decidir (") for n in notes)
    assert not [n for n in notes if INTERNAL.search(n)], [n for n in notes if INTERNAL.search(n)]


def test_a_file_of_several_patients_is_said_in_the_review(tmp_path):
    shutil.copy(FIXTURES / "two-claims-single-provider.837i", tmp_path / "claims.837i")
    data = review_case(load_case(_case(tmp_path, "claims.837i", language="es")), AS_OF).accounts[0].to_json()
    (note,) = [n for n in data["notes"] if "patients" in n]
    assert note.startswith("This file holds the claims of 2 patients, audited here as one bill")
    assert not [t for t in untranslated(data) if "patients" in t]
    (es,) = [n for n in account_es(data)["notes"] if "pacientes" in n]
    assert es.startswith("Este archivo contiene las reclamaciones de 2 pacientes, revisadas aquí como una sola "
                         "factura")


def test_the_text_review_prints_them_in_the_patients_language(tmp_path):
    (tmp_path / "en").mkdir()
    en = CliRunner().invoke(cli, ["review", str(_undated(tmp_path / "en"))])
    assert en.exit_code == 0, en.output
    assert "Lines 1, 2 have no date of service on the bill" in " ".join(en.output.split())
    (tmp_path / "es").mkdir()
    es = CliRunner().invoke(cli, ["review", str(_undated(tmp_path / "es", "es"))])
    assert es.exit_code == 0, es.output
    text = " ".join(es.output.split())
    assert "Las líneas 1, 2 no tienen fecha de servicio en la factura" in text
    assert "have no date of service" not in text


def test_a_hospital_not_known_as_nonprofit_and_a_bill_without_dates_leave_no_english(tmp_path):
    # the protection's 'applies if ... is a nonprofit' and the call script's 'for care on the date on the bill' had
    # no Spanish (the case gives neither the hospital's tax status nor the care's dates)
    data = review_case(load_case(_undated(tmp_path, "es")), AS_OF).accounts[0].to_json()
    assert untranslated(data) == []
    x = account_es(data)
    why = " ".join(p.get("why") or "" for p in x["protections"])
    assert ("501(r) se aplica si Valley General Hospital es un hospital sin fines de lucro (501(c)(3)); el caso no "
            "dice si lo es. Revise su formulario 990 del IRS o su política de asistencia financiera.") in why
    said = [line for cs in x["call_scripts"] for line in cs.get("say") or []]
    assert "Llamo por la cuenta VGH-1 por la atención de la fecha que figura en la factura." in " ".join(said)


def test_lines_older_than_the_schedules_are_said_without_the_import_command(tmp_path):
    # 2020 lines predate the shipped Medicare schedules and NCCI/MUE edits (audit/dated_schedules.py): the review
    # says they were not checked or priced, without 'billadvocate data import ... FILE' (a command for whoever runs
    # billadvocate, which `audit` keeps)
    (tmp_path / "bill.csv").write_text(UNDATED.replace("Line,CPT/HCPCS", "Line,Svc Date,CPT/HCPCS")
                                       .replace("\n1,", "\n1,03/02/2020,").replace("\n2,", "\n2,03/02/2020,"),
                                       encoding="utf-8")
    review = review_case(load_case(_case(tmp_path, "bill.csv", language="es")), AS_OF).accounts[0]
    assert any("billadvocate data import" in n for n in review.audit.notes)
    notes = review.notes
    assert any(n.startswith("No Medicare price to compare for lines 1, 2 (dated before") for n in notes), notes
    assert not [n for n in notes if "billadvocate" in n or "FILE" in n]
    data = review.to_json()
    assert not [t for t in untranslated(data) if "dated before" in t or "billadvocate" in t]
    es = account_es(data)["notes"]
    assert any(n.startswith("No hay precio de Medicare para comparar las líneas 1, 2 (con fecha anterior") for n in es)
    assert not [n for n in es if "billadvocate" in n or "FILE" in n]
