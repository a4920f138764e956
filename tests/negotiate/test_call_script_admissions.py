"""The call scripts never have the patient admit the debt or say what they owe: they propose a resolution
confirmed in writing, and on a time-barred debt they offer nothing unless the patient chose to pay, and say
in plain words not to agree to pay or confirm the debt on the phone. English and Spanish."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from billadvocate import load_case, review_case
from billadvocate.report.spanish_account import account_es

ROOT = Path(__file__).resolve().parents[2]
CASES = {"ordinary": ROOT / "examples/uninsured-outpatient/case.yaml",          # a clinic's bill, no collector
         "hospital": ROOT / "tests/scenarios/cases/es_speaker/case.yaml",        # a hospital's bill, an offer
         "collections": ROOT / "tests/scenarios/cases/es_speaker/case.yaml",     # the same debt at its collector
         "in_network": ROOT / "tests/scenarios/cases/fl_nsa_anesthesia/case.yaml",
         "time_barred": ROOT / "tests/scenarios/cases/ny_lawsuit/case.yaml",     # too old to sue on: no offer
         "time_barred_debt_buyer": ROOT / "tests/scenarios/cases/tx_debt_buyer/case.yaml",
         "time_barred_chose_to_pay": ROOT / "tests/scenarios/cases/ga_time_barred_pay/case.yaml"}
ADMISSIONS = [r"fair amount", r"fair price", r"(?<!agreement that )\bI owe (?!\$0\.00|nothing)", r"payment in full",
              r"\bmy (?:debt|balance)\b"]
ADMISSIONS_ES = [r"cantidad justa", r"precio justo por la atención", r"\bdebo (?!\$0\.00|nada)", r"pago total"]


@lru_cache(maxsize=None)
def account(name: str) -> dict:
    return review_case(load_case(CASES[name])).to_json()["accounts"][0]


def script(name: str, to: str, lang: str = "en") -> dict:
    a = account(name) if lang == "en" else account_es(account(name))
    (s,) = [s for s in a["call_scripts"] if s["to"] == to]
    return s


def spoken(s: dict) -> str:
    return " ".join([*s["say"], *s["ask"]])


VARIANTS = [("ordinary", "provider"), ("hospital", "provider"), ("collections", "collector"),
            ("in_network", "provider"), ("time_barred", "provider"), ("time_barred", "collector"),
            ("time_barred_debt_buyer", "collector"), ("time_barred_chose_to_pay", "provider"),
            ("time_barred_chose_to_pay", "collector")]


@pytest.mark.parametrize("name,to", VARIANTS)
def test_the_patient_never_admits_the_debt_or_says_what_is_owed(name, to):
    text = spoken(script(name, to))
    found = [p for p in ADMISSIONS if re.search(p, text, re.I)]
    assert not found, (found, text)
    es = spoken(script(name, to, "es"))
    found = [p for p in ADMISSIONS_ES if re.search(p, es, re.I)]
    assert not found, (found, es)


@pytest.mark.parametrize("name,to", [("ordinary", "provider"), ("hospital", "provider"), ("collections", "collector"),
                                     ("in_network", "provider"), ("time_barred_chose_to_pay", "provider"),
                                     ("time_barred_chose_to_pay", "collector")])
def test_an_offer_resolves_the_account_only_once_confirmed_in_writing(name, to):
    text = spoken(script(name, to))
    assert re.search(r"I can offer \$[\d,]+\.\d\d to resolve this account in full, if you confirm in writing", text), text
    assert "not an agreement that I owe it" in text
    es = spoken(script(name, to, "es"))
    assert re.search(r"Puedo ofrecer \$[\d,]+\.\d\d para resolver esta cuenta por completo, si me confirman por "
                     r"escrito", es), es
    assert "no un reconocimiento de que la debo" in es


@pytest.mark.parametrize("name,to", [("time_barred", "provider"), ("time_barred", "collector"),
                                     ("time_barred_debt_buyer", "collector"), ("time_barred_debt_buyer", "provider")])
def test_a_time_barred_debt_gets_no_offer_and_a_plain_warning(name, to):
    assert account(name)["offer"].get("withheld") or account(name)["offer"].get("no_offer")  # negotiate's choice
    s = script(name, to)
    assert not re.search(r"offer \$|accept \$", spoken(s)), spoken(s)
    never = " ".join(s["never_say"])
    assert "do not agree to pay" in never and "do not confirm that the debt is yours" in never
    es = script(name, to, "es")
    assert not re.search(r"ofrecer \$|aceptarían \$", spoken(es))
    assert "no acepte pagar" in " ".join(es["never_say"]) and "no confirme que la deuda es suya" in " ".join(es["never_say"])


def test_a_time_barred_debt_the_patient_chose_to_pay_is_settled_only_in_writing():
    for to in ("provider", "collector"):
        never = " ".join(script("time_barred_chose_to_pay", to)["never_say"])
        assert "do not confirm that the debt is yours" in never and "until the settlement is in writing" in never
