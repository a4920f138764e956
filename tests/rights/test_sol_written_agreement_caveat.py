"""A debt past the open-account limit but inside the written-contract one (status
expired_unless_written_contract): the warning says the longer limit applies if the patient signed a written
agreement to pay, as the SOL_EXPIRES deadline does. Before, an Illinois patient (5 years unwritten, 735 ILCS
5/13-205; 10 years written, 13-206) was told only that 'the 5-year limit to sue ran out ... a collector may not
sue', though a signed financial-responsibility form could give the collector until 2030."""

from __future__ import annotations

from billadvocate.report.spanish_account import sol_warning
from tests.rights.test_sol_review import review_sol


def test_illinois_between_the_two_limits_the_warning_names_the_written_agreement(cli, tmp_path):
    s = review_sol(cli, tmp_path, "IL", "2026-12-04", {"first_bill_date": "2020-07-15"})
    assert (s["status"], s["expires"], s["expires_if_written_contract"]) == (
        "expired_unless_written_contract", "2025-07-15", "2030-07-15")
    said = ("If you signed a written agreement to pay for this care, the limit may instead run to 2030-07-15: "
            "if you are sued, still raise the statute of limitations.")
    assert said in s["warning"]
    assert ("Si firmó un acuerdo por escrito para pagar esta atención, el plazo podría durar hasta el 2030-07-15: si le "
            "demandan, alegue de todos modos la prescripción.") in sol_warning(s)


def test_past_both_limits_nothing_is_added(cli, tmp_path):
    s = review_sol(cli, tmp_path, "GA", "2026-12-04", {"first_bill_date": "2020-07-15"})
    assert s["status"] == "expired" and "written agreement" not in s["warning"]
