"""What a household can raise at once keeps a month's cushion: its essential expenses, else (no
expense figures) a month of its income, never $0; with neither, it is unknown. In Spanish too."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from billadvocate.model import Household
from billadvocate.negotiate.offer import lump_sum
from billadvocate.report.spanish_account import sentence


def test_savings_less_a_month_of_expenses():
    lump, why = lump_sum(Household(size=2, liquid_assets=2000, monthly_expenses=1500, annual_income=30000))
    assert lump == Decimal(500) and "one month of essential expenses ($1,500.00)" in why


def test_without_expense_figures_a_month_of_income_is_kept_not_nothing():
    lump, why = lump_sum(Household(size=2, liquid_assets=2000, annual_income=18000))
    assert lump == Decimal(500)  # 2,000 less 18,000 / 12
    assert "one month of income ($1,500.00)" in why and "no essential expenses" in why
    lump, _ = lump_sum(Household(size=2, liquid_assets=1000, annual_income=18000))
    assert lump == Decimal(0)


def test_savings_alone_are_not_enough_to_say():
    lump, why = lump_sum(Household(size=2, liquid_assets=2000))
    assert lump is None and "essential monthly expenses" in why


def test_each_lump_sum_advice_reads_in_spanish():
    from tests.negotiate.test_offer import account, offer

    for household in (Household(size=1, liquid_assets=5000, annual_income=24000),
                      Household(size=1, liquid_assets=5000, monthly_expenses=1800, annual_income=24000),
                      Household(size=1, liquid_assets=2100, annual_income=24000),
                      Household(size=1, liquid_assets=2000), Household(size=1, lump_sum_available=900)):
        advice = offer(account(), household=household)["advice"]
        es = sentence(advice)
        assert es is not None and "You" not in es and "savings" not in es, advice


def test_a_plan_without_expense_figures_reads_in_spanish():
    from billadvocate.negotiate.plan import payment_plan
    from tests.negotiate.test_offer import account

    plan = payment_plan(account=account(), household=Household(size=1, annual_income=24000), programs=[],
                        amount=Decimal(600), state="TX", as_of=date(2026, 11, 28))
    first = plan["why"].split(". ")[0] + "."
    assert first.startswith("No expense figures") and sentence(first).startswith("Sin cifras de gastos")
