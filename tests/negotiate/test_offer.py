"""Offer scenarios: who holds the debt, how old it is, the statute of limitations, the lump sum."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from billadvocate.model import Account, Household
from billadvocate.negotiate.offer import make_offer

AS_OF = date(2026, 11, 28)


def account(collector=None, first_bill=date(2026, 9, 1), balance=2000):
    data = {"id": "a", "provider": {"name": "General Hospital", "kind": "hospital"},
            "first_bill_date": first_bill, "balance": balance}
    if collector:
        data["collector"] = collector
    return Account.model_validate(data)


def fair(amount=1000, before=None):
    return {"fair_amount": amount, "before_assistance": amount if before is None else before,
            "why": [f"fair is {amount}"]}


def offer(acct, household=None, sol=None, f=None):
    return make_offer(account=acct, household=household, fair=f or fair(), sol=sol, as_of=AS_OF)


def test_provider_offer_is_60_80_100_percent_of_fair():
    o = offer(account())
    assert (o["opening"], o["target"], o["walk_away"]) == (600, 800, 1000)
    assert o["holder"] == "provider" and "provider still holds" in o["why"]


def test_a_debt_buyer_gets_far_less_than_the_provider():
    p = offer(account())
    b = offer(account({"name": "Buyer LLC", "kind": "debt_buyer"}))
    assert (b["opening"], b["target"], b["walk_away"]) == (200, 350, 500)
    assert b["opening"] < p["opening"] and b["walk_away"] < p["walk_away"]


def test_a_debt_buyers_purchase_price_pulls_the_opening_down():
    b = offer(account({"name": "Buyer LLC", "kind": "debt_buyer", "purchase_price": 40}))
    assert b["opening"] == 80 and b["target"] == 160  # twice and four times what it paid
    assert "paid $40.00" in b["why"]


def test_old_debt_is_cut_and_fresh_debt_is_not():
    fresh = offer(account({"name": "ABC", "kind": "agency"}, first_bill=date(2026, 6, 1)))
    old = offer(account({"name": "ABC", "kind": "agency"}, first_bill=date(2021, 6, 1)))
    assert (fresh["opening"], fresh["target"]) == (400, 600)
    assert (old["opening"], old["target"], old["walk_away"]) == (280, 420, 560)  # x 0.70 past 4 years
    assert old["age_months"] == 65 and "more than 4 years old" in old["why"]


def test_expired_statute_of_limitations_offers_little_and_warns_about_restarting_the_clock():
    o = offer(account({"name": "ABC", "kind": "agency"}), sol={"expired": True})
    assert (o["opening"], o["target"], o["walk_away"]) == (100, 150, 250)
    assert o["sol_expired"] is True and any("restart" in w and "Time-barred" in w for w in o["warnings"])


def test_unknown_statute_of_limitations_still_warns():
    o = offer(account())
    assert o["sol_expired"] is None and "unknown" in o["warnings"][0]


def test_lump_sum_decides_between_settling_and_a_plan():
    rich = offer(account(), household=Household(size=1, lump_sum_available=900))
    poor = offer(account(), household=Household(size=1, liquid_assets=500, monthly_expenses=2000))
    assert rich["lump_sum"] == 900 and "offer a lump sum" in rich["advice"]
    assert poor["lump_sum"] == 0 and "payment plan instead" in poor["advice"]


def test_nothing_owed_gives_no_offer_and_one_line_why():
    f = {**fair(0, before=900), "owed": 0.0,
         "steps": [{"step": "You owe $0.00: the policy gives free care at your income", "kind": "owed"}]}
    o = offer(account(), f=f)
    assert (o["owed"], o["fair_amount"], o["opening"], o["target"], o["walk_away"]) == (0, 0, None, None, None)
    assert o["no_offer"] == "You owe $0.00: the policy gives free care at your income"
    assert "if_assistance_denied" not in o and o["terms"] == []


def test_the_terms_cover_full_settlement_reporting_resale_and_1099c():
    text = " ".join(offer(account())["terms"])
    for words in ("settles the account in full", "paid in full (or deleted)", "not sold", "1099-C"):
        assert words in text
