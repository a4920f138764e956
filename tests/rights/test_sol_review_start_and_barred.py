"""Scenarios through `billadvocate review` for the start, restart, revival and barred-debt rules read in each
state's own code or cases in the second pass of issue 20 (official codes released by Public.Resource.Org)."""

from __future__ import annotations

from tests.rights.test_sol_review import pay, review_sol


def signed(day: str) -> dict:
    return {"at": day, "kind": "letter", "from": "patient", "type": "acknowledgment"}


def test_mississippi_a_payment_before_the_three_years_starts_them_again_since_2005(cli, tmp_path):
    # Miss. Code 15-1-3(2) (Laws 2005, ch. 417): "with the said period to begin after such payment"
    s = review_sol(cli, tmp_path, "MS", "2023-01-01", {"first_bill_date": "2019-01-10"}, pay("2021-06-01"))
    assert (s["years"], s["expires"], s["status"]) == (3, "2024-06-01", "running")
    assert s["restarted_by"] == ["events[0] (payment on 2021-06-01)"] and s["unconfirmed"] is False
    assert any("15-1-3(2)" in c for c in s["citations"])


def test_mississippi_a_payment_after_the_three_years_does_not_revive_the_extinguished_debt(cli, tmp_path):
    # 15-1-3(1): the bar extinguishes the right; (2) counts a payment only "the statute of limitations not having run"
    s = review_sol(cli, tmp_path, "MS", "2023-01-01", {"first_bill_date": "2019-01-10"}, pay("2022-06-01"))
    assert (s["expires"], s["revived_by"], s["revives_on_payment"]) == ("2022-01-10", [], False)
    assert s["status"].startswith("expired") and s["collection_allowed"] is False and s["suit_allowed"] is False


def test_mississippi_a_signed_promise_after_the_bar_revives(cli, tmp_path):
    # 15-1-3(1): the former obligation is consideration for a new promise; 15-1-73: it must be signed
    s = review_sol(cli, tmp_path, "MS", "2023-01-01", {"first_bill_date": "2019-01-10"}, signed("2022-06-01"))
    assert (s["status"], s["expires"]) == ("running", "2025-06-01")


def test_mississippi_before_2005_a_payment_did_not_restart_the_clock(cli, tmp_path):
    s = review_sol(cli, tmp_path, "MS", "2005-03-01", {"first_bill_date": "2002-01-10"}, pay("2003-06-01"))
    assert (s["expires"], s["restarted_by"]) == ("2005-01-10", [])
