"""The plan counts only the errors on the bill: free care (or a discount) the patient is likely eligible for is
no billing error, so the steps to dispute the debt and the bill count the problems without it, put at stake
the dollars the errors alone dispute, and say the assistance apart, as likely, never as decided. Read back
from the er-visit example (free care and 18 other problems) and from a bill whose only finding is free care."""

from __future__ import annotations

import re
from datetime import date

import yaml

from billadvocate import load_case, review_case
from billadvocate.actions.spanish import in_spanish
from billadvocate.report.spanish_account import sentence

from ..conftest import EXAMPLES

ASSISTANCE = "IRS501R.OVER_AGB"
AS_OF = date(2026, 11, 28)
DECIDED = re.compile(r"\byou qualify\b|\byou owe only\b", re.I)


def _steps(result) -> dict[str, str]:
    return {s["kind"]: s["why"] for s in result.actions}


def test_the_er_example_counts_the_errors_without_the_free_care():
    result = review_case(load_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml"), AS_OF)
    r = result.accounts[0]
    errors = [f for f in r.findings if f.rule != ASSISTANCE]
    assert len(errors) == len(r.findings) - 1 == 18
    steps = _steps(result)
    assert steps["DISPUTE_DEBT"].startswith("The audit found 18 problems on the bill; ")
    assert "you are likely eligible for free care under the hospital's financial-assistance policy" in \
        steps["DISPUTE_DEBT"]
    alone = r.in_dispute_without((ASSISTANCE,))
    assert 0 < alone < r.in_dispute
    assert steps["DISPUTE_BILL"] == (f"The audit found 18 problems on the bill, ${alone:,.2f} at stake: ask the billing "
                                     "office to correct it, and to apply its financial-assistance policy, which you "
                                     "are likely eligible for.")
    for s in result.actions:
        assert not DECIDED.search(s["why"]), s
    # the same sentences in Spanish, where a sentence is shown (a letter's reason in a note)
    assert sentence(steps["DISPUTE_BILL"]) == (
        f"La revisión encontró 18 problemas en la factura, ${alone:,.2f} en juego: pida a la oficina de facturación "
        "que la corrija y que aplique su política de ayuda financiera, para la que es probable que usted califique.")
    es = {s["kind"]: s["why"] for s in in_spanish(result)}
    assert "errores" in es["DISPUTE_BILL"]


CLEAN_LAB = "Line,Svc Date,CPT/HCPCS,Description,Qty,Amount\n1,03/02/2025,85025,CBC W/AUTO DIFF,1,$5.00\n"


def test_free_care_alone_is_not_counted_as_a_problem_on_the_bill(tmp_path):
    data = yaml.safe_load((EXAMPLES / "er-visit-nonprofit" / "case.yaml").read_text())
    acct = data["accounts"][0]
    acct.update(bill=["bill.csv"], balance=5.00, not_received=[])
    data["insurance"] = {"status": "uninsured"}
    (tmp_path / "bill.csv").write_text(CLEAN_LAB)
    (tmp_path / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    result = review_case(load_case(tmp_path / "case.yaml"), AS_OF)
    assert [f.rule for f in result.accounts[0].findings] == [ASSISTANCE]
    steps = _steps(result)
    for kind in ("DISPUTE_DEBT", "DISPUTE_BILL"):
        assert "problem" not in steps[kind], steps[kind]
        assert not DECIDED.search(steps[kind]), steps[kind]
    assert steps["DISPUTE_BILL"] == ("You are likely eligible for free care under the hospital's financial-assistance "
                                     "policy: ask the billing office to apply it to the bill.")
    assert steps["DISPUTE_DEBT"].startswith("You are likely eligible for free care under the hospital's "
                                            "financial-assistance policy")
    step = next(s for s in result.actions if s["kind"] == "DISPUTE_BILL")
    assert step["title"] == "Ask the hospital to apply its financial-assistance policy"  # no billing error to dispute
    es = next(s for s in in_spanish(result) if s["kind"] == "DISPUTE_BILL")
    assert es["title"] == "Pida al hospital que aplique su política de ayuda financiera" and "errores" not in es["why"]
    assert sentence(steps["DISPUTE_BILL"]) == (
        "Es probable que usted califique para atención gratuita según la política de ayuda financiera del hospital: "
        "pida a la oficina de facturación que la aplique a la factura.")
