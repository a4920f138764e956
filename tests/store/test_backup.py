"""Backup and restore: the whole store in one archive, across databases, all or nothing."""

from __future__ import annotations

import zipfile

import pytest

from billadvocate.errors import BadInput
from tests.conftest import EXAMPLES
from tests.store.conftest import use_database
from tests.store.test_roundtrip import HERE


def everything():
    from billadvocate.store import cases, mapping
    from billadvocate.store.models import AuditEntry, Case

    return ({c.pk: mapping.case_file_data(cases.mapping.to_canonical(c), as_json=True) for c in Case.objects.all()},
            AuditEntry.objects.count())


def test_a_backup_restores_into_an_empty_sqlite_store_the_same(store, tmp_path):
    from django.contrib.auth import get_user_model

    from billadvocate.store import backup, blobs, cases, deadlines

    user = get_user_model().objects.create_user("advocate1")
    a = cases.import_case(EXAMPLES / "er-visit-nonprofit", user=user)
    a.assigned_to.add(user)
    cases.import_case(HERE / "fixtures" / "full")
    deadlines.add_reminder(a, __import__("datetime").date(2026, 12, 5), "call back")
    before = everything()
    info = backup.backup(tmp_path / "b.zip")
    assert info["cases"] == 2 and info["documents"] == 5  # full/bills/er.csv is the example bill: kept once

    use_database(tmp_path / "restored", None)  # a different, empty store (SQLite), whatever the source
    backup.restore(tmp_path / "b.zip", with_users=True)
    cases_after, audit_after = everything()
    assert cases_after == before[0]
    assert audit_after == before[1] + 1  # the trail came along, plus the restore itself
    restored = cases.get_case(a.pk)
    assert [u.username for u in restored.assigned_to.all()] == ["advocate1"]
    assert restored.created_by.username == "advocate1"
    assert restored.deadlines.get().why == "call back"
    assert all(blobs.verify(d.sha256) for d in restored.documents.all())
    # ids go on from the restored ones
    assert cases.import_case(EXAMPLES / "uninsured-outpatient").pk == 3


def test_restore_refuses_a_store_that_already_has_cases(store, tmp_path):
    from billadvocate.store import backup, cases

    cases.import_case(EXAMPLES / "er-visit-nonprofit")
    backup.backup(tmp_path / "b.zip")
    with pytest.raises(BadInput, match="already holds 1 case"):
        backup.restore(tmp_path / "b.zip")


def test_a_damaged_backup_restores_nothing(store, tmp_path):
    from billadvocate.store import backup, cases

    cases.import_case(EXAMPLES / "er-visit-nonprofit")
    backup.backup(tmp_path / "b.zip")
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(tmp_path / "b.zip") as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data + b"tampered" if item.filename.startswith("documents/") else data)
    use_database(tmp_path / "restored", None)
    with pytest.raises(BadInput, match="does not match its hash"):
        backup.restore(damaged)
    assert everything() == ({}, 0)
    assert [p for p in (tmp_path / "restored").rglob("documents/**/*") if p.is_file() and ".journal" not in p.parts] == []


def test_not_a_backup_is_one_clear_line(store, tmp_path):
    from billadvocate.store import backup

    not_zip = tmp_path / "x.zip"
    not_zip.write_text("hello")
    with pytest.raises(BadInput, match="not a readable .zip"):
        backup.restore(not_zip)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("manifest.json", '{"format": "something-else"}')
    with pytest.raises(BadInput, match="not a billadvocate backup"):
        backup.restore(other)
