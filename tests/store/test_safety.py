"""Writes are all or nothing: a failed import leaves no row and no new document file behind;
documents are kept by content hash and never overwritten; the audit trail is append-only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from billadvocate.errors import BadInput
from tests.conftest import EXAMPLES

HERE = Path(__file__).parent
FULL = HERE / "fixtures" / "full"


def counts():
    from billadvocate.store import models as m

    return {model.__name__: model.objects.count() for model in
            (m.Case, m.Person, m.Household, m.Account, m.Document, m.Event, m.Tradeline, m.AuditEntry)}


def stored_files(home: Path) -> set[str]:
    root = home / "documents"
    return {p.name for p in root.rglob("*") if p.is_file() and ".journal" not in p.parts} if root.exists() else set()


def test_an_import_that_fails_half_way_leaves_nothing_behind(store, tmp_path):
    from billadvocate.store import cases

    before, files_before = counts(), stored_files(store.home)
    case_dir = tmp_path / "case"
    shutil.copytree(FULL, case_dir)
    # A sub-cent amount is refused while the rows are being written, after the documents are kept.
    text = (case_dir / "case.yaml").read_text().replace("amount: 25.50", "amount: 25.505")
    (case_dir / "case.yaml").write_text(text)
    with pytest.raises(BadInput, match="more than two decimals"):
        cases.import_case(case_dir)
    assert counts() == before
    assert stored_files(store.home) == files_before


def test_a_missing_document_refuses_the_import_before_anything_is_written(store, tmp_path):
    from billadvocate.store import cases

    case_dir = tmp_path / "case"
    shutil.copytree(FULL, case_dir)
    (case_dir / "notices" / "envelope.png").unlink()
    before = counts()
    with pytest.raises(BadInput, match="documents\\[1\\].path"):
        cases.import_case(case_dir)
    assert counts() == before


def test_documents_are_kept_once_by_content_and_never_overwritten(store):
    from billadvocate.store import blobs, cases

    a = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    b = cases.import_case(EXAMPLES / "er-visit-nonprofit")
    (sha,) = {d.sha256 for d in a.documents.all()} | {d.sha256 for d in b.documents.all()}
    kept = blobs.path_of(sha)
    assert blobs.verify(sha) and not os.access(kept, os.W_OK) or os.geteuid() == 0
    inode = kept.stat().st_ino
    again = blobs.put_bytes(kept.read_bytes())
    assert not again.created and kept.stat().st_ino == inode


def test_the_audit_trail_refuses_changes_in_the_database_itself(store):
    from django.db import DatabaseError, transaction

    from billadvocate.store import cases
    from billadvocate.store.models import AuditEntry

    cases.import_case(EXAMPLES / "uninsured-outpatient")
    n = AuditEntry.objects.count()
    assert n > 5
    for change in (lambda: AuditEntry.objects.update(actor="someone else"),
                   lambda: AuditEntry.objects.all().delete()):
        with pytest.raises(DatabaseError, match="append-only"):
            with transaction.atomic():
                change()
    assert AuditEntry.objects.count() == n and not AuditEntry.objects.filter(actor="someone else").exists()


def test_the_audit_trail_says_who_changed_what_before_and_after(store):
    from billadvocate.store import audit, cases
    from billadvocate.store.models import AuditEntry

    row = cases.import_case(EXAMPLES / "uninsured-outpatient")
    account = row.accounts.get()
    with audit.acting_as(name="cli:tester"):
        account.balance = "3000.00"
        account.save()
    entry = AuditEntry.objects.filter(action="update", model="store.Account").last()
    assert entry.actor == "cli:tester" and entry.case_id == row.pk
    assert entry.before == {"balance": "3140.00"} and entry.after == {"balance": "3000.00"}
