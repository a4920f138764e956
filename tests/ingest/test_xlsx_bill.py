"""Itemized bills as Excel workbooks: title rows above the header, Excel dates and numbers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill


def _workbook(path, rows):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_header_below_title_rows_and_excel_types(tmp_path):
    path = _workbook(tmp_path / "bill.xlsx", [
        ["Valley General Hospital"], ["Itemized statement"], [],
        ["Svc Date", "CPT/HCPCS", "Description", "Qty", "Amount"],
        [datetime(2025, 3, 2), "85025", "CBC", 1, 45.0],
        [datetime(2025, 3, 2), 99285, "ER visit", 1, 2150],
        [None, None, "TOTAL CHARGES", None, 2195],
    ])
    bill = read_bill(path)
    assert bill.format == "xlsx" and len(bill.lines) == 2
    assert (bill.lines[0].date, bill.lines[0].charge) == (date(2025, 3, 2), Decimal("45.0"))
    assert bill.lines[1].code == "99285" and bill.stated_total == Decimal("2195")


def test_a_workbook_without_a_header_says_so(tmp_path):
    path = _workbook(tmp_path / "bill.xlsx", [["hello", "world"], [1, 2]])
    with pytest.raises(BadInput, match="no charge column"):
        read_bill(path)


def test_a_broken_workbook_is_one_line(tmp_path):
    path = tmp_path / "bill.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(BadInput, match="Excel"):
        read_bill(path)
