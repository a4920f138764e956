"""BILL.NOT_ITEMIZED, BILL.NOT_RECEIVED, BILL.UPCODING_SUSPECT and BILL.ADDON_WITHOUT_PRIMARY."""

from decimal import Decimal

from .support import D1, D2, found, line


def test_a_bill_with_no_codes_is_not_itemized():
    (f,) = found("BILL.NOT_ITEMIZED", line(1, None, desc="PHARMACY", charge="1210.00"),
                 line(2, None, desc="LABORATORY", charge="980.00"))
    assert f.severity == "medium" and f.amount == 0 and "$2,190.00" in f.message


def test_one_code_is_enough_to_be_itemized():
    assert found("BILL.NOT_ITEMIZED", line(1, None, desc="PHARMACY"), line(2, "85025")) == []


def test_a_revenue_code_alone_counts_as_itemized():
    assert found("BILL.NOT_ITEMIZED", line(1, None, rev="0250", desc="PHARMACY")) == []


def test_a_line_marked_not_received_puts_its_charge_at_stake():
    (f,) = found("BILL.NOT_RECEIVED", line(1), line(14, "J1100", charge="90.00"), not_received=[14])
    assert f.lines == [14] and f.amount == Decimal("90.00") and f.severity == "high"


def test_no_line_marked_means_no_finding():
    assert found("BILL.NOT_RECEIVED", line(1), not_received=[]) == []


def test_a_top_level_visit_with_one_other_service_is_suspect():
    (f,) = found("BILL.UPCODING_SUSPECT", line(1, "99285", charge="2150.00"), line(2, "85025"))
    assert f.severity == "low" and 0 < f.amount < Decimal("2150.00") and "99284" in f.message


def test_a_top_level_visit_with_two_other_services_is_not():
    assert found("BILL.UPCODING_SUSPECT", line(1, "99285"), line(2, "85025"), line(3, "71046")) == []


def test_other_services_on_another_date_do_not_support_it():
    assert len(found("BILL.UPCODING_SUSPECT", line(1, "99285", d=D1), line(2, "85025", d=D2),
                     line(3, "71046", d=D2))) == 1


def test_a_lower_level_visit_is_never_suspect():
    assert found("BILL.UPCODING_SUSPECT", line(1, "99284")) == []


def test_an_add_on_code_without_its_primary_is_reported():
    (f,) = found("BILL.ADDON_WITHOUT_PRIMARY", line(1, "96375", charge="160.00"))
    assert f.amount == Decimal("160.00") and f.lines == [1]


def test_an_add_on_code_with_its_primary_on_the_same_date_passes():
    assert found("BILL.ADDON_WITHOUT_PRIMARY", line(1, "96374"), line(2, "96375")) == []


def test_the_primary_on_another_date_does_not_count():
    assert len(found("BILL.ADDON_WITHOUT_PRIMARY", line(1, "96374", d=D1), line(2, "96375", d=D2))) == 1


def test_an_undated_line_marked_not_received_reads_without_a_date():
    (f,) = found("BILL.NOT_RECEIVED", line(14, "J1100", d=None, charge="90.00"), not_received=[14])
    assert f.message == "Line 14, service J1100 (J1100) for $90.00, is marked as never received"
    (g,) = found("BILL.NOT_RECEIVED", line(14, "J1100", charge="90.00"), not_received=[14])
    assert g.message == "Line 14, service J1100 (J1100) on 2024-10-15 for $90.00, is marked as never received"
