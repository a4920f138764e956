"""Scenarios through `billadvocate review` for the states whose restart and revival rules and limitation
periods were read in their own statutes or cases (issue 20): what a payment or a signed writing does before
and after the limit, and the periods quoted for Alabama, Idaho, Ohio before 2021 and Virginia's 2024
medical-debt period."""

from __future__ import annotations

from tests.rights.test_sol_review import pay, review_sol


def signed(day: str) -> dict:
    return {"at": day, "kind": "letter", "from": "patient", "type": "acknowledgment"}


def test_alaska_a_past_due_payment_after_the_three_years_starts_the_time_again(cli, tmp_path):
    # AS 09.10.210: the time runs from the last payment (Madden, 2002: a payment revived barred installments)
    s = review_sol(cli, tmp_path, "AK", "2024-01-01", {"first_bill_date": "2019-01-10"}, pay("2023-03-01"),
                   via_cli=True)
    assert (s["years"], s["starts"], s["expires"], s["status"]) == (3, "2023-03-01", "2026-03-01", "running")
    assert s["revived_by"] == ["events[0] (payment on 2023-03-01)"]
    assert any("09.10.210" in c for c in s["citations"])


def test_alaska_without_the_payment_the_debt_stays_time_barred(cli, tmp_path):
    s = review_sol(cli, tmp_path, "AK", "2024-01-01", {"first_bill_date": "2019-01-10"})
    assert (s["expires"], s["status"], s["revived_by"]) == ("2022-01-10", "expired", [])


def test_vermont_a_signed_promise_after_the_six_years_revives(cli, tmp_path):
    # 12 V.S.A. 591 and its annotation: a written new promise revives before or after the period has run
    s = review_sol(cli, tmp_path, "VT", "2027-01-01", {"first_bill_date": "2019-01-10"}, signed("2026-02-01"))
    assert (s["status"], s["starts"], s["expires"]) == ("running", "2026-02-01", "2032-02-01")
    assert s["revived_by"] == ["events[0] (written acknowledgment on 2026-02-01)"] and s["unconfirmed"] is False
    assert any("12 V.S.A. 591, 592" in c for c in s["citations"])


def test_wyoming_a_payment_before_the_eight_years_starts_them_again(cli, tmp_path):
    # Wyo. Stat. 1-3-119: the time runs from the date of the payment
    s = review_sol(cli, tmp_path, "WY", "2028-01-01", {"first_bill_date": "2019-01-10"}, pay("2026-02-01"))
    assert (s["years"], s["expires"], s["restarted_by"]) == (8, "2034-02-01", ["events[0] (payment on 2026-02-01)"])
    assert s["unconfirmed"] is False and "Wyo. Stat. 1-3-119" in s["citations"]


def test_north_dakota_a_payment_after_the_six_years_is_warned_as_reviving(cli, tmp_path):
    s = review_sol(cli, tmp_path, "ND", "2026-01-01", {"first_bill_date": "2018-01-10"}, pay("2025-02-01"))
    assert (s["status"], s["expires"], s["revived_by"]) == ("running", "2031-02-01", ["events[0] (payment on 2025-02-01)"])
    assert "N.D. Cent. Code 28-01-36" in s["citations"] and s["unconfirmed"] is False


def test_alabama_three_years_on_an_open_account_and_a_late_payment_does_not_revive(cli, tmp_path):
    # 6-2-37(1) three years; 6-2-16: a payment counts only before the bar is complete
    s = review_sol(cli, tmp_path, "AL", "2023-01-01", {"first_bill_date": "2019-01-10"}, pay("2022-06-01"))
    assert (s["years"], s["expires"], s["status"]) == (3, "2022-01-10", "expired_unless_written_contract")
    assert s["revived_by"] == [] and s["revives_on_payment"] is False and s["revives_on_writing"] is True
    assert any("6-2-34(4)" in c for c in s["citations"])


def test_alabama_the_day_before_and_after_the_three_years(cli, tmp_path):
    acct = {"first_bill_date": "2019-01-10"}
    assert review_sol(cli, tmp_path, "AL", "2022-01-10", acct)["status"] == "running"
    assert review_sol(cli, tmp_path, "AL", "2022-01-11", acct)["status"] == "expired_unless_written_contract"


def test_idaho_four_years_and_a_payment_counts_as_a_signed_promise(cli, tmp_path):
    # Idaho Code 5-217 (four years, unwritten) and 5-238 (a payment is equivalent to a new promise in writing)
    s = review_sol(cli, tmp_path, "ID", "2024-01-01", {"first_bill_date": "2019-01-10"}, pay("2023-06-01"))
    assert (s["years"], s["expires"], s["revived_by"]) == (4, "2027-06-01", ["events[0] (payment on 2023-06-01)"])
    assert "Idaho Code 5-217" in s["citations"] and "Idaho Code 5-238" in s["citations"]


def test_ohio_before_2021_an_open_account_had_six_years_now_quoted(cli, tmp_path):
    s = review_sol(cli, tmp_path, "OH", "2020-01-01", {"first_bill_date": "2015-03-01"})
    assert (s["category"], s["years"], s["expires"], s["unconfirmed"]) == ("open_account", 6, "2021-03-01", False)
    assert "Ohio Rev. Code 2305.07 (before S.B. 13, 2021)" in s["citations"]


