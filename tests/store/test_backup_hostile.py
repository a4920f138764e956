"""A backup somebody edited: every way of tampering is refused, and nothing is written.

Two kinds of forger: one who edits a row or a file and leaves the manifest (caught by its hashes),
and one who rebuilds the manifest too (caught by checking every row against the models, and by
never creating users or administrators unless the operator says so).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import date

import pytest

from billadvocate.errors import BadInput
from tests.conftest import EXAMPLES
from tests.store.conftest import use_database


def _backup(tmp_path, *, users: bool = False):
    from django.contrib.auth import get_user_model

    from billadvocate.store import backup, cases, deadlines

    user = get_user_model().objects.create_user("advocate1") if users else None
    row = cases.import_case(EXAMPLES / "er-visit-nonprofit", user=user)
    deadlines.add_reminder(row, date(2026, 12, 5), "call back")
    backup.backup(tmp_path / "b.zip")
    return tmp_path / "b.zip"


def _forge(src, dst, *, rows=None, files=None, extra=None, rebuild_manifest=False):
    """Copy backup SRC to DST with its rows changed by ROWS(list), its files by FILES(name, bytes),
    EXTRA entries added; REBUILD_MANIFEST makes the manifest agree with the forgery."""
    from billadvocate.store.backup_check import rows_digest, users_of

    with zipfile.ZipFile(src) as z:
        entries = {i.filename: z.read(i) for i in z.infolist()}
    manifest = json.loads(entries.pop("manifest.json"))
    if rows is not None:
        data = json.loads(entries["data.json"])
        rows(data)
        entries["data.json"] = json.dumps(data).encode()
    if files is not None:
        entries = {name: files(name, body) for name, body in entries.items()}
    entries.update(extra or {})
    if rebuild_manifest:
        data = json.loads(entries["data.json"])
        manifest["files"] = {n: hashlib.sha256(b).hexdigest() if n == "data.json" else n.split("/")[-1]
                             for n, b in entries.items()}
        manifest["rows"] = rows_digest(data)
        manifest["users"] = users_of(data)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest))
        for name, body in entries.items():
            z.writestr(name, body)
    return dst


def assert_restores_nothing(tmp_path, file, match, **flags):
    from billadvocate.store import backup
    from billadvocate.store.models import AuditEntry, Case

    use_database(tmp_path / "restored", None)
    with pytest.raises(BadInput, match=match):
        backup.restore(file, **flags)
    from django.contrib.auth import get_user_model

    assert Case.objects.count() == 0 and AuditEntry.objects.count() == 0
    assert get_user_model().objects.count() == 0
    assert [p for p in (tmp_path / "restored").rglob("documents/**/*") if p.is_file() and ".journal" not in p.parts] == []


def _deep(n):
    value = "deep"
    for _ in range(n):
        value = [value]
    return value


def _first(data, label):
    return next(r for r in data if r["model"] == label)


def test_a_changed_row_is_refused(sqlite_store, tmp_path):
    b = _backup(tmp_path)

    def change(data):
        _first(data, "store.account")["fields"]["balance"] = "1.00"

    assert_restores_nothing(tmp_path, _forge(b, tmp_path / "f.zip", rows=change), "rows of store.account")


def test_an_added_or_removed_row_is_refused(sqlite_store, tmp_path):
    b = _backup(tmp_path)
    assert_restores_nothing(tmp_path, _forge(b, tmp_path / "f1.zip", rows=lambda d: d.remove(_first(d, "store.event"))),
                      "rows of store.event")


def test_a_changed_document_is_refused(sqlite_store, tmp_path):
    b = _backup(tmp_path)
    forged = _forge(b, tmp_path / "f.zip",
                    files=lambda n, body: body + b"x" if n.startswith("documents/") else body)
    assert_restores_nothing(tmp_path, forged, "does not match its hash")


def test_an_extra_file_is_refused(sqlite_store, tmp_path):
    b = _backup(tmp_path)
    for extra in ({"documents/../../evil.sh": b"#!"}, {"notes.txt": b"hello"},
                  {"documents/" + "a" * 64: b"unlisted"}):
        forged = _forge(b, tmp_path / "f.zip", extra=extra)
        assert_restores_nothing(tmp_path, forged, "climbs out|manifest does not list")


def test_a_superuser_added_is_refused(sqlite_store, tmp_path):
    b = _backup(tmp_path)

    def add_root(data):
        data.append({"model": "auth.user", "fields": {
            "username": "root", "password": "!", "is_superuser": True, "is_staff": True, "is_active": True,
            "first_name": "", "last_name": "", "email": "", "date_joined": "2026-01-01T00:00:00Z",
            "last_login": None, "groups": [], "user_permissions": []}})

    # the manifest left as it was: the row hashes give it away
    assert_restores_nothing(tmp_path, _forge(b, tmp_path / "f1.zip", rows=add_root), "rows of auth.user")
    # the manifest rebuilt: no user comes in without --with-users, no administrator without --with-admins
    forged = _forge(b, tmp_path / "f2.zip", rows=add_root, rebuild_manifest=True)
    assert_restores_nothing(tmp_path, forged, "holds 1 user account.*--with-users")
    assert_restores_nothing(tmp_path, forged, "makes 'root' an administrator.*--with-admins", with_users=True)


def test_a_user_made_staff_or_admin_role_is_refused(sqlite_store, tmp_path):
    b = _backup(tmp_path, users=True)

    def promote(data):
        _first(data, "auth.user")["fields"]["is_staff"] = True

    forged = _forge(b, tmp_path / "f.zip", rows=promote, rebuild_manifest=True)
    assert_restores_nothing(tmp_path, forged, "administrator", with_users=True)


def test_users_come_in_only_when_the_operator_says_so(sqlite_store, tmp_path):
    from django.contrib.auth import get_user_model

    from billadvocate.store import backup

    b = _backup(tmp_path, users=True)
    assert_restores_nothing(tmp_path, b, "holds 1 user account")
    backup.restore(b, with_users=True)
    user = get_user_model().objects.get()
    assert user.username == "advocate1" and not user.is_superuser and not user.is_staff


def test_an_administrator_comes_in_with_with_admins(sqlite_store, tmp_path):
    from django.contrib.auth import get_user_model

    from billadvocate.store import backup

    get_user_model().objects.create_superuser("boss", password="a long pass phrase")
    b = _backup(tmp_path)
    assert_restores_nothing(tmp_path, b, "makes 'boss' an administrator", with_users=True)
    backup.restore(b, with_admins=True)
    assert get_user_model().objects.get().is_superuser


@pytest.mark.parametrize("label,field,value,match", [
    ("store.document", "path", "../../../etc/passwd", "not a path inside a case folder"),
    ("store.document", "path", "/etc/passwd", "not a path inside a case folder"),
    ("store.document", "sha256", "../../secret_key", "does not hold"),
    ("store.event", "at", "3024-01-01T00:00:00Z", "not between 1900 and 2100"),
    ("store.account", "balance", "1e12", "beyond any real amount|digits"),
    ("store.account", "first_bill_date", "0999-01-01", "not between 1900 and 2100"),
    ("store.case", "status", "hacked", "not a valid choice"),
    ("store.case", "title", "x" * 5000, "at most 200"),
    ("store.account", "provider", {"name": "a", "x": _deep(30)},
     "nested more than"),
    ("store.case", "password_reset", "x", "field 'password_reset' the table does not have"),
])
def test_a_forged_value_is_refused_even_with_a_rebuilt_manifest(sqlite_store, tmp_path, label, field, value,
                                                                  match):
    b = _backup(tmp_path)

    def forge(data):
        _first(data, label)["fields"][field] = value

    forged = _forge(b, tmp_path / "f.zip", rows=forge, rebuild_manifest=True)
    assert_restores_nothing(tmp_path, forged, match, with_admins=True)


def test_a_row_of_a_table_no_backup_holds_is_refused(sqlite_store, tmp_path):
    b = _backup(tmp_path)
    forged = _forge(b, tmp_path / "f.zip", rebuild_manifest=True, rows=lambda d: d.append(
        {"model": "sessions.session", "pk": "abc", "fields": {"session_data": "x", "expire_date": "2030-01-01T00:00:00Z"}}))
    assert_restores_nothing(tmp_path, forged, "no backup holds")


def test_a_case_the_model_refuses_is_not_restored(sqlite_store, tmp_path):
    """Columns can be fine one by one and the case still not open (a bad state code in the patient)."""
    b = _backup(tmp_path)

    def forge(data):
        _first(data, "store.person")["fields"]["state"] = "ZZ"

    assert_restores_nothing(tmp_path, _forge(b, tmp_path / "f.zip", rows=forge, rebuild_manifest=True),
                      "case 1 would not open")


def test_restore_on_the_command_line_is_one_line_exit_2(sqlite_store, tmp_path):
    b = _backup(tmp_path)
    forged = _forge(b, tmp_path / "f.zip", extra={"x.txt": b"x"})
    empty = tmp_path / "empty-home"
    empty.mkdir()
    r = sqlite_store.cli("restore", forged, env={"BILLADVOCATE_HOME": str(empty)})
    assert r.code == 2 and "manifest does not list" in r.err and len(r.err.strip().splitlines()) == 1
    r = sqlite_store.cli("restore", b, env={"BILLADVOCATE_HOME": str(empty)})
    assert r.code == 0, r.err
