"""BILL.MATH: units x unit price, lines vs stated total, credits vs stated balance; cents tolerated."""

from decimal import Decimal

from .support import found, line


def math(*lines, **bill):
    return found("BILL.MATH", *lines, **bill)


def test_units_times_unit_price_matching_the_charge_passes():
    assert math(line(1, units=22, unit_price="62.00", charge="1364.00")) == []


def test_an_overcharged_line_is_high_with_the_difference_at_stake():
    (f,) = math(line(1, units=22, unit_price="62.00", charge="1464.00"))
    assert f.severity == "high" and f.amount == Decimal("100.00") and f.lines == [1]


def test_an_undercharged_line_is_low_with_nothing_at_stake():
    (f,) = math(line(1, units=2, unit_price="10.00", charge="15.00"))
    assert f.severity == "low" and f.amount == 0


def test_one_cent_is_rounding():
    assert math(line(1, units=3, unit_price="33.33", charge="100.00")) == []


def test_lines_not_adding_up_to_the_stated_total():
    (f,) = math(line(1, charge="100.00"), line(2, "80048", charge="50.00"), stated_total="250.00")
    assert f.amount == Decimal("100.00") and "$150.00" in f.message and "$250.00" in f.message


def test_a_payment_not_credited_in_the_balance():
    (f,) = math(line(1, charge="6296.00"), stated_total="6296.00", payments="1466.00", stated_balance="5296.00")
    assert f.amount == Decimal("466.00") and "credit is missing" in f.message


def test_a_balance_that_credits_payments_and_adjustments_passes():
    assert math(line(1, charge="6296.00"), stated_total="6296.00", payments="1466.00",
                adjustments="100.00", stated_balance="4730.00") == []
