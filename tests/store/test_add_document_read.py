"""add_document keeps what was read from a bill: read here by default, or taken as the caller read it
(the web reads an uploaded bill in the background), in which case the file is not read again."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES

NOT_A_BILL = b"%PDF-1.4\nthis is not a readable bill\n"


def _case():
    from billadvocate.store import cases

    return cases.import_case(EXAMPLES / "er-visit-nonprofit")


def test_a_bill_is_read_when_it_is_kept_by_default(store, tmp_path):
    from billadvocate.store import cases

    row = _case()
    key = row.accounts.first().key
    bill = tmp_path / "scan.pdf"
    bill.write_bytes(NOT_A_BILL)
    doc = cases.add_document(row, bill, role="bill", account_key=key)
    assert set(doc.read) == {"problem"}  # it was read, and could not be


def test_a_read_already_done_is_kept_as_given_and_the_file_is_not_read_again(store, tmp_path):
    from billadvocate.ingest import read_bill
    from billadvocate.store import cases

    row = _case()
    key = row.accounts.first().key
    given = cases.bill_read_record(read_bill(EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv"))
    assert given["lines"] > 0
    bill = tmp_path / "scan.pdf"
    bill.write_bytes(NOT_A_BILL)  # reading it here would store a problem instead
    doc = cases.add_document(row, bill, role="bill", account_key=key, read=given)
    doc.refresh_from_db()
    assert doc.read == given
    nothing = cases.add_document(row, bill, role="bill", account_key=key, read=None)
    nothing.refresh_from_db()
    assert nothing.read is None


def test_a_read_that_is_not_a_record_is_refused(store, tmp_path):
    from billadvocate.store import cases

    row = _case()
    bill = tmp_path / "bill.csv"
    bill.write_bytes(NOT_A_BILL)
    with pytest.raises(TypeError):
        cases.add_document(row, bill, role="bill", account_key=row.accounts.first().key, read="4 lines")
