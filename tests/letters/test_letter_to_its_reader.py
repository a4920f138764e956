"""A letter is the patient speaking to its recipient: it states the patient's position and asks for
something, never the advice the review gives the patient ('get the insurer's EOB', 'check that the
plan applied ...'); its totals agree with the items it lists. Read back from reviewed cases."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from billadvocate import load_case, review_case
from billadvocate.letters import letter_for, render

from ..conftest import EXAMPLES

AS_OF = date(2026, 11, 28)
ER_BILL = (EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv").read_text()
# advice to the reader of a review, which a letter to a hospital, collector or bureau must not carry
PATIENT_ADVICE = re.compile(r"\b(get the|check that|check whether|tell it in writing|ask it to|if they are)\b", re.I)


def reviewed(tmp_path: Path, bill: str = ER_BILL, household: dict | None = None, **account):
    """The er-visit example's case with `account` fields changed, reviewed on AS_OF."""
    data = yaml.safe_load((EXAMPLES / "er-visit-nonprofit" / "case.yaml").read_text())
    acct = data["accounts"][0]
    provider = {**acct["provider"], **account.pop("provider", {})}
    acct.update(account, provider=provider, bill=["bill.csv"])
    if household is not None:
        data["household"] = household
    (tmp_path / "bill.csv").write_text(bill)
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return review_case(load_case(tmp_path / "case.yaml"), AS_OF)


def letter_text(result, kind: str, lang: str = "en") -> str:
    """Every text of the letter in reading order, a table row as its cells joined by ' | ' (the
    rendered text would interleave a table's wrapped columns)."""
    letter = letter_for(result, kind, lang=lang)
    render(letter, "txt", as_of=AS_OF)  # it renders
    return " ".join(" ".join(letter.text_blocks()).split())


ONE_VISIT = "Line,Svc Date,CPT/HCPCS,Description,Qty,Amount\n1,03/02/2025,99223,HOSPITAL CARE,1,$900.00\n"
AIR = "Line,Svc Date,CPT/HCPCS,Description,Qty,Amount\n1,03/02/2025,A0430,AIR AMBULANCE,1,\"$4,830.00\"\n"
HIGH_INCOME = {"size": 3, "annual_income": 400000, "monthly_expenses": 2900}


def test_the_nsa_item_states_the_patients_position_and_request_not_advice_for_emergency_care(tmp_path):
    result = reviewed(tmp_path)  # insured, out-of-network ER, no EOB in the case
    for kind in ("billing_dispute", "dispute", "nsa_dispute"):
        text = letter_text(result, kind)
        assert not PATIENT_ADVICE.search(text), (kind, PATIENT_ADVICE.search(text))
        assert "in-network cost-sharing amount" in text and "300gg-131" in text, kind
    table = letter_text(result, "billing_dispute")
    assert "bill me no more than the in-network cost-sharing amount" in table and "send me the corrected bill" in table
    assert "45 CFR 149.410" in table  # the law column keeps its citations too


def test_the_nsa_item_cites_300gg_132_for_an_out_of_network_doctor_at_an_in_network_facility(tmp_path):
    result = reviewed(tmp_path, ONE_VISIT, household=HIGH_INCOME, balance=900,
                      provider={"kind": "physician", "nonprofit": False, "fap": None},
                      care={"emergency": False, "start": "2025-03-02", "facility_in_network": True})
    text = letter_text(result, "billing_dispute")
    assert not PATIENT_ADVICE.search(text)
    assert "42 U.S.C. 300gg-132; 45 CFR 149.420" in text and "in-network cost-sharing amount" in text
    # the consent exception is the provider's to prove: the patient's letter does not raise it
    assert "unless I signed" not in text and "unless you signed" not in text


def test_the_nsa_item_cites_300gg_135_for_an_air_ambulance(tmp_path):
    result = reviewed(tmp_path, AIR, household=HIGH_INCOME,
                      provider={"kind": "ambulance", "nonprofit": False, "fap": None},
                      care={"emergency": False, "start": "2025-03-02", "ambulance": "air"})
    text = letter_text(result, "billing_dispute")
    assert not PATIENT_ADVICE.search(text)
    assert "42 U.S.C. 300gg-135; 45 CFR 149.440" in text


def test_the_ancillary_item_asks_the_provider_instead_of_telling_the_patient_to_check():
    result = review_case(load_case(Path(__file__).parent / "cases" / "ancillary" / "case.yaml"))
    for kind in ("billing_dispute", "nsa_dispute"):
        text = letter_text(result, kind)
        assert not PATIENT_ADVICE.search(text), (kind, PATIENT_ADVICE.search(text))
    assert "bill me no more than my in-network cost sharing" in letter_text(result, "billing_dispute")