def test_virginia_medical_debt_has_three_years_from_july_2024_and_a_payment_does_not_restart(cli, tmp_path):
    s = review_sol(cli, tmp_path, "VA", "2026-01-01", {"first_bill_date": "2024-08-01"}, pay("2025-03-01"))
    assert (s["category"], s["years"], s["expires"], s["restarted_by"]) == ("medical", 3, "2027-08-01", [])
    assert "A payment alone does not restart it" in s["warning"]
    assert not any(u["value"].startswith("medical") for u in s["unconfirmed_values"])  # the three years are quoted


def test_massachusetts_a_payment_after_the_six_years_revives(cli, tmp_path):
    # Sutherland v. MacLeod (1942): payment on account revived a debt already barred
    s = review_sol(cli, tmp_path, "MA", "2027-01-01", {"first_bill_date": "2019-01-10"}, pay("2026-02-01"))
    assert (s["status"], s["expires"]) == ("running", "2032-02-01")
    assert any("Sutherland v. MacLeod" in c for c in s["citations"])


def test_florida_a_payment_before_the_limit_restarts_it_but_not_after(cli, tmp_path):
    # 95.051(1)(f) tolls on a payment (on a written instrument); 95.04: after the bar only a signed writing
    before = review_sol(cli, tmp_path, "FL", "2024-01-01", {"first_bill_date": "2019-01-10"}, pay("2022-06-01"))
    assert (before["expires"], before["restarted_by"]) == ("2026-06-01", ["events[0] (payment on 2022-06-01)"])
    assert "Fla. Stat. 95.051(1)(f), 95.04" in before["citations"]
    after = review_sol(cli, tmp_path, "FL", "2024-01-01", {"first_bill_date": "2019-01-10"}, pay("2023-06-01"))
    assert (after["status"], after["revived_by"]) == ("expired_unless_written_contract", [])


def test_arizona_keeps_the_broad_rule_for_a_payment_and_quotes_the_writing_rule(cli, tmp_path):
    # 12-508's predecessor (Moore v. Diamond Dry Goods, 1936) speaks of signed writings; a payment is left open
    # (null) and still counts as reviving, the safe reading for warnings
    s = review_sol(cli, tmp_path, "AZ", "2024-01-01", {"first_bill_date": "2019-01-10"}, pay("2023-06-01"))
    assert s["revived_by"] == ["events[0] (payment on 2023-06-01)"] and s["unconfirmed"] is False
    assert any("12-508" in c for c in s["citations"])


def test_arizona_a_signed_writing_after_the_three_years_revives(cli, tmp_path):
    s = review_sol(cli, tmp_path, "AZ", "2024-01-01", {"first_bill_date": "2019-01-10"},
                   {"at": "2023-06-01", "kind": "letter", "from": "patient", "type": "acknowledgment"})
    assert (s["status"], s["expires"], s["revived_by"]) == ("running", "2026-06-01",
                                                            ["events[0] (written acknowledgment on 2023-06-01)"])


def test_virginia_a_payment_after_the_limit_does_not_revive_but_a_signed_promise_does_and_both_are_read(cli, tmp_path):
    # Magarity v. Shipman, 93 Va. 64 (1896): only a writing signed by the party takes an account out of the statute;
    # Virginia's statute has no part-payment clause. The rule is now read (no longer unconfirmed).
    acct = {"first_bill_date": "2019-01-10"}
    paid = review_sol(cli, tmp_path, "VA", "2024-01-01", acct, pay("2023-03-01"))
    assert (paid["years"], paid["expires"], paid["time_barred"], paid["revived_by"]) == (3, "2022-01-10", True, [])
    assert not any(u["value"].startswith(("restart", "revival")) for u in paid["unconfirmed_values"])
    assert any("Magarity v. Shipman" in c for c in paid["citations"])
    wrote = review_sol(cli, tmp_path, "VA", "2024-01-01", acct, signed("2023-03-01"))
    assert (wrote["status"], wrote["starts"], wrote["expires"]) == ("running", "2023-03-01", "2026-03-01")
    assert wrote["revived_by"] == ["events[0] (written acknowledgment on 2023-03-01)"]


def test_minnesota_after_2013_an_unread_no_revival_rule_still_warns_that_a_payment_may_revive(cli, tmp_path):
    # The 2013 consumer-debt rule (Minn. Stat. 541.053) was not read in its own words: the unconfirmed row takes the
    # broader reading for warnings, so a payment after the six years is not said to have done nothing.
    s = review_sol(cli, tmp_path, "MN", "2027-01-01", {"first_bill_date": "2019-01-10"}, pay("2026-02-01"))
    assert (s["status"], s["starts"], s["revived_by"]) == ("running", "2026-02-01", ["events[0] (payment on 2026-02-01)"])
    assert s["unconfirmed"] is True and any(u["value"].startswith("revival") for u in s["unconfirmed_values"])
