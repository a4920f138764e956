"""The audit summary: each dollar in dispute counted once, and the fair-price estimate."""

from datetime import date
from decimal import Decimal

from .support import audit, line

OUT = {"setting": "outpatient"}


def test_a_line_both_duplicate_and_bundled_counts_its_dollars_once():
    # lines 2 and 3: 80048 twice (duplicate) and each bundled into 80053 (NCCI indicator 0)
    # (charges under 3x their lab fee schedule limits, so no price finding adds to the stakes)
    result = audit(line(1, "80053", charge="30.00"), line(2, "80048", charge="18.00"),
                   line(3, "80048", charge="18.00"), facts=OUT)
    rules = sorted(f.rule for f in result.findings)
    assert rules.count("BILL.DUPLICATE") == 1 and rules.count("BILL.NCCI_PTP") == 2
    assert "BILL.PRICE_OUTLIER" not in rules
    assert result.in_dispute == Decimal("36.00")  # 18 + 18, not 18 + 18 + 18
    assert result.total_charges == Decimal("66.00")


def test_in_dispute_never_exceeds_the_charges():
    result = audit(line(1, charge="100.00"), not_received=[1], facts={"insurance_status": "insured"})
    assert result.in_dispute == Decimal("100.00")


def test_info_findings_put_nothing_in_dispute():
    # a nonprofit hospital's bill over its AGB, the patient's income unknown: IRS501R says so at info
    result = audit(line(1, "85025", charge="20.00"), facts={
        "nonprofit": True, "provider_kind": "hospital", "fap_agb_percent": 38, "fap_discount_fpl": 400})
    assert any(f.severity == "info" for f in result.findings) and result.in_dispute == 0


def test_fair_price_uses_medicare_zero_for_disputed_lines_and_the_charge_when_unknown():
    d = date(2025, 6, 2)
    result = audit(line(1, "99213", d=d, charge="400.00"), line(2, "99213", d=d, charge="400.00"),
                   line(3, "J3490", d=d, charge="90.00"), facts={"setting": "professional"})
    b = result.benchmarks
    assert b[1]["basis"] == "medicare" and Decimal(str(b[1]["fair"])) == Decimal(str(b[1]["medicare"]))
    assert b[2]["basis"] == "disputed" and b[2]["fair"] == 0  # the duplicate copy
    assert b[3]["basis"] == "charge" and b[3]["fair"] == 90.0  # an unclassified drug: no Medicare price
    assert b[3]["no_yardstick"] and any("line 3" in n and "not judged" in n for n in result.notes)
    assert result.benchmark_total == Decimal(str(b[1]["fair"])) + Decimal("90.00")


def test_findings_are_sorted_by_severity_then_line():
    result = audit(line(1, "80053"), line(2, "80048"), line(3, "82565"), line(4, "85025"), line(5, "85025"),
                   facts=OUT)
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    keys = [(order[f.severity], f.lines[:1]) for f in result.findings]
    assert keys == sorted(keys)
