"""Each line type priced with its own Medicare yardstick, the value computed here from the shipped rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import duckdb
import pytest

from billadvocate.reference.store import SHIPPED_DIR

from .support import audit, found, line

D = date(2025, 3, 2)  # inside the shipped January 2025 releases


def shipped(table: str, where: str, column: str):
    (file,) = SHIPPED_DIR.glob(f"{table}-2025-01-01.parquet")
    ((value,),) = duckdb.sql(f"SELECT {column} FROM read_parquet('{file}') WHERE {where}").fetchall()
    return value


def money(x) -> Decimal:
    return Decimal(str(round(float(x), 2)))


def bench(*lines, facts):
    result = audit(*lines, facts=facts)
    return result, result.benchmarks


def test_hospital_outpatient_visit_is_priced_at_its_opps_apc_rate():
    rate, apc = (shipped("opps", "hcpcs = '99284'", c) for c in ("payment_rate", "apc"))
    result, b = bench(line(1, "99284", d=D, charge="1320.00", rev="0450"), facts={})
    assert b[1]["medicare"] == float(money(rate)) and apc == "5024"
    (f,) = [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    ratio = round(1320 / rate, 1)
    assert f"{ratio}x the Medicare outpatient hospital payment for APC 5024" in f.message
    assert f.amount == Decimal("1320.00") - money(rate)


def test_a_packaged_outpatient_code_is_not_priced_alone_and_the_result_says_so():
    assert shipped("opps", "hcpcs = 'G0378'", "status_indicator") == "N"
    result, b = bench(line(1, "G0378", d=D, units=22, charge="1364.00", rev="0762"), facts={})
    assert b[1]["medicare"] is None and b[1]["basis"] == "charge" and "packaged" in b[1]["no_yardstick"]
    assert not [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert any("line 1 (packaged" in n for n in result.notes)


def test_an_outpatient_code_opps_pays_under_another_schedule_takes_that_schedule():
    assert shipped("opps", "hcpcs = '97110'", "status_indicator") == "A"
    _, b = bench(line(1, "97110", d=D, charge="300.00"), facts={"setting": "outpatient"})
    assert "Physician Fee Schedule" in b[1]["yardstick"]


def test_a_lab_test_is_priced_at_the_clfs_national_limit_times_units():
    rate = shipped("clfs", "hcpcs = '85025' AND modifier IS NULL", "rate")
    result, b = bench(line(1, "85025", d=D, units=2, charge="180.00", rev="0300"), facts={})
    assert b[1]["medicare"] == float(money(rate * 2))
    (f,) = [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert "Clinical Laboratory Fee Schedule national limit" in f.message


def test_a_drug_is_priced_at_the_asp_limit_per_billing_unit():
    limit, dosage = (shipped("asp", "hcpcs = 'J1100'", c) for c in ("payment_limit", "dosage"))
    result, b = bench(line(1, "J1100", d=D, units=10, charge="90.00"), facts={"setting": "professional"})
    assert b[1]["medicare"] == float(money(limit * 10)) and dosage == "1 MG"
    (f,) = [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]
    assert "drug payment limit (ASP) per 1 mg" in f.message


@pytest.mark.parametrize("mods, modifier", [(["NU"], "NU"), (["RR"], "RR")])
def test_equipment_is_priced_at_the_dmepos_fee_of_the_patients_state_and_modifier(mods, modifier):
    nr, r = (shipped("dmepos", f"hcpcs = 'E0114' AND state = 'CO' AND modifier = '{modifier}'", c)
             for c in ("fee_nonrural", "fee_rural"))
    _, b = bench(line(1, "E0114", d=D, mods=mods, charge="400.00"), facts={"setting": "professional", "state": "CO"})
    assert b[1]["medicare"] == float(money(max(nr, r or 0))) and b[1]["yardstick"].endswith("fee schedule for CO")


def test_equipment_without_a_modifier_takes_the_highest_fee_and_without_a_state_has_none():
    top = shipped("dmepos", "hcpcs = 'E0114' AND state = 'CO'", "max(greatest(fee_nonrural, coalesce(fee_rural, 0)))")
    _, b = bench(line(1, "E0114", d=D, charge="400.00"), facts={"setting": "professional", "state": "CO"})
    assert b[1]["medicare"] == float(money(top))
    _, b = bench(line(1, "E0114", d=D, charge="400.00"), facts={"setting": "professional"})
    assert b[1]["medicare"] is None and b[1]["no_yardstick"]


def test_inpatient_lines_have_no_line_yardstick():
    result, b = bench(line(1, None, d=D, desc="ROOM AND BOARD SEMI", rev="0120", charge="3000.00"),
                      line(2, "85025", d=D, rev="0300", charge="200.00"), facts={})
    assert b[2]["medicare"] is None and "per stay" in b[2]["no_yardstick"]
    assert not [f for f in result.findings if f.rule == "BILL.PRICE_OUTLIER"]


def test_a_bill_of_undecided_setting_is_priced_at_the_larger_of_opps_and_pfs():
    rate = shipped("opps", "hcpcs = '99284'", "payment_rate")
    _, b = bench(line(1, "99284", d=D, charge="2000.00"), facts={"provider_name": "Valley General Hospital"})
    assert b[1]["medicare"] == float(money(rate)) and "APC 5024" in b[1]["yardstick"]


def test_the_fair_price_estimate_uses_the_same_yardsticks():
    rate = shipped("clfs", "hcpcs = '80053' AND modifier IS NULL", "rate")
    result, b = bench(line(1, "80053", d=D, charge="310.00", rev="0301"), facts={})
    assert b[1]["basis"] == "medicare" and result.benchmark_total == money(rate)


def test_the_professional_line_keeps_the_physician_fee_schedule():
    fs = found("BILL.PRICE_OUTLIER", line(1, "99213", d=D, charge="900.00"), facts={"setting": "professional"})
    assert len(fs) == 1 and "Physician Fee Schedule amount (national)" in fs[0].message


def test_the_limiting_charge_is_figured_on_physician_fee_schedule_lines_only():
    facts = {"setting": "professional", "insurance_status": "medicare", "medicare_participating": False,
             "provider_kind": "physician"}
    result = audit(line(1, "99213", d=D, charge="900.00"), line(2, "85025", d=D, charge="90.00"), facts=facts)
    limited = [f for f in result.findings if f.rule == "MEDICARE.LIMITING_CHARGE"]
    assert [f.lines for f in limited] == [[1]]  # the lab line has a CLFS amount, not a fee-schedule one


def test_a_line_without_a_date_is_priced_by_the_schedules_of_the_as_of_date_and_says_so():
    # a printed bill with no dates of service (the Sentara statement): priced, not left unjudged
    from billadvocate.audit import audit_bills
    from billadvocate.model import Bill
    from tests.audit.support import AS_OF, line

    bill = Bill(source="b.csv", lines=[line(1, "70450", d=None, charge="1691.00", rev="0351")])
    result = audit_bills([bill], facts={"setting": "outpatient"}, as_of=AS_OF)
    dated = audit_bills([Bill(source="b.csv", lines=[line(1, "70450", d=AS_OF, charge="1691.00", rev="0351")])],
                        facts={"setting": "outpatient"}, as_of=AS_OF)
    assert result.benchmarks[1]["medicare"] == dated.benchmarks[1]["medicare"] > 0
    assert any(n.startswith("Line 1 has no date of service on the bill") and AS_OF.isoformat() in n
               for n in result.notes)
    assert not any("no date of service" in n for n in dated.notes)
    assert [f.rule for f in result.findings] == [f.rule for f in dated.findings] == ["BILL.PRICE_OUTLIER"]


def test_a_professional_line_is_not_given_a_hospital_outpatient_reason_for_having_no_yardstick():
    # the real 837P home-infusion claim (linuxforhealth demo.drug.example10.3): J3490 saline and heparin
    # lock from Professional Home IV, LLC; OPPS packages J3490 (status N) into a hospital's service, but
    # this is no hospital claim: 'packaged: Medicare pays for it only within the hospital service it goes
    # with' told the patient something false about a supplier's line
    assert shipped("opps", "hcpcs = 'J3490'", "status_indicator") == "N"
    result, b = bench(line(1, "J3490", d=D, units=7, charge="67.69", desc="Sod Chl 0.9%see NDC#"),
                      facts={"setting": "professional"})
    assert b[1]["medicare"] is None
    assert b[1]["no_yardstick"] == "no Medicare price for this code in the loaded fee schedules"
    assert not any("hospital" in n for n in result.notes)
