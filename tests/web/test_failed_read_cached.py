"""A bill that could not be read when it was kept is never read again by a page view: the problem
stored with the document is shown instead (an OCR costs seconds and hundreds of MB per view)."""

from __future__ import annotations

import shutil

from tests.conftest import EXAMPLES

GOOD_BILL = EXAMPLES / "er-visit-nonprofit" / "bills" / "er-itemized.csv"


def test_a_failed_read_is_kept_with_the_document_and_never_redone(world, client_as, tmp_path):
    from billadvocate.store import cases as store
    from billadvocate.web import casework

    case_row = world.case_a
    bad = tmp_path / "scan.csv"
    bad.write_text("this is not a bill\nat all\n")
    doc = store.add_document(case_row, bad, role="bill", user=world.advocate_a)
    assert doc.read and doc.read.get("problem")  # the failure is stored with the document
    casework.touch(case_row)

    first = casework.review(case_row)
    assert {"path": doc.path, "problem": doc.read["problem"]} in first.accounts[0].unreadable

    # Put a readable bill where the engines would read the document: a page view that read it
    # again would now find its lines; one that trusts the stored failure still lists the problem.
    laid_out = casework.work_dir(case_row) / doc.path
    shutil.copyfile(GOOD_BILL, laid_out)
    casework.clear_cache()
    again = casework.review(case_row)
    assert {"path": doc.path, "problem": doc.read["problem"]} in again.accounts[0].unreadable
    assert len(again.accounts[0].bills) == len(first.accounts[0].bills)  # the laid-out file was not read

    page = client_as(world.advocate_a).get(f"/cases/{case_row.pk}/")
    assert page.status_code == 200
