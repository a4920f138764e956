"""A read value no real bill or EOB has is refused at the door, naming the file and line."""

from __future__ import annotations

import pytest

from billadvocate.errors import BadInput
from billadvocate.ingest import read_bill, read_eob


@pytest.mark.parametrize("row,says", [
    ("2999-01-05,99213,Office visit,1,100.00", "date 2999-01-05 is not between 1900 and 2100"),
    ("2025-01-05,99213,Office visit,1,1000000000.00", "charge 1000000000.00 is beyond any real amount"),
    ("2025-01-05,J1100,Dexamethasone,100001,10.00", "units 100001 is more than 100,000 units"),
])
def test_a_bill_line_beyond_any_real_bill_is_refused(tmp_path, row, says):
    bill = tmp_path / "bill.csv"
    bill.write_text("date,code,description,units,charge\n2025-01-05,99213,Office visit,1,100.00\n" + row + "\n")
    with pytest.raises(BadInput, match=says) as e:
        read_bill(bill)
    assert e.value.file == str(bill) and e.value.where == "line 2"


def test_a_bill_at_the_limits_reads(tmp_path):
    bill = tmp_path / "bill.csv"
    bill.write_text("date,code,description,units,charge\n2100-12-31,J1100,Dexamethasone,100000,99999999.99\n")
    assert read_bill(bill).lines[0].units == 100_000


def test_an_eob_amount_beyond_any_real_claim_is_refused(tmp_path):
    eob = tmp_path / "eob.csv"
    eob.write_text("Claim Number,Service Date,Procedure Code,Billed,Allowed,Paid,Patient Responsibility\n"
                   "C1,2025-01-05,99213,100.00,80.00,60.00,20000000000.00\n")
    with pytest.raises(BadInput, match="beyond any real amount"):
        read_eob(eob)


def test_every_number_and_date_field_of_the_read_rows_is_checked():
    """The check reads only the fields that can hold a number or a date (a 10 MB 835 has a million
    values): every such field of every row model must be among them."""
    import typing
    from datetime import date
    from decimal import Decimal

    from billadvocate.ingest import _checked_fields
    from billadvocate.ingest.eob_model import Adjustment, EobClaim, EobLine
    from billadvocate.model import Line

    def types_in(t):
        args = typing.get_args(t)
        return {t} if not args else {x for a in args for x in types_in(a)}

    for model in (Line, EobClaim, EobLine, Adjustment):
        must = {name for name, f in model.model_fields.items()
                if any(isinstance(t, type) and issubclass(t, (Decimal, date)) for t in types_in(f.annotation))}
        assert must and must <= set(_checked_fields(model)), model.__name__


@pytest.mark.parametrize("column,cell,says", [(4, "-1000000000.00", "beyond any real amount"),
                                              (1, "1899-12-31", "not between 1900")])
def test_an_eob_line_value_beyond_any_real_claim_is_refused(tmp_path, column, cell, says):
    row = ["C1", "2025-01-05", "99213", "100.00", "80.00", "60.00", "20.00"]
    row[column] = cell
    eob = tmp_path / "eob.csv"
    eob.write_text("Claim Number,Service Date,Procedure Code,Billed,Allowed,Paid,Patient Responsibility\n"
                   + ",".join(row) + "\n")
    with pytest.raises(BadInput, match=says):
        read_eob(eob)
