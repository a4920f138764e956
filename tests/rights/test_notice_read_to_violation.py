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


def test_the_review_reads_a_notice_kept_with_the_case_and_finds_what_it_lacks(tmp_path):
    from datetime import date

    from billadvocate.casefile import validate_case
    from billadvocate.review import review_case

    notice_pdf(tmp_path / "notice.pdf", ["Acme Recovery", "PO Box 9", "Austin, TX 78701", "(512) 555-0100",
                                         "Acme Recovery is a debt collector. We are trying to collect a debt "
                                         "that you owe to City Hospital.",
                                         "As of March 1, 2025, you owed:  $ 1,000.00",
                                         "Total amount of the debt now:  $ 1,000.00"])
    data = {"billadvocate": 1, "patient": {"state": "TX"},
            "accounts": [{"id": "er", "provider": {"name": "City Hospital", "kind": "hospital"},
                          "collector": {"name": "Acme Recovery", "kind": "agency",
                                        "validation_notice": {"received": "2026-10-20"}}}],
            "documents": [{"path": "notice.pdf", "kind": "notice", "account": "er"},
                          {"path": "photo.pdf", "kind": "notice", "account": "er"}]}
    (tmp_path / "photo.pdf").write_bytes(b"not a pdf")
    case_ = validate_case(data, file=str(tmp_path / "case.yaml"))
    case_._dir = tmp_path
    a = review_case(case_, date(2026, 11, 28)).accounts[0]
    (v,) = [v for v in a.violations if v.rule == "REGF.VALIDATION_INCOMPLETE"]
    assert "the account number (12 CFR 1006.34(c)(2)(iv))" in v.message
    assert any("read the validation notice notice.pdf" in n for n in a.notes)
