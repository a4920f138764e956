"""What `billadvocate read` finds missing on a real (made) validation notice PDF becomes
REGF.VALIDATION_INCOMPLETE when its collector block goes into the case."""

from __future__ import annotations

from billadvocate.ingest import read_any
from tests.ingest.samples import notice_pdf
from tests.rights.helpers import case, fired


def test_a_notice_without_account_number_fees_or_dispute_date_is_a_violation_in_the_review(tmp_path):
    path = notice_pdf(tmp_path / "n.pdf", ["Acme Recovery", "PO Box 9", "Austin, TX 78701", "(512) 555-0100",
                                             "Acme Recovery is a debt collector. We are trying to collect a debt "
                                             "that you owe to City Hospital.",
                                             "As of March 1, 2025, you owed:  $ 1,000.00",
                                             "Total amount of the debt now:  $ 1,000.00"])
    read = read_any(path)
    block = read.case_collector()
    assert "creditor_account" in block["validation_notice"]["not_stated"]
    block["validation_notice"]["received"] = "2026-10-20"
    (v,) = fired(case(collector={**block, "kind": "agency"}), "REGF.VALIDATION_INCOMPLETE")
    assert "Acme Recovery's validation notice" in v.message
    assert "the account number (12 CFR 1006.34(c)(2)(iv))" in v.message
    assert "the date the validation period ends" in v.message
