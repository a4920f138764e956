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


def test_arkansas_a_small_payment_years_after_the_care_revives_a_medical_bill(cli, tmp_path):
    # Jones v. Hempel (Ark. 1994): a $5 payment made years after the care started 16-56-106's two years again
    s = review_sol(cli, tmp_path, "AR", "2024-01-01", {"first_bill_date": "2019-05-10", "care": {"start": "2019-05-01"}},
                   pay("2023-03-06"))
    assert (s["category"], s["years"], s["status"], s["expires"]) == ("medical", 2, "running", "2025-03-06")
    assert s["revives_on_payment"] is True and s["unconfirmed"] is False
    assert any("Jones v. Hempel" in c for c in s["citations"])


def test_tennessee_a_payment_after_the_six_years_is_warned_as_reviving(cli, tmp_path):
    # Graves v. Sawyer (Tenn. 1979), overruling Hall v. Skidmore: a part payment implies a promise to pay
    s = review_sol(cli, tmp_path, "TN", "2026-06-01", {"first_bill_date": "2018-01-10"}, pay("2025-02-01"))
    assert (s["status"], s["expires"], s["revived_by"]) == ("running", "2031-02-01", ["events[0] (payment on 2025-02-01)"])
    assert s["unconfirmed"] is False and any("Graves v. Sawyer" in c for c in s["citations"])


def test_kentucky_a_payment_before_the_five_years_starts_them_again_now_quoted(cli, tmp_path):
    s = review_sol(cli, tmp_path, "KY", "2024-01-01", {"first_bill_date": "2019-01-10"}, pay("2023-06-01"))
    assert (s["years"], s["expires"], s["restarted_by"]) == (5, "2028-06-01", ["events[0] (payment on 2023-06-01)"])
    assert s["unconfirmed"] is False and any("Richardson v. Whitaker" in c for c in s["citations"])


def test_maryland_nothing_revives_a_consumer_debt_after_the_three_years_since_2016(cli, tmp_path):
    # 5-1202(b)(1): no payment or affirmation after the period revives it; before, an acknowledgment did (Stewart v. Garrett)
    s = review_sol(cli, tmp_path, "MD", "2024-01-01", {"first_bill_date": "2019-01-10"}, pay("2023-06-01"))
    assert (s["status"].startswith("expired"), s["revived_by"]) == (True, [])
    before = review_sol(cli, tmp_path, "MD", "2015-01-01", {"first_bill_date": "2010-01-10"}, pay("2014-06-01"))
    assert (before["status"], before["revived_by"]) == ("running", ["events[0] (payment on 2014-06-01)"])
    assert before["unconfirmed"] is False


def test_a_barred_debt_may_still_be_sued_on_where_the_limit_is_a_defense_to_plead(cli, tmp_path):
    # Kentucky: 'the statute of limitations must be pleaded and the failure to plead constitutes waiver'
    s = review_sol(cli, tmp_path, "KY", "2026-01-01", {"first_bill_date": "2019-01-10"})
    assert (s["status"].startswith("expired"), s["suit_allowed"], s["collection_allowed"]) == (True, True, True)
    assert s["unconfirmed"] is False


def test_an_illinois_debt_buyer_still_may_not_sue_on_a_barred_debt_after_2025(cli, tmp_path):
    # 8.6 (P.A. 97-1070) continued: P.A. 104-0149 took the Collection Agency Act off the 2026 sunset list
    buyer = {"name": "Debt Co", "kind": "debt_buyer"}
    s = review_sol(cli, tmp_path, "IL", "2027-01-01", {"first_bill_date": "2020-01-10"}, collector=buyer)
    assert (s["status"].startswith("expired"), s["suit_allowed"]) == (True, False)
    assert s["unconfirmed"] is False and "may not sue on it at all" in s["warning"]
    hospital = review_sol(cli, tmp_path, "IL", "2027-01-01", {"first_bill_date": "2020-01-10"})
    assert hospital["suit_allowed"] is True


def test_nevada_a_payment_after_the_four_years_does_not_revive_but_a_signed_promise_does(cli, tmp_path):
    # Havas v. Long (Nev. 1969): payment would not resurrect a barred contract "absent written acknowledgment" (NRS 11.390)
    s = review_sol(cli, tmp_path, "NV", "2025-01-01", {"first_bill_date": "2019-01-10"}, pay("2024-06-01"))
    assert (s["years"], s["revived_by"], s["revives_on_payment"]) == (4, [], False)
    assert s["status"].startswith("expired") and any("Havas v. Long" in c for c in s["citations"])
    w = review_sol(cli, tmp_path, "NV", "2025-01-01", {"first_bill_date": "2019-01-10"}, signed("2024-06-01"))
    assert (w["status"], w["expires"]) == ("running", "2028-06-01")
