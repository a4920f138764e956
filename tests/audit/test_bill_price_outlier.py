"""BILL.PRICE_OUTLIER against the Medicare amount: 3x is the line, one cent over fires."""

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.audit import audit_bills
from billadvocate.model import Bill

from .support import AS_OF, found, line

D = date(2025, 6, 2)  # CF 32.3465 (CY 2025)
PRO_CO = {"setting": "professional", "state": "CO"}


def medicare(code, facts=PRO_CO, d=D):
    result = audit_bills([Bill(source="b", lines=[line(1, code, d=d, charge="1.00")])], facts=facts, as_of=AS_OF)
    return Decimal(str(result.benchmarks[1]["medicare"]))


def test_medicare_amount_is_rvus_times_gpci_times_the_conversion_factor():
    # 99213 CY2024 RVUs: work 1.3, non-facility PE 1.33, MP 0.1; Colorado GPCIs; CF 32.3465
    amount = medicare("99213")
    assert Decimal("80") < amount < Decimal("100")
    national = medicare("99213", facts={"setting": "professional"})
    assert national == Decimal(str(round((1.3 + 1.33 + 0.1) * 32.3465, 2)))


def test_the_conversion_factor_follows_the_date_of_service():
    before = medicare("99213", facts={"setting": "professional"}, d=date(2024, 2, 1))
    after = medicare("99213", facts={"setting": "professional"}, d=date(2024, 4, 1))
    assert before == Decimal(str(round(2.73 * 32.7442, 2))) and after == Decimal(str(round(2.73 * 33.2875, 2)))


def test_the_factor_changes_on_its_first_day_and_the_last_one_stays_in_force():
    from billadvocate.law import law

    factors = law().parameter("federal.cms_pfs.conversion_factor").values
    pro = {"setting": "professional"}
    assert medicare("99213", facts=pro, d=date(2024, 3, 8)) == Decimal(str(round(2.73 * 32.7442, 2)))
    assert medicare("99213", facts=pro, d=date(2024, 3, 9)) == Decimal(str(round(2.73 * 33.2875, 2)))
    far = date(factors[-1].start.year + 9, 6, 1)  # past the day table: the last factor still applies
    assert medicare("99213", facts=pro, d=far) == Decimal(str(round(2.73 * float(factors[-1].value), 2)))


@pytest.mark.parametrize("over,fires", [(Decimal("0.00"), False), (Decimal("0.01"), True)])
def test_three_times_medicare_is_the_line(over, fires):
    limit = medicare("99213") * 3 + over
    fs = found("BILL.PRICE_OUTLIER", line(1, "99213", d=D, charge=str(limit)), facts=PRO_CO)
    assert bool(fs) is fires
    if fires:
        assert fs[0].amount == limit - medicare("99213")
        assert "the Medicare Physician Fee Schedule amount (COLORADO)" in fs[0].message


def test_a_facility_em_visit_is_compared_with_its_opps_payment_not_the_physician_fee_schedule():
    fs = found("BILL.PRICE_OUTLIER", line(1, "99285", d=D, charge="9000.00"), facts={"setting": "outpatient"})
    assert len(fs) == 1 and "outpatient hospital payment for APC 5025" in fs[0].message


def test_a_facility_imaging_charge_is_compared_with_its_apc():
    fs = found("BILL.PRICE_OUTLIER", line(1, "72148", d=D, charge="2480.00"), facts={"setting": "outpatient"})
    assert len(fs) == 1 and fs[0].severity == "medium" and "APC 5523" in fs[0].message


def test_lines_without_codes_are_not_judged():
    assert found("BILL.PRICE_OUTLIER", line(1, None, d=D, charge="99999.00"), facts=PRO_CO) == []


def test_several_units_say_the_medicare_amount_is_for_all_of_them():
    # J0696 is priced per 250 mg: four units are compared with four times that, and the message says so
    one = medicare("J0696", {"setting": "outpatient"})
    (f,) = found("BILL.PRICE_OUTLIER", line(1, "J0696", d=D, charge="150.00", units=4), facts={"setting": "outpatient"})
    import re

    # the line's amount is the unrounded per-unit limit times 4, rounded once (one unit shows rounded)
    four = Decimal(re.search(r"per 250 mg \(\$([\d.]+) for 4 units\)$", f.message).group(1))
    assert abs(four - one * 4) <= Decimal("0.02") and four > 0
    assert f"{float(Decimal('150') / four):.1f}x" in f.message
    (g,) = found("BILL.PRICE_OUTLIER", line(1, "J0696", d=D, charge="150.00"), facts={"setting": "outpatient"})
    assert g.message.endswith(f"per 250 mg (${one})") and "units" not in g.message
