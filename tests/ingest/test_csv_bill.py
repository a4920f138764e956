"""The itemized-bill CSV reader: header variants, money and dates as people write them, row errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill
from billadvocate.ingest.csv_bill import read_csv_text
from billadvocate.ingest.values import parse_date, parse_money
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("text,value", [
    ("$1,850.00", Decimal("1850.00")), ("1850", Decimal("1850")), (" 45.5 ", Decimal("45.5")),
    ("($25.00)", Decimal("-25.00")), ("25.00-", Decimal("-25.00")), ("-$25", Decimal("-25")),
    ("", None), ("USD 10.00", Decimal("10.00")),
])
def test_money(text, value):
    assert parse_money(text) == value


@pytest.mark.parametrize("text", ["12,x", "$", "1.2.3", "abc"])
def test_money_rejects(text):
    with pytest.raises(ValueError):
        parse_money(text)


@pytest.mark.parametrize("text", ["03/02/2025", "2025-03-02", "3/2/25", "20250302", "Mar 02, 2025"])
def test_dates(text):
    assert parse_date(text) == date(2025, 3, 2)


def test_impossible_date_is_refused():
    with pytest.raises(ValueError, match="not a date"):
        parse_date("02/30/2025")


def test_header_variants_map_to_canonical_names():
    text = ("Svc Date,CPT/HCPCS,Description,Qty,Amount,Mod\n"
            "03/02/2025,85025,CBC,1,\"$1,850.00\",25 59\n")
    bill = read_csv_text(text, file="b.csv")
    (ln,) = bill.lines
    assert (ln.line, ln.date, ln.code, ln.units, ln.charge, ln.modifiers) == (
        1, date(2025, 3, 2), "85025", Decimal(1), Decimal("1850.00"), ["25", "59"])


def test_code_with_attached_modifier_is_split():
    bill = read_csv_text("date,code,description,charge\n2025-03-02,99285-25,ER,10\n", file="b.csv")
    assert bill.lines[0].code == "99285" and bill.lines[0].modifiers == ["25"]


def test_totals_and_payments_are_kept_not_charged():
    path = EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv"
    bill = read_bill(path)
    assert len(bill.lines) == 15
    assert bill.total_charges == Decimal("6296.00")
    assert bill.stated_total == Decimal("6296.00")
    assert bill.payments == Decimal("1466.00")
    assert bill.stated_balance == Decimal("4830.00")
    assert bill.lines[10].units == 22 and bill.lines[10].unit_price == Decimal("62.00")


def test_semicolon_separated_file():
    bill = read_csv_text("date;code;description;charge\n2025-03-02;85025;CBC;45,00\n".replace("45,00", "45.00"),
                         file="b.csv")
    assert bill.lines[0].charge == Decimal("45.00")


@pytest.mark.parametrize("text,where,words", [
    ("date,code,charge\n2025-03-02,85025,abc\n", "row 2, column charge", "not an amount"),
    ("date,code,charge\n2025-02-30,85025,10\n", "row 2, column date", "not a date"),
    ("date,code,units,charge\n2025-03-02,85025,x,10\n", "row 2, column units", "not a number"),
    ("date,code,charge\n2025-03-02,85025,\n", "row 2, column charge", "blank"),
    ("date,code,price\n2025-03-02,85025,10\n", "line 1", "no charge column"),
    ("date,units,charge\n2025-03-02,1,10\n", "line 1", "no code or description"),
])
def test_bad_rows_name_the_row_and_column(text, where, words):
    with pytest.raises(BadInput) as e:
        read_csv_text(text, file="b.csv")
    assert e.value.line().startswith(f"b.csv: {where}")
    assert words in e.value.line()


def test_empty_file(tmp_path):
    p = tmp_path / "b.csv"
    p.write_text("")
    with pytest.raises(BadInput, match="empty"):
        read_bill(p)


def test_repeated_line_numbers_are_refused():
    with pytest.raises(BadInput, match="appears twice"):
        read_csv_text("line,code,charge\n1,85025,10\n1,85025,10\n", file="b.csv")


@pytest.mark.parametrize("total_row", [
    ',03/05/2025,0001,,TOTAL CHARGES,,,"$6,296.00",',  # a UB-04's line 23: revenue code 0001, dated
    ',,0001,,,,,"$6,296.00",',  # the code and the amount alone
])
def test_a_revenue_code_0001_row_is_the_bills_stated_total_not_a_charge(total_row):
    # the example's itemized bill with its total row as a UB-04 prints it (NUBC revenue code 0001,
    # 'Total charge'); read as a line it doubled the charges ($12,592.00) and became a charge in dispute
    lines = (EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv").read_text().splitlines()
    text = "\n".join(total_row if ln.startswith(",,,,TOTAL CHARGES") else ln for ln in lines) + "\n"
    bill = read_csv_text(text, file="ub04.csv")
    assert len(bill.lines) == 15 and "0001" not in [ln.revenue_code for ln in bill.lines]
    assert bill.total_charges == bill.stated_total == Decimal("6296.00")


@pytest.mark.parametrize("row,kind", [
    ("INS PYMT", "payments"), ("BCBS REMIT", "payments"), ("INSURANCE RECEIPT", "payments"),
    ("AETNA CREDIT", "adjustments"), ("CHARITY CARE", "adjustments"), ("FINANCIAL ASSISTANCE", "adjustments"),
    ("SELF PAY TRANSFER", None), ("REFUND", None), ("ESTIMATED INSURANCE", None),
])
def test_a_payer_or_credit_row_in_the_example_export_is_never_a_charge(row, kind):
    # the example hospital export with a payer or credit row added, as text_table reads them on a printed bill
    text = (EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv").read_text()
    head = text.splitlines()[0].split(",")
    added = ["" for _ in head]
    added[head.index("Description")], added[head.index("Amount")] = row, "250.00"
    bill = read_csv_text(text.rstrip("\n") + "\n" + ",".join(added) + "\n", file="bill.csv")
    assert len(bill.lines) == 15 and bill.total_charges == Decimal("6296.00")
    assert (bill.payments, bill.adjustments) == {"payments": (Decimal("1716.00"), None),
                                                 "adjustments": (Decimal("1466.00"), Decimal("250.00")),
                                                 None: (Decimal("1466.00"), None)}[kind]
    assert any(f"{row!r}" in n and "not a charge" in n for n in bill.notes) == (kind is None)
