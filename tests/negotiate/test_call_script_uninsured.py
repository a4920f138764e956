"""The provider call script asks whether the claim was billed to the patient's insurer only when she may have one.
Before, Marcus (examples/uninsured-outpatient: no insurance, a Good Faith Estimate) was given 'has the claim been
billed to my insurer?' to read to the billing office - a patient with no insurer asked to say 'my insurer' invites
the office to record one, or to hold the bill for a claim that will never come. Uninsured or self-pay: the question
asks only the balance; insured, Medicare, Medicaid or unknown: it still asks about the insurer."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from billadvocate import load_case, review_case
from billadvocate.report.spanish_account import account_es

ROOT = Path(__file__).resolve().parents[2]
UNINSURED = ROOT / "examples/uninsured-outpatient/case.yaml"
INSURED = ROOT / "examples/er-visit-nonprofit/case.yaml"


def _asks(path: Path, lang: str = "en") -> list[str]:
    a = review_case(load_case(path)).to_json()["accounts"][0]
    (s,) = [s for s in (a if lang == "en" else account_es(a))["call_scripts"] if s["to"] == "provider"]
    return s["ask"]


def _copy(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(UNINSURED.read_text(encoding="utf-8"))
    change(data)
    shutil.copytree(UNINSURED.parent, tmp_path, dirs_exist_ok=True)
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return tmp_path / "case.yaml"


def test_an_uninsured_patient_is_not_asked_to_say_my_insurer():
    asks = _asks(UNINSURED)
    assert not [q for q in asks if "insur" in q]
    assert "What is the balance after every payment and adjustment?" in asks
    es = _asks(UNINSURED, "es")
    assert "¿Cuál es el saldo después de todos los pagos y ajustes?" in es
    assert not [q for q in es if "seguro" in q]


def test_a_self_pay_patient_is_not_asked_either(tmp_path):
    def self_pay(d):
        d["insurance"] = {"status": "insured"}
        d["accounts"][0].setdefault("care", {})["self_pay"] = True
    assert not [q for q in _asks(_copy(tmp_path, self_pay)) if "billed to my insurer" in q]


def test_an_insured_or_unknown_patient_is_still_asked(tmp_path):
    said = "What is the balance after every insurance payment and adjustment, and has the claim been billed to my insurer?"
    assert said in _asks(INSURED)
    assert said in _asks(_copy(tmp_path, lambda d: d.pop("insurance")))
